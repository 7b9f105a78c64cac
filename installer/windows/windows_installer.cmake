# Windows (not exercised here; CI builds it on GitHub Actions: .github/workflows/build.yml):
# a per-user NSIS installer with a Start menu entry and an uninstaller, the Qt runtime next to
# the executables by windeployqt, and pipedeck.exe carrying its version and icon (pipedeck.rc).
set(PIPEDECK_APP_ID io.github.pipedeck.Pipedeck)

# The icon, drawn from the SVG at build time, and the version resource that shows it.
set(PIPEDECK_ICO ${CMAKE_BINARY_DIR}/pipedeck.ico)
add_custom_command(OUTPUT ${PIPEDECK_ICO}
    COMMAND pipedeck-render-icons ${PROJECT_SOURCE_DIR}/resources/icons/pipedeck.svg
            ${CMAKE_BINARY_DIR}/icons ${PIPEDECK_APP_ID} --ico ${PIPEDECK_ICO}
    DEPENDS pipedeck-render-icons ${PROJECT_SOURCE_DIR}/resources/icons/pipedeck.svg)
add_custom_target(pipedeck_windows_icon DEPENDS ${PIPEDECK_ICO})
configure_file(${CMAKE_CURRENT_LIST_DIR}/pipedeck.rc.in ${CMAKE_BINARY_DIR}/pipedeck.rc @ONLY)
target_sources(pipedeck PRIVATE ${CMAKE_BINARY_DIR}/pipedeck.rc)
add_dependencies(pipedeck pipedeck_windows_icon)

# The Qt DLLs, plugins (platforms, tls, sqldrivers, iconengines, imageformats) and Qt's own
# translations beside pipedeck.exe; QtKeychain's DLL comes from vcpkg's bin folder.
find_program(WINDEPLOYQT windeployqt HINTS "${QT6_INSTALL_PREFIX}/bin" REQUIRED)
install(CODE "
    execute_process(COMMAND \"${WINDEPLOYQT}\" --release --no-compiler-runtime
                            \"\${CMAKE_INSTALL_PREFIX}/bin/pipedeck.exe\" COMMAND_ERROR_IS_FATAL ANY)
")
install(FILES $<TARGET_RUNTIME_DLLS:pipedeck> DESTINATION bin)
set(CMAKE_INSTALL_SYSTEM_RUNTIME_DESTINATION bin)
include(InstallRequiredSystemLibraries)

set(CPACK_GENERATOR "NSIS")
set(CPACK_PACKAGE_INSTALL_DIRECTORY "Pipedeck")
set(CPACK_PACKAGE_EXECUTABLES "pipedeck;Pipedeck")
set(CPACK_NSIS_DISPLAY_NAME "Pipedeck")
set(CPACK_NSIS_PACKAGE_NAME "Pipedeck")
set(CPACK_NSIS_MUI_ICON ${PIPEDECK_ICO})
set(CPACK_NSIS_MUI_UNIICON ${PIPEDECK_ICO})
set(CPACK_NSIS_INSTALLED_ICON_NAME "bin\\\\pipedeck.exe")
set(CPACK_NSIS_URL_INFO_ABOUT "${PROJECT_HOMEPAGE_URL}")
set(CPACK_NSIS_ENABLE_UNINSTALL_BEFORE_INSTALL ON)
# Per user: no administrator rights, installed under %LOCALAPPDATA%\Programs.
set(CPACK_NSIS_DEFINES "RequestExecutionLevel user")
set(CPACK_NSIS_INSTALL_ROOT "$LOCALAPPDATA\\\\Programs")
set(CPACK_NSIS_EXTRA_PREINSTALL_COMMANDS "SetShellVarContext current")
set(CPACK_NSIS_EXTRA_UNINSTALL_COMMANDS "SetShellVarContext current")
set(CPACK_PACKAGE_FILE_NAME "pipedeck_${PROJECT_VERSION}_windows-x64")
