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
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
export HOME="$scratch/home" XDG_CONFIG_HOME="$scratch/config" XDG_DATA_HOME="$scratch/data" \
       XDG_CACHE_HOME="$scratch/cache" XDG_RUNTIME_DIR="$scratch/run"
mkdir -p "$HOME" "$XDG_CONFIG_HOME" "$XDG_DATA_HOME" "$XDG_CACHE_HOME" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"

dbus-run-session -- bash -c '
    set -e
    eval "$(printf pipedeck | gnome-keyring-daemon --unlock --components=secrets)"
    export GNOME_KEYRING_CONTROL
    ctest --preset "$0" --output-on-failure -j2
' "$preset"
