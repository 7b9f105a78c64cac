#!/usr/bin/env bash
# Installs what Pipedeck needs to build, test and run on Debian 12 (bookworm).
# Skips apt entirely when everything is already there.
set -euo pipefail

packages=(
    # build
    cmake ninja-build g++ pkg-config ccache curl
    qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
    qt6-svg-dev qt6-translations-l10n qtkeychain-qt6-dev libgl-dev libqt6sql6-sqlite
    # the real Secret Service for the token-store tests
    dbus dbus-x11 gnome-keyring libsecret-tools
    # the TLS tests make a CA and a server certificate at test time
    openssl
    # fuzzing (libFuzzer) and the log benchmark's peer
    clang libclang-rt-14-dev glogg
    # the .deb: man pages from --help, shlibdeps, lint, desktop and AppStream checks
    help2man dpkg-dev file lintian desktop-file-utils appstream man-db
    # running the GUI for screenshots; Japanese glyphs
    xvfb xauth x11-apps imagemagick fonts-noto-cjk fonts-noto-color-emoji openbox xdotool
    # a notification server and a tray for the watching screenshots
    dunst trayer
)

missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "Installing: ${missing[*]}"
sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update
$sudo apt-get install -y --no-install-recommends "${missing[@]}"
