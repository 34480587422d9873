#!/usr/bin/env python3
"""Interleaved whole-process runs: wall time and CPU time (user + system, every thread, from wait4).

On a shared machine, runs of A and then of B see different loads; alternating them (A, B, A, B…)
exposes both to the same load, and the medians are comparable. Usage, from the repository root:

    Benchmarks/interleaved.py 60 "before=/tmp/descent-before compare --output c.png" \\
        "after=.build/release/descent compare --output c.png"

Each argument after the count is LABEL=COMMAND; the command is split as a shell would and run
without one (a shell would add its own start, about 1 ms here, to every run), its output discarded. Prints, per label, the least, first-quartile and median CPU time and the least and
median wall time, in ms. `perf_ab.py` measures page faults besides; this one measures wall time.
"""
import os
import shlex
import subprocess
import sys
import time


def main():
    count = int(sys.argv[1])
    commands = [(label, shlex.split(command)) for label, command in (a.split("=", 1) for a in sys.argv[2:])]
    samples = {label: [] for label, _ in commands}
    for _ in range(count):
        for label, command in commands:
            start = time.perf_counter()
            process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            _, _, usage = os.wait4(process.pid, 0)
            samples[label].append((usage.ru_utime + usage.ru_stime, time.perf_counter() - start))
    for label, runs in samples.items():
        cpu = sorted(run[0] * 1e3 for run in runs)
        wall = sorted(run[1] * 1e3 for run in runs)
        print(f"{label:18s} cpu min {cpu[0]:6.2f} q1 {cpu[len(cpu) // 4]:6.2f} med {cpu[len(cpu) // 2]:6.2f}"
              f"   wall min {wall[0]:6.2f} med {wall[len(wall) // 2]:6.2f} ms")


if __name__ == "__main__":
    main()
