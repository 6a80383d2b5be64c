# The Debian package: `cmake --build <dir> --target package` (scripts/package builds and checks it).
#
# Today one package, `wagate`, holds the console and the gateway service (wagate --headless). The
# files are installed in components so that a headless-only package for servers without the Widgets
# library is one more component: give the engine-only executable COMPONENT server, add "server" to
# CPACK_COMPONENTS_ALL with its own CPACK_DEBIAN_SERVER_PACKAGE_* lines, and move the service files
# there.
set(WAGATE_PACKAGE_CONTACT "Wagate developers <wagate@example.org>" CACHE STRING "Maintainer of the Debian package")
set(WAGATE_SYSTEMD_UNIT_DIR "/lib/systemd/system" CACHE PATH "Where the package installs wagate.service")

set(pkg ${PROJECT_SOURCE_DIR}/packaging)
set(pkg_build ${PROJECT_BINARY_DIR}/packaging)
configure_file(${pkg}/debian/changelog.in ${pkg_build}/changelog @ONLY)
add_custom_command(OUTPUT ${pkg_build}/changelog.gz
  COMMAND gzip -9nkf changelog
  DEPENDS ${pkg_build}/changelog WORKING_DIRECTORY ${pkg_build} VERBATIM)
add_custom_target(wagate_package_changelog ALL DEPENDS ${pkg_build}/changelog.gz)

install(FILES ${pkg}/wagate.service DESTINATION ${WAGATE_SYSTEMD_UNIT_DIR} COMPONENT console)
install(FILES ${pkg}/debian/copyright ${pkg_build}/changelog.gz DESTINATION share/doc/wagate COMPONENT console)

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME wagate)
set(CPACK_PACKAGE_VENDOR "the Wagate developers")
set(CPACK_PACKAGE_CONTACT "${WAGATE_PACKAGE_CONTACT}")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "WhatsApp gateway with a desktop console and a system service")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_PACKAGE_DIRECTORY ${PROJECT_BINARY_DIR}/package)
set(CPACK_COMPONENTS_ALL console)
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_COMPONENTS_GROUPING ALL_COMPONENTS_IN_ONE)

set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_NAME wagate)
set(CPACK_DEBIAN_PACKAGE_SECTION net)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# CPack puts the summary first and indents these lines itself.
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION "Wagate connects many WhatsApp numbers (sessions) of many organizations as a
linked device and serves a local HTTP API for scripts. Support staff use the
console to see every session's live status, start and stop them and link new
numbers by QR code or pairing code; it speaks English, Bahasa Indonesia,
Brazilian Portuguese and Spanish.

The package also installs the gateway without a window as the system service
wagate.service, under its own user, with its data in /var/lib/wagate and its
HTTP API on 127.0.0.1:8787.")
# The libraries the binary links come from dpkg-shlibdeps; Qt's plugins it loads at run time
# (SQLite driver, SVG icons) and the tools of the maintainer scripts are named here.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6sql6-sqlite, libqt6svg6, adduser")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "libqt6sql6-psql, qt6-translations-l10n, gnome-keyring | libkf5wallet-bin")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "postgresql")
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA ${pkg}/debian/postinst ${pkg}/debian/prerm ${pkg}/debian/postrm)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)

include(CPack)
