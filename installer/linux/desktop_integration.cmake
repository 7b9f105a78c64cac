# Linux: what the .deb holds besides the three executables — the desktop file, AppStream
# metainfo, hicolor icons (SVG and PNG sizes rendered at build time by Qt), man pages written
# from each tool's --help by help2man, and the licence files. Paths are relative to the install
# prefix (/usr in the package).
set(PIPEDECK_APP_ID io.github.pipedeck.Pipedeck)

install(FILES ${PROJECT_SOURCE_DIR}/resources/${PIPEDECK_APP_ID}.desktop
        DESTINATION share/applications)
install(FILES ${PROJECT_SOURCE_DIR}/resources/${PIPEDECK_APP_ID}.metainfo.xml
        DESTINATION share/metainfo)
install(FILES ${PROJECT_SOURCE_DIR}/resources/icons/pipedeck.svg
        DESTINATION share/icons/hicolor/scalable/apps RENAME ${PIPEDECK_APP_ID}.svg)

set(icon_dir ${CMAKE_BINARY_DIR}/icons)
set(icon_sizes 16 24 32 48 64 128 256 512)
set(icon_pngs "")
foreach(size IN LISTS icon_sizes)
    list(APPEND icon_pngs ${icon_dir}/hicolor/${size}x${size}/apps/${PIPEDECK_APP_ID}.png)
endforeach()
add_custom_command(OUTPUT ${icon_pngs}
    COMMAND pipedeck-render-icons ${PROJECT_SOURCE_DIR}/resources/icons/pipedeck.svg
            ${icon_dir} ${PIPEDECK_APP_ID}
    DEPENDS pipedeck-render-icons ${PROJECT_SOURCE_DIR}/resources/icons/pipedeck.svg
    COMMENT "Rendering the application icon")
add_custom_target(pipedeck_icons ALL DEPENDS ${icon_pngs})
install(DIRECTORY ${icon_dir}/hicolor DESTINATION share/icons)

# help2man runs each tool by name from its build folder, so the page says "pipedeck", not a
# build path; offscreen, since pipedeck is a GUI application even for --help.
find_program(HELP2MAN help2man REQUIRED)
find_program(GZIP gzip REQUIRED)
set(man_dir ${CMAKE_BINARY_DIR}/man)
set(man_pages "")
foreach(tool_and_name
        "pipedeck|desktop client for GitLab CI/CD"
        "pipedeck-log|render and measure GitLab CI job logs"
        "pipedeck-sim|a GitLab REST API simulator on loopback")
    string(REPLACE "|" ";" parts "${tool_and_name}")
    list(GET parts 0 tool)
    list(GET parts 1 name)
    add_custom_command(OUTPUT ${man_dir}/${tool}.1.gz
        COMMAND ${CMAKE_COMMAND} -E make_directory ${man_dir}
        COMMAND ${CMAKE_COMMAND} -E env "PATH=$<TARGET_FILE_DIR:${tool}>:$ENV{PATH}"
                QT_QPA_PLATFORM=offscreen "XDG_RUNTIME_DIR=${CMAKE_BINARY_DIR}/man-runtime"
                ${HELP2MAN} --no-info --no-discard-stderr "--name=${name}"
                --output=${man_dir}/${tool}.1 ${tool}
        COMMAND ${GZIP} -9nf ${man_dir}/${tool}.1
        DEPENDS ${tool}
        COMMENT "Writing the man page of ${tool}")
    list(APPEND man_pages ${man_dir}/${tool}.1.gz)
endforeach()
file(MAKE_DIRECTORY ${CMAKE_BINARY_DIR}/man-runtime)
file(CHMOD ${CMAKE_BINARY_DIR}/man-runtime DIRECTORY_PERMISSIONS OWNER_READ OWNER_WRITE OWNER_EXECUTE)
add_custom_target(pipedeck_man_pages ALL DEPENDS ${man_pages})
install(FILES ${man_pages} DESTINATION share/man/man1)

# Debian's documentation layout: a machine-readable copyright file and a compressed changelog.
add_custom_command(OUTPUT ${CMAKE_BINARY_DIR}/changelog.gz
    COMMAND ${GZIP} -9nc ${CMAKE_CURRENT_LIST_DIR}/changelog > ${CMAKE_BINARY_DIR}/changelog.gz
    DEPENDS ${CMAKE_CURRENT_LIST_DIR}/changelog)
add_custom_target(pipedeck_changelog ALL DEPENDS ${CMAKE_BINARY_DIR}/changelog.gz)
install(FILES ${CMAKE_CURRENT_LIST_DIR}/copyright ${CMAKE_BINARY_DIR}/changelog.gz
              ${PROJECT_SOURCE_DIR}/THIRD_PARTY_NOTICES.txt
        DESTINATION share/doc/pipedeck)
