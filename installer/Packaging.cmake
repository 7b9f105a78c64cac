# Installers: a .deb on Linux (built, linted, installed and removed in CI: .ci/run), an NSIS
# installer on Windows and a DMG on macOS (recipes that cannot run here; see the README).
add_subdirectory(${CMAKE_CURRENT_LIST_DIR}/icons ${CMAKE_BINARY_DIR}/installer/icons)

set(CPACK_PACKAGE_NAME "pipedeck")
set(CPACK_PACKAGE_VENDOR "The Pipedeck developers")
set(CPACK_PACKAGE_CONTACT "Pipedeck developers <dev@pipedeck.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_HOMEPAGE_URL "${PROJECT_HOMEPAGE_URL}")
set(CPACK_RESOURCE_FILE_LICENSE "${PROJECT_SOURCE_DIR}/LICENSE")
set(CPACK_PACKAGE_DIRECTORY "${PROJECT_SOURCE_DIR}/build/package")
set(CPACK_STRIP_FILES ON)

if(WIN32)
    include(${CMAKE_CURRENT_LIST_DIR}/windows/windows_installer.cmake)
elseif(APPLE)
    include(${CMAKE_CURRENT_LIST_DIR}/macos/macos_bundle.cmake)
else()
    include(${CMAKE_CURRENT_LIST_DIR}/linux/desktop_integration.cmake)
    set(CPACK_GENERATOR "DEB")
    set(CPACK_PACKAGING_INSTALL_PREFIX "/usr")
    set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
    set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
    set(CPACK_DEBIAN_PACKAGE_SECTION "devel")
    set(CPACK_DEBIAN_PACKAGE_PRIORITY "optional")
    set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "${PROJECT_HOMEPAGE_URL}")
    set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
    # Loaded as plugins, so shlibdeps cannot see them: the X11/Wayland platform plugins and
    # SQLite for the run history. The Secret Service and Qt's own Japanese texts are optional.
    set(CPACK_DEBIAN_PACKAGE_DEPENDS "qt6-qpa-plugins, libqt6sql6-sqlite")
    set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "gnome-keyring | kwalletmanager, qt6-translations-l10n")
    # The synopsis is CPACK_PACKAGE_DESCRIPTION_SUMMARY; CPack indents these lines and turns
    # the empty one into the paragraph mark.
    set(CPACK_DEBIAN_PACKAGE_DESCRIPTION "Pipedeck shows GitLab CI/CD pipelines as they run (stages, jobs, trigger jobs
and their downstream pipelines), reads job logs of any size, plays manual jobs
with variables, retries and cancels jobs, runs and triggers pipelines, and
keeps pipeline trigger tokens in the OS keychain.

The package also holds pipedeck-log, which renders job logs on the command
line, and pipedeck-sim, a GitLab API simulator on loopback for trying it out.")
endif()

include(CPack)
