#!/usr/bin/env bash
# The .deb as a user gets it: lintian finds no error, `apt-get install ./pipedeck_*.deb`
# installs it with its dependencies, the installed pipedeck answers --version and paints its
# first window of the demo (offscreen), and removing it leaves no file of it behind.
#   scripts/check-package.sh build/package/pipedeck_<version>_<arch>.deb
set -euo pipefail
deb="$(realpath "$1")"
sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
export DEBIAN_FRONTEND=noninteractive

# Errors fail; warnings are printed (none today). Overrides would live in the package.
lintian --fail-on error --tag-display-limit 0 "$deb"

files=$(dpkg-deb --fsys-tarfile "$deb" | tar -t | sed -e 's|^\./|/|' -e '/\/$/d')
$sudo apt-get install -y --no-install-recommends "$deb"
trap '$sudo apt-get purge -y pipedeck >/dev/null 2>&1 || true' EXIT

version=$(/usr/bin/pipedeck --version 2>/dev/null)
expected="pipedeck $(dpkg-deb -f "$deb" Version)"
[ "$version" = "$expected" ] || { echo "pipedeck --version said '$version', not '$expected'"; exit 1; }
for tool in pipedeck-log pipedeck-sim; do
    /usr/bin/$tool --version | grep -q "^$tool " || { echo "$tool --version failed"; exit 1; }
done
man -w pipedeck >/dev/null

# The demo to its first painted window, in a home of its own.
scratch=$(mktemp -d)
mkdir -m 700 "$scratch/run"
log="$scratch/pipedeck.log"
HOME="$scratch" XDG_CONFIG_HOME="$scratch/config" XDG_DATA_HOME="$scratch/data" \
    XDG_CACHE_HOME="$scratch/cache" XDG_RUNTIME_DIR="$scratch/run" QT_QPA_PLATFORM=offscreen \
    QT_LOGGING_RULES="pipedeck.perf.info=true" /usr/bin/pipedeck --demo >"$log" 2>&1 &
app=$!
painted=""
for _ in $(seq 1 60); do
    if grep -q "first paint" "$log"; then painted=yes; break; fi
    kill -0 "$app" 2>/dev/null || break
    sleep 0.5
done
kill "$app" 2>/dev/null || true
wait "$app" 2>/dev/null || true
if [ -z "$painted" ]; then
    echo "the installed pipedeck --demo painted no window; its output:"
    cat "$log"
    exit 1
fi
grep "first paint" "$log"
rm -rf "$scratch"

$sudo apt-get purge -y pipedeck
trap - EXIT
left=""
for f in $files; do
    [ -e "$f" ] && left="$left $f"
done
if [ -n "$left" ] || dpkg-query -W pipedeck >/dev/null 2>&1; then
    echo "left behind after removal:$left"
    exit 1
fi
echo "package check passed: $(basename "$deb")"
