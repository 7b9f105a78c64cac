#!/usr/bin/env python3
"""Times glogg (a GUI app with no batch mode) opening a log, headlessly.

glogg indexes a file in a worker thread as soon as it opens it. This starts
`glogg -platform offscreen FILE`, samples the process's CPU time (utime+stime)
and RSS from /proc every 20 ms, and calls indexing done when CPU time has not
grown for 1.5 s. Reported: CPU seconds spent (minus the same run on an empty
file, i.e. start-up) and wall seconds until the CPU went idle, plus peak RSS.
On a loaded machine the CPU figure is the meaningful one.
usage: measure_glogg.py FILE
"""
import os
import subprocess
import sys
import tempfile
import time

TICK = os.sysconf('SC_CLK_TCK')


def cpu_and_rss(pid):
    with open(f'/proc/{pid}/stat') as f:
        fields = f.read().rsplit(')', 1)[1].split()
    cpu = (int(fields[11]) + int(fields[12])) / TICK
    rss = 0
    with open(f'/proc/{pid}/status') as f:
        for line in f:
            if line.startswith('VmRSS:'):
                rss = int(line.split()[1]) // 1024
    return cpu, rss


def run(path):
    env = dict(os.environ, QT_QPA_PLATFORM='offscreen', HOME=tempfile.mkdtemp())
    start = time.monotonic()
    proc = subprocess.Popen(['glogg', path], env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    last_cpu, last_change, peak = 0.0, start, 0
    try:
        while True:
            time.sleep(0.02)
            cpu, rss = cpu_and_rss(proc.pid)
            peak = max(peak, rss)
            now = time.monotonic()
            if cpu > last_cpu:
                last_cpu, last_change = cpu, now
            elif now - last_change > 1.5 and now - start > 2:
                return last_cpu, last_change - start, peak
    finally:
        proc.kill()
        proc.wait()


def main():
    empty = tempfile.NamedTemporaryFile(suffix='.log')
    base_cpu, base_wall, base_rss = run(empty.name)
    cpu, wall, rss = run(sys.argv[1])
    print(f'| glogg 1.1.4 (offscreen), open and index {os.path.getsize(sys.argv[1])} bytes '
          f'| CPU {cpu - base_cpu:.2f} s (start-up {base_cpu:.2f} s excluded); wall until idle '
          f'{wall:.2f} s; peak RSS {rss} MB (empty file: {base_rss} MB) |')


if __name__ == '__main__':
    main()
