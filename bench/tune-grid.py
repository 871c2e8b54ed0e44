#!/usr/bin/env python3
import json, subprocess, itertools, re
import os, sys
# Every tunable system × rttP99 {1ms, 50ms, 150ms} × gcPauseP99 {50ms, 300ms, 1s} × maxFailover {5s, 10s, 30s}: each
# recommendation's worst-case failover window must meet maxFailover; a profile nothing meets must say so (EL2031).
# Usage: dotnet build cli/ElectionLint.Cli -c Release && python3 bench/tune-grid.py
EL=os.environ.get('EL', os.path.join(os.path.dirname(__file__), '..', 'cli', 'ElectionLint.Cli', 'bin', 'Release', 'net10.0', 'electionlint'))
def ns(t):
    m=re.fullmatch(r'([0-9.]+)(ms|s|m|h)?',t)
    v=float(m.group(1)); u=m.group(2) or 's'
    return v*{'ms':1e6,'s':1e9,'m':60e9,'h':3600e9}[u]
def dur(t):
    # Go-like "1m4s", "27.01s", "500ms"
    tot=0
    for v,u in re.findall(r'([0-9.]+)(ms|h|m|s|µs|ns)',t):
        tot+=float(v)*{'ms':1e6,'s':1e9,'m':60e9,'h':3600e9,'µs':1e3,'ns':1}[u]
    return tot
out=subprocess.run([EL,'tune','--help'],capture_output=True,text=True).stdout
systems=re.search(r'from scratch: ([^\n]+)',out).group(1).replace(' ','').split(',')
rows=[]
for s in systems:
    for rtt,gc,mx in itertools.product(['1ms','50ms','150ms'],['50ms','300ms','1s'],['5s','10s','30s']):
        r=subprocess.run([EL,'tune','-s',s,'--rtt-p99',rtt,'--gc-pause-p99',gc,'--max-failover',mx,'--format','json'],capture_output=True,text=True)
        try:
            c=json.loads(r.stdout)['configurations'][0]
        except Exception as e:
            rows.append((s,rtt,gc,mx,'error')); continue
        if not c['clean']:
            rows.append((s,rtt,gc,mx,'conflict' if c['conflict'] else 'noclean')); continue
        w=c['failoverWindow']
        ok = w is not None and dur(w) <= ns(mx)
        rows.append((s,rtt,gc,mx,'meets' if ok else 'MISSES %s'%w))
from collections import Counter
print(Counter(r[4].split()[0] for r in rows))
for r in rows:
    if r[4] not in ('meets','conflict'): print(r)
print('total',len(rows))
sys.exit(0 if all(r[4] in ('meets','conflict') for r in rows) else 1)
