#!/usr/bin/env bash
# Runs a command with a private HOME/XDG tree, in a private D-Bus session with an unlocked
# gnome-keyring, so the token store talks to the real Secret Service and nothing touches the
# user's own settings or keyring. Used by run-tests.sh and bench-startup.sh.
#   scripts/with-keyring.sh COMMAND [ARGS...]
set -euo pipefail
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
    "$@"
' with-keyring "$@"
