#!/usr/bin/env bash
# Starts `pipedeck --demo` under Xvfb with the openbox window manager and saves one window.
#   scripts/screenshot-window.sh OUT.png TITLE [pipedeck args...]
# TITLE is a regular expression for the window's title (xdotool search --name), e.g.
# "Run a pipeline" for the dialog that `platform/deploy-tools/-/pipelines/new?...` opens.
# Uses build/release unless PIPEDECK_BIN points elsewhere. Needs xvfb, openbox, xdotool,
# imagemagick, fonts-noto-cjk (scripts/install-deps.sh).
# PIPEDECK_XDOTOOL: xdotool commands for the window before the shot, separated by ';'
# (e.g. "type DEPLOY_ENV; key Tab; type production; key Tab").
# PIPEDECK_SHOT_TITLE: shoot the window of that title after the steps instead (a dialog they open).
set -euo pipefail
cd "$(dirname "$0")/.."
out="$1"; title="$2"; shift 2
bin="${PIPEDECK_BIN:-build/release/app/pipedeck}"
delay="${PIPEDECK_SCREENSHOT_DELAY:-6}"
display=":$((90 + RANDOM % 50))"
Xvfb "$display" -screen 0 1400x900x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
scratch=$(mktemp -d)
app=""
trap 'kill $app $wm $xvfb 2>/dev/null || true; rm -rf "$scratch"' EXIT
sleep 1
DISPLAY="$display" openbox >/dev/null 2>&1 &
wm=$!
sleep 1
mkdir -p "$scratch/run" && chmod 700 "$scratch/run"
HOME="$scratch" XDG_CONFIG_HOME="$scratch/config" XDG_DATA_HOME="$scratch/data" \
    XDG_RUNTIME_DIR="$scratch/run" DISPLAY="$display" QT_QPA_PLATFORM=xcb \
    "$bin" --demo -qwindowgeometry 1300x820+20+20 "$@" >"$scratch/pipedeck.log" 2>&1 &
app=$!
sleep "$delay"
window=$(DISPLAY="$display" xdotool search --onlyvisible --name "$title" | tail -1 || true)
if [ -z "$window" ]; then
    echo "no window titled '$title'; pipedeck said:" >&2
    cat "$scratch/pipedeck.log" >&2
    kill "$app" 2>/dev/null || true
    exit 1
fi
if [ -n "${PIPEDECK_XDOTOOL:-}" ]; then
    DISPLAY="$display" xdotool windowactivate --sync "$window"
    IFS=';' read -ra steps <<<"$PIPEDECK_XDOTOOL"
    for step in "${steps[@]}"; do
        # shellcheck disable=SC2086 # the words of one xdotool command
        DISPLAY="$display" xdotool $step
        sleep 0.2
    done
    sleep 1
fi
# A window the steps opened (a dialog from a menu), by its title.
if [ -n "${PIPEDECK_SHOT_TITLE:-}" ]; then
    window=$(DISPLAY="$display" xdotool search --onlyvisible --name "$PIPEDECK_SHOT_TITLE" | tail -1 || true)
    [ -n "$window" ] || { echo "no window titled '$PIPEDECK_SHOT_TITLE' after the steps" >&2; exit 1; }
fi
DISPLAY="$display" import -window "$window" "$out"
kill "$app" 2>/dev/null || true
wait "$app" 2>/dev/null || true
echo "saved $out (window $window)"
