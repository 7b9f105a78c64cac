#!/usr/bin/env bash
# Start-up benchmark (figures in docs/startup.md): builds pipedeck and bench_startup with the
# release preset, then starts `pipedeck --demo` RUNS times offscreen and, when xvfb-run is
# installed, RUNS times on a real X server (Xvfb), inside a private D-Bus session with an
# unlocked gnome-keyring, as scripts/run-tests.sh does.
#   scripts/bench-startup.sh [bench_startup options, e.g. --runs 9 --idle-seconds 10]
set -euo pipefail
cd "$(dirname "$0")/.."
build="${BUILD_DIR:-build/release}"

[ -f "$build/build.ninja" ] || cmake --preset release -B "$build"
cmake --build "$build" --target pipedeck bench_startup
bench="$(pwd)/$build/tests/benchmarks/app/bench_startup"

# The keyring and its D-Bus session live in a scratch tree; bench_startup gives every run of
# pipedeck a fresh HOME of its own.
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
    bench="$0"
    QT_QPA_PLATFORM=offscreen "$bench" "$@"
    if command -v xvfb-run >/dev/null; then
        echo
        xvfb-run -a -s "-screen 0 1600x1000x24" env QT_QPA_PLATFORM=xcb "$bench" "$@"
    fi
' "$bench" "$@"
