#!/usr/bin/env bash
# The demo's watched pipeline failing, as a desktop shows it: Xvfb with openbox, a notification
# server (dunst) and a system tray (trayer) on a private session bus, `pipedeck --demo`, then
#   OUT-notification.png  the notification dunst shows when the watched pipeline fails (~1 min)
#   OUT-tray.png          the tray icon and its menu (a right click)
#   scripts/screenshot-watching.sh docs/screenshots/watching [--lang ja]
# Uses build/release unless PIPEDECK_BIN points elsewhere. Needs xvfb, openbox, xdotool,
# imagemagick, dunst, trayer, dbus (scripts/install-deps.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${PIPEDECK_SHOT_INNER:-}" ]; then
    exec env PIPEDECK_SHOT_INNER=1 dbus-run-session -- "$0" "$@"
fi
out="$1"; shift
bin="${PIPEDECK_BIN:-build/release/app/pipedeck}"
display=":$((140 + RANDOM % 50))"
scratch=$(mktemp -d)
pids=()
trap 'kill "${pids[@]}" 2>/dev/null || true; rm -rf "$scratch"' EXIT
Xvfb "$display" -screen 0 1400x900x24 -nolisten tcp >/dev/null 2>&1 & pids+=($!)
sleep 1
export DISPLAY="$display"
openbox >/dev/null 2>&1 & pids+=($!)
trayer --edge top --align right --widthtype request --height 28 --SetDockType true \
    >/dev/null 2>&1 & pids+=($!)
cat >"$scratch/dunstrc" <<'RC'
[global]
    font = Noto Sans CJK JP 11
    origin = top-right
    offset = 20x50
    width = 420
    frame_width = 1
RC
dunst -config "$scratch/dunstrc" >/dev/null 2>&1 & pids+=($!)
sleep 1
mkdir -p "$scratch/run" && chmod 700 "$scratch/run"
HOME="$scratch" XDG_CONFIG_HOME="$scratch/config" XDG_DATA_HOME="$scratch/data" \
    XDG_RUNTIME_DIR="$scratch/run" QT_QPA_PLATFORM=xcb \
    "$bin" --demo -qwindowgeometry 1100x700+20+40 "$@" >"$scratch/pipedeck.log" 2>&1 & pids+=($!)
# The demo's watched pipeline fails about a minute after the start.
note=""
for _ in $(seq 1 120); do
    note=$(xdotool search --onlyvisible --class Dunst 2>/dev/null | tail -1 || true)
    [ -n "$note" ] && break
    sleep 1
done
[ -n "$note" ] || { echo "no notification in 120 s; pipedeck said:" >&2; cat "$scratch/pipedeck.log" >&2; exit 1; }
sleep 1
import -window "$note" "$out-notification.png"
echo "saved $out-notification.png"
# The tray icon: trayer's window holds it; a right click opens Pipedeck's menu.
tray=$(xdotool search --onlyvisible --name panel 2>/dev/null | tail -1 || true)
[ -n "$tray" ] || tray=$(xdotool search --onlyvisible --class trayer 2>/dev/null | tail -1 || true)
[ -n "$tray" ] || { echo "no tray window" >&2; exit 1; }
eval "$(xdotool getwindowgeometry --shell "$tray")"
xdotool mousemove $((X + WIDTH - 14)) $((Y + HEIGHT / 2)) click 3
sleep 1.5
import -window root -crop 560x460+840+0 "$out-tray.png"
echo "saved $out-tray.png"
