#!/usr/bin/env python3
"""Interleaved whole-process runs under `perf stat`: CPU time (task-clock) and page faults.

On a shared machine, runs of A and then of B see different loads; alternating them (A, B, A, B…)
exposes both to the same load, and the median of each is comparable. Usage, from the repository root:

    Benchmarks/perf_ab.py 30 "/tmp/descent-before trajectory --output t.png" \\
        ".build/release/descent trajectory --output t.png"

Each command is split as a shell would (no shell runs it); leading NAME=VALUE words set its
environment. Prints, per command, the smallest and the median task-clock in ms and the median
number of page faults.
"""
import os
import shlex
import statistics
import subprocess
import sys


def measure(words):
    """One run of `words` (leading NAME=VALUE words set its environment): (task-clock ms, faults)."""
    environment = dict(os.environ)
    while words and "=" in words[0] and not words[0].startswith(("/", ".")):
        name, value = words.pop(0).split("=", 1)
        environment[name] = value
    run = subprocess.run(["perf", "stat", "-x,", "-e", "task-clock,page-faults"] + words,
                         stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=environment)
    clock = faults = None
    for line in run.stderr.splitlines():
        fields = line.split(",")
        if len(fields) > 2 and fields[2].startswith("task-clock"):
            clock = float(fields[0])
        if len(fields) > 2 and fields[2].startswith("page-faults"):
            faults = int(fields[0])
    return clock, faults


def main():
    runs, commands = int(sys.argv[1]), sys.argv[2:]
    results = {command: [] for command in commands}
    for _ in range(runs):
        for command in commands:
            results[command].append(measure(shlex.split(command)))
    for command in commands:
        clocks = [clock for clock, _ in results[command]]
        faults = [fault for _, fault in results[command]]
        print(f"min {min(clocks):7.2f}  median {statistics.median(clocks):7.2f} ms  "
              f"faults {statistics.median(faults):6.0f}  {command}")


if __name__ == "__main__":
    main()
