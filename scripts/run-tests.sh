#!/usr/bin/env bash
# Builds a preset and runs ctest inside a private D-Bus session with an unlocked
# gnome-keyring, so the token store is tested against the real Secret Service.
set -euo pipefail
cd "$(dirname "$0")/.."
preset="${1:-ci}"

cmake --preset "$preset"
cmake --build --preset "$preset"

export QT_QPA_PLATFORM=offscreen
# A private HOME/XDG tree: tests never touch the user's settings or keyring.
scripts/with-keyring.sh ctest --preset "$preset" --output-on-failure -j2
