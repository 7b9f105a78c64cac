#!/usr/bin/env bash
# Starts `pipedeck --demo` under Xvfb and saves a screenshot of the whole screen.
#   scripts/screenshot.sh OUT.png [--lang ja] [more pipedeck args]
# Uses build/release unless PIPEDECK_BIN points elsewhere. Needs xvfb, imagemagick, fonts-noto-cjk.
set -euo pipefail
cd "$(dirname "$0")/.."
out="$1"; shift
bin="${PIPEDECK_BIN:-build/release/app/pipedeck}"
delay="${PIPEDECK_SCREENSHOT_DELAY:-6}"
display=":$((90 + RANDOM % 50))"
Xvfb "$display" -screen 0 1400x900x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null || true' EXIT
sleep 1
scratch=$(mktemp -d)
mkdir -p "$scratch/run" && chmod 700 "$scratch/run"
HOME="$scratch" XDG_CONFIG_HOME="$scratch/config" XDG_RUNTIME_DIR="$scratch/run" \
    DISPLAY="$display" QT_QPA_PLATFORM=xcb \
    "$bin" --demo -qwindowgeometry 1400x900+0+0 "$@" >"$scratch/pipedeck.log" 2>&1 &
app=$!
sleep "$delay"
DISPLAY="$display" import -window root "$out"
kill "$app" 2>/dev/null || true
wait "$app" 2>/dev/null || true
rm -rf "$scratch"
echo "saved $out"
