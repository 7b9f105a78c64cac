#!/usr/bin/env bash
# The two README commands:
#   ./quickstart.sh demo   install what is missing, build, start Pipedeck on its built-in demo
#   ./quickstart.sh test   install what is missing, build, run the whole test suite
#   ./quickstart.sh package  build build/package/pipedeck_<version>_<arch>.deb (Linux; from the
#                            release preset, or PIPEDECK_PACKAGE_PRESET's build, as CI does)
set -euo pipefail
cd "$(dirname "$0")"

case "${1:-}" in
demo)
    scripts/install-deps.sh
    cmake --preset release
    cmake --build --preset release
    exec build/release/app/pipedeck --demo "${@:2}"
    ;;
test)
    scripts/install-deps.sh
    scripts/run-tests.sh "${PIPEDECK_TEST_PRESET:-ci}"
    ;;
package)
    scripts/install-deps.sh
    preset="${PIPEDECK_PACKAGE_PRESET:-release}"
    cmake --preset "$preset"
    cmake --build --preset "$preset"
    (cd "build/$preset" && cpack -G DEB)
    ls build/package/pipedeck_*.deb
    ;;
*)
    echo "usage: $0 demo|test|package" >&2
    exit 2
    ;;
esac
