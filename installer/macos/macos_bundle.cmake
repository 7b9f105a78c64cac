# macOS (not exercised here; CI builds it on GitHub Actions: .github/workflows/build.yml):
# Pipedeck.app with its Info.plist (bundle id io.github.pipedeck.Pipedeck, version), an .icns
# made by iconutil from the icon drawn at build time, the Qt frameworks inside by macdeployqt,
# in a DMG.
set(PIPEDECK_ICONSET ${CMAKE_BINARY_DIR}/pipedeck.iconset)
set(PIPEDECK_ICNS ${CMAKE_BINARY_DIR}/pipedeck.icns)
add_custom_command(OUTPUT ${PIPEDECK_ICNS}
    COMMAND pipedeck-render-icons ${PROJECT_SOURCE_DIR}/resources/icons/pipedeck.svg
            ${CMAKE_BINARY_DIR}/icons io.github.pipedeck.Pipedeck --iconset ${PIPEDECK_ICONSET}
    COMMAND iconutil --convert icns --output ${PIPEDECK_ICNS} ${PIPEDECK_ICONSET}
    DEPENDS pipedeck-render-icons ${PROJECT_SOURCE_DIR}/resources/icons/pipedeck.svg)
target_sources(pipedeck PRIVATE ${PIPEDECK_ICNS})
set_source_files_properties(${PIPEDECK_ICNS} PROPERTIES MACOSX_PACKAGE_LOCATION Resources)
set_target_properties(pipedeck PROPERTIES
    OUTPUT_NAME Pipedeck
    MACOSX_BUNDLE_INFO_PLIST ${CMAKE_CURRENT_LIST_DIR}/Info.plist.in
    MACOSX_BUNDLE_GUI_IDENTIFIER io.github.pipedeck.Pipedeck
    MACOSX_BUNDLE_BUNDLE_NAME Pipedeck
    MACOSX_BUNDLE_BUNDLE_VERSION ${PROJECT_VERSION}
    MACOSX_BUNDLE_SHORT_VERSION_STRING ${PROJECT_VERSION}
    MACOSX_BUNDLE_ICON_FILE pipedeck.icns)

find_program(MACDEPLOYQT macdeployqt HINTS "${QT6_INSTALL_PREFIX}/bin" REQUIRED)
install(CODE "
    execute_process(COMMAND \"${MACDEPLOYQT}\" \"\${CMAKE_INSTALL_PREFIX}/Pipedeck.app\"
                    COMMAND_ERROR_IS_FATAL ANY)
")
set(CPACK_GENERATOR "DragNDrop")
set(CPACK_DMG_VOLUME_NAME "Pipedeck")
set(CPACK_PACKAGE_FILE_NAME "pipedeck_${PROJECT_VERSION}_macos")
