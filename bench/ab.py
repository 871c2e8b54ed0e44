#!/usr/bin/env python3
"""Whole commands side by side, interleaved: each round runs every command once (the order rotated each round), and
ratios to the first command are taken round by round, so load drift on a shared machine hits every command alike.

Usage: bench/ab.py [--runs N] [--warmup W] [--ratio A/B ...] NAME 'command' NAME 'command' ...
Prints, per command, the median wall and CPU (user+sys) seconds, the peak resident memory (MB, median and range; the
kernel's ru_maxrss, as /usr/bin/time -f %M reports it) and the median (min-max) ratio to the first command; then each
--ratio A/B asked for, the same way.
"""
import os, shlex, statistics, sys, time

args = sys.argv[1:]
runs, warmup, pairs = 10, 1, []
while args and args[0].startswith("--"):
    if args[0] == "--runs":
        runs = int(args[1]); args = args[2:]
    elif args[0] == "--ratio":
        pairs.append(args[1].split("/")); args = args[2:]
    elif args[0] == "--warmup":
        warmup = int(args[1]); args = args[2:]
    else:
        sys.exit(f"unknown option {args[0]}")
if len(args) < 2 or len(args) % 2:
    sys.exit(__doc__)
names, cmds = args[0::2], [shlex.split(c) for c in args[1::2]]


def run(argv):
    start = time.perf_counter()
    pid = os.fork()
    if pid == 0:
        fd = os.open(os.devnull, os.O_WRONLY)
        os.dup2(fd, 1)
        os.dup2(fd, 2)
        try:
            os.execvp(argv[0], argv)
        finally:
            os._exit(127)
    _, status, usage = os.wait4(pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) == 127:
        sys.exit(f"cannot run {argv}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


walls = {n: [] for n in names}
cpus = {n: [] for n in names}
peaks = {n: [] for n in names}
for r in range(warmup + runs):
    k = r % len(names)
    for i in list(range(k, len(names))) + list(range(0, k)):
        w, c, m = run(cmds[i])
        if r >= warmup:
            walls[names[i]].append(w)
            cpus[names[i]].append(c)
            peaks[names[i]].append(m)

load = open("/proc/loadavg").read().split()[0]
print(f"{runs} rounds after {warmup} warm-up, interleaved; load at the end {load}")
print("| command | wall s median | cpu s median | peak MB median (min–max) | ÷ first, wall: median (min–max) | ÷ first, cpu: median (min–max) |")
print("|---|---|---|---|---|---|")
ref = names[0]
for n in names:
    rw = [a / b for a, b in zip(walls[n], walls[ref])]
    rc = [a / b for a, b in zip(cpus[n], cpus[ref])]
    print(f"| {n} | {statistics.median(walls[n]):.3f} | {statistics.median(cpus[n]):.3f} "
          f"| {statistics.median(peaks[n]):.0f} ({min(peaks[n]):.0f}–{max(peaks[n]):.0f}) "
          f"| {statistics.median(rw):.3f} ({min(rw):.3f}–{max(rw):.3f}) | {statistics.median(rc):.3f} ({min(rc):.3f}–{max(rc):.3f}) |")
for a, b in pairs:
    rw = [x / y for x, y in zip(walls[a], walls[b])]
    rc = [x / y for x, y in zip(cpus[a], cpus[b])]
    print(f"| {a} ÷ {b} | | | | {statistics.median(rw):.3f} ({min(rw):.3f}–{max(rw):.3f}) | {statistics.median(rc):.3f} ({min(rc):.3f}–{max(rc):.3f}) |")
