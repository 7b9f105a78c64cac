# Runs lupdate against a copy of the committed catalog and checks the result:
# every message must be present, finished and current.
set(copy "${WORK_DIR}/pipedeck_ja.check.ts")
file(COPY_FILE "${TS_FILE}" "${copy}")
execute_process(
    COMMAND "${LUPDATE}" -locations none -extensions cpp,h
            "${SOURCE_DIR}/lib" "${SOURCE_DIR}/app" -ts "${copy}"
    RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "lupdate failed (${rc}): ${out}${err}")
endif()
file(READ "${copy}" ts)
string(REGEX MATCHALL "<message>|<message [^>]*>" messages "${ts}")
list(LENGTH messages total)
set(problems "")
string(REGEX MATCHALL "<source>[^<]*</source>[^<]*<translation type=\"(unfinished|vanished|obsolete)\"" bad "${ts}")
foreach(entry IN LISTS bad)
    string(APPEND problems "\n  ${entry}")
endforeach()
string(REGEX MATCHALL "<translation>[ \t\r\n]*</translation>" empty "${ts}")
list(LENGTH empty emptyCount)
if(problems OR emptyCount GREATER 0)
    message(FATAL_ERROR "translations/pipedeck_ja.ts is incomplete (${emptyCount} empty):${problems}\n"
        "Run: cmake --build --preset dev --target update_translations, then translate.")
endif()
if(total EQUAL 0)
    message(FATAL_ERROR "no messages found: lupdate did not scan the sources")
endif()
message(STATUS "pipedeck_ja.ts: ${total} messages, all translated")
