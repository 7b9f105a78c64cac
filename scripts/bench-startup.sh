#!/usr/bin/env bash
# Start-up benchmark (figures in docs/startup.md): builds pipedeck and bench_startup with the
# release preset, then starts `pipedeck --demo` several times offscreen and, when xvfb-run is
# installed, on a real X server (Xvfb); the keychain is a private unlocked gnome-keyring
# (scripts/with-keyring.sh). bench_startup gives every run of pipedeck a fresh HOME.
#   scripts/bench-startup.sh [bench_startup options, e.g. --runs 9 --idle-seconds 10]
set -euo pipefail
cd "$(dirname "$0")/.."
build="${BUILD_DIR:-build/release}"

[ -f "$build/build.ninja" ] || cmake --preset release -B "$build"
cmake --build "$build" --target pipedeck bench_startup
bench="$(pwd)/$build/tests/benchmarks/app/bench_startup"

QT_QPA_PLATFORM=offscreen scripts/with-keyring.sh "$bench" "$@"
if command -v xvfb-run >/dev/null; then
    echo
    QT_QPA_PLATFORM=xcb scripts/with-keyring.sh \
        xvfb-run -a -s "-screen 0 1600x1000x24" "$bench" "$@"
fi
