#!/usr/bin/env bash
# The two README commands:
#   ./quickstart.sh demo   install what is missing, build, start Pipedeck on its built-in demo
#   ./quickstart.sh test   install what is missing, build, run the whole test suite
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
*)
    echo "usage: $0 demo|test" >&2
    exit 2
    ;;
esac
