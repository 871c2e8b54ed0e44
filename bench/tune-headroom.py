#!/usr/bin/env python3
"""Issue #25's grid: every tunable system × rttP99 {1ms, 50ms, 150ms} × gcPauseP99 {50ms, 300ms, 1s} × maxFailover
{none, 5s, 10s, 30s}. Counts the recommendations that leave an RTT or GC rule (EL2010, EL2011, EL2020) under the headroom
target, and checks each of them says why in a line of its own.
Usage: dotnet build cli/ElectionLint.Cli -c Release && python3 bench/tune-headroom.py"""
import itertools, os, re, subprocess, collections
EL = os.environ.get('EL', os.path.join(os.path.dirname(__file__), '..', 'cli', 'ElectionLint.Cli', 'bin', 'Release', 'net10.0', 'electionlint'))
systems = re.search(r'from scratch: ([^\n]+)', subprocess.run([EL, 'tune', '--help'], capture_output=True, text=True).stdout).group(1).replace(' ', '').split(',')
counts = collections.Counter()
silent = []
for s, rtt, gc, mx in itertools.product(systems, ['1ms', '50ms', '150ms'], ['50ms', '300ms', '1s'], [None, '5s', '10s', '30s']):
    args = [EL, 'tune', '-s', s, '--rtt-p99', rtt, '--gc-pause-p99', gc] + (['--max-failover', mx] if mx else [])
    out = subprocess.run(args, capture_output=True, text=True).stdout
    if 'no recommendation' in out:
        counts['no recommendation (EL2031 or a finding left)'] += 1
        continue
    counts['recommendations'] += 1
    tight = [l for l in out.splitlines() if re.match(r'\s+EL20(10|11|20) .* passes with (0\.\d+|1\.[01]\d?|1\.2[0-4]?)× headroom', l)]
    said = re.search(r'under the [0-9.]+× headroom target: .*\((.*)\)', out)
    if tight:
        counts['under the target'] += 1
        if said:
            counts['  said why: ' + re.sub(r'[0-9.]+(ms|s|m)\b', 'N', said.group(1))] += 1
        else:
            silent.append((s, rtt, gc, mx, tight))
for k, v in counts.items():
    print(f'{v:5d}  {k}')
print(f'{len(silent):5d}  under the target without a line saying why')
for row in silent[:10]:
    print('   ', row)
