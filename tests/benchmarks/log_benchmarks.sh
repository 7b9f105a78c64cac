#!/bin/sh
# Every job-log figure of the README ("Performance: job logs"), docs/log-engine.md and
# docs/log-viewer.md in one run, with the peers on the same files:
#   tests/benchmarks/log_benchmarks.sh BUILD_DIR [WORK_DIR]
# BUILD_DIR: a release build with the targets gen_gitlab_log bench_log bench_plaintextedit
# bench_logview pipedeck pipedeck-sim. WORK_DIR (default /tmp/pipedeck-log-bench) receives the
# generated logs (1.1 GB); they are kept for the next run. glogg comes from Debian (apt install
# glogg).
set -eu

build=${1:?usage: log_benchmarks.sh BUILD_DIR [WORK_DIR]}
work=${2:-/tmp/pipedeck-log-bench}
here=$(cd "$(dirname "$0")" && pwd)
bench=$build/tests/benchmarks
mkdir -p "$work"

echo "## Machine"
echo "$(nproc) CPUs: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo "$(grep MemTotal /proc/meminfo | tr -s ' ')"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"

[ -f "$work/synthetic-1G.log" ] || "$bench/gen_gitlab_log" "$work/synthetic-1G.log" 1073741824
[ -f "$work/synthetic-100M.log" ] || "$bench/gen_gitlab_log" "$work/synthetic-100M.log" 100000000
[ -f "$work/timestamps-100M.log" ] ||
    "$bench/gen_gitlab_log" "$work/timestamps-100M.log" 100000000 --timestamps
# Freshly generated logs are still being written back to disk; fontconfig reading font files
# behind that queue once made a first paint take 1.4 s. Measure after it.
sync

echo
echo "## Engine, 1 GiB (bench_log)"
"$bench/bench_log" "$work/synthetic-1G.log"
echo
echo "## Engine, 100 MB (bench_log)"
"$bench/bench_log" "$work/synthetic-100M.log"
echo
echo "## Engine, 100 MB with FF_TIMESTAMPS on every line (bench_log)"
"$bench/bench_log" "$work/timestamps-100M.log" --skip-slow-regex
echo
echo "## Regex search line by line, as before the joined matching (for comparison)"
PIPEDECK_LOG_REGEX_LINE_BY_LINE=1 "$bench/bench_log" "$work/synthetic-100M.log" | grep regex
echo
echo "## Viewer: the 50 MiB demo log and 1 GiB (bench_logview, offscreen)"
QT_QPA_PLATFORM=offscreen "$build/tests/logview/bench_logview" --demo --follow 256 \
    "$work/synthetic-1G.log" 2>&1 | grep 'pipedeck.perf' | grep -v 'warm-up'
echo
echo "## Viewer: the demo log as the first thing a process paints (fonts loaded on the way)"
QT_QPA_PLATFORM=offscreen "$build/tests/logview/bench_logview" --demo --cold 2>&1 |
    grep 'open-to-first-paint'
echo
echo "## The app opening the 50 MiB demo log over HTTP from pipedeck-sim (bench_log_download.sh)"
"$here/bench_log_download.sh" "$build/app/pipedeck" "$build/app/pipedeck-sim/pipedeck-sim" 3
echo
echo "## Peer: QPlainTextEdit given the first 1,000,000 lines of the 100 MB log"
"$bench/bench_plaintextedit" "$work/synthetic-100M.log" 1000000
echo
echo "## Peer: glogg (Debian)"
"$here/measure_glogg.py" "$work/synthetic-1G.log"
"$here/measure_glogg.py" "$work/synthetic-100M.log"
echo
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
