#!/bin/sh
# Opening pipedeck-sim's 50 MiB demo log over HTTP in the app, as a user does:
#   tests/benchmarks/bench_log_download.sh PIPEDECK_BIN SIM_BIN [RUNS]
# Starts pipedeck-sim on a free loopback port, waits for its big log, then runs
# `pipedeck URL-of-job-30000` offscreen with pipedeck.perf on, RUNS times (default 3). For each
# run: the app's peak resident memory (VmHWM) and its peak anonymous memory (RssAnon, sampled
# every 10 ms; the rest is the log's cache file mapped from the page cache), against the same
# app showing the project's pipelines and no log, and how long the whole log took to arrive.
set -eu

app=${1:?usage: bench_log_download.sh PIPEDECK_BIN SIM_BIN [RUNS]}
sim=${2:?usage: bench_log_download.sh PIPEDECK_BIN SIM_BIN [RUNS]}
runs=${3:-3}
scratch=$(mktemp -d)
trap 'kill $simpid 2>/dev/null || true; rm -rf "$scratch"' EXIT

"$sim" --port 0 --token bench-token 2>"$scratch/sim.log" &
simpid=$!
for _ in $(seq 50); do
    grep -q 'listening on' "$scratch/sim.log" 2>/dev/null && break
    sleep 0.1
done
base=$(sed -n 's/.*listening on \(http[^ ]*\).*/\1/p' "$scratch/sim.log" | head -1)
sleep 4 # the big log is written 3 s after start

peak_kb() { sed -n 's/^VmHWM:[[:space:]]*\([0-9]*\) kB/\1/p' "/proc/$1/status"; }
anon_kb() { sed -n 's/^RssAnon:[[:space:]]*\([0-9]*\) kB/\1/p' "/proc/$1/status"; }
now_ms() { date +%s%3N; }

run_app() { # ARGS... -> pid
    # A private runtime folder too: a Pipedeck the user has open must not take the run over.
    mkdir -p "$scratch/run" && chmod 700 "$scratch/run"
    HOME="$scratch/home" XDG_CONFIG_HOME="$scratch/config" XDG_CACHE_HOME="$scratch/cache" \
        XDG_RUNTIME_DIR="$scratch/run" \
        QT_QPA_PLATFORM=offscreen GITLAB_HOST="$base" GITLAB_TOKEN=bench-token \
        QT_LOGGING_RULES="pipedeck.perf=true" "$app" "$@" >"$scratch/app.log" 2>&1 &
    echo $!
}

echo "| run | whole log in and indexed | peak RSS | peak anonymous | no log open: peak RSS, anonymous |"
echo "|---|---|---|---|---|"
for run in $(seq "$runs"); do
    pid=$(run_app "$base/data/etl/-/pipelines")
    sleep 3
    idle=$(peak_kb "$pid")
    idle_anon=$(anon_kb "$pid")
    kill "$pid"; wait "$pid" 2>/dev/null || true

    start=$(now_ms)
    pid=$(run_app "$base/data/etl/-/jobs/30000")
    max_anon=0
    done_ms=
    for _ in $(seq 3000); do
        a=$(anon_kb "$pid" || echo 0)
        [ "${a:-0}" -gt "$max_anon" ] && max_anon=$a
        if [ -z "$done_ms" ] && grep -q ' 516159 lines' "$scratch/app.log"; then
            done_ms=$(( $(now_ms) - start ))
            break
        fi
        sleep 0.01
    done
    sleep 0.5
    a=$(anon_kb "$pid"); [ "${a:-0}" -gt "$max_anon" ] && max_anon=$a
    peak=$(peak_kb "$pid")
    kill "$pid"; wait "$pid" 2>/dev/null || true
    echo "| $run | ${done_ms:-?} ms after start | $((peak / 1024)) MB | $((max_anon / 1024)) MB |" \
        "$((idle / 1024)) MB, $((idle_anon / 1024)) MB |"
done
