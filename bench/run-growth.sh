#!/usr/bin/env bash
# Growth of the CLI on the robustness review's shapes (review-2026-12: N1–N3, N7, N8, N13, R3, R4): each shape at a size
# and at four times it, back to back in one run. Prints wall time and peak memory (GNU time) and their ratios; linear
# cost gives a ratio near 4. A run past TIMEOUT seconds (default 30) is killed and shown as ">TIMEOUT".
# Usage: bench/run-growth.sh [electionlint binary ...] (default the Release JIT build). With several binaries (this build
# and an earlier release's), each shape is run by each in turn, so that they meet the same machine.
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -gt 0 ] || set -- cli/ElectionLint.Cli/bin/Release/net10.0/electionlint
bins=()
labels=()
for b in "$@"; do
  [ -x "$b" ] || { echo "no executable at $b (build first: dotnet build cli/ElectionLint.Cli -c Release)" >&2; exit 2; }
  bins+=("$(cd "$(dirname "$b")" && pwd)/$(basename "$b")")
  labels+=("$b")
done
command -v /usr/bin/time >/dev/null || { echo "GNU time is needed: apt-get install -y time" >&2; exit 2; }
limit="${TIMEOUT:-30}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# make SHAPE N DIR: one input of the shape at size N in DIR; prints the path to lint.
make() {
  python3 - "$1" "$2" "$3" <<'PY'
import os, sys
shape, n, d = sys.argv[1], int(sys.argv[2]), sys.argv[3]
os.makedirs(d, exist_ok=True)
open(os.path.join(d, ".git"), "w").close()
def w(name, text):
    p = os.path.join(d, name); os.makedirs(os.path.dirname(p), exist_ok=True)
    with open(p, "w") as f: f.write(text)
    return p
flow = lambda items: "{" + ", ".join(items) + "}"
if shape == "spring-aliases":    # N1: three levels of n aliases
    print(w("application.yml", "spring:\n  kafka:\n    consumer:\n      heartbeat-interval: 3s\n"
        f"    a0: &a0 {flow(f'x{i}: 1' for i in range(n))}\n    a1: &a1 {flow(f'k{i}: *a0' for i in range(n))}\n    a2: &a2 {flow(f'k{i}: *a1' for i in range(n))}\n"))
elif shape == "es-alias-dupkeys":  # N2
    print(w("elasticsearch.yml", f"a: &a {flow('interval: 1s' for _ in range(n))}\nb: &b {flow('leader_check: *a' for _ in range(n))}\ncluster: {flow('fault_detection: *b' for _ in range(n))}\n"))
elif shape == "sentinel-masters":  # N3
    print(w("sentinel.conf", "".join(f"sentinel down-after-milliseconds m{i} 30000\n" for i in range(n))))
elif shape == "sentinel-options":  # N3
    print(w("sentinel.conf", "sentinel down-after-milliseconds m 30000\n" + "".join(f"sentinel opt{i} m 30000\n" for i in range(n))))
elif shape == "chart-blank-lines":  # N7
    w("chart/Chart.yaml", "apiVersion: v2\nname: demo\n"); w("chart/templates/t.yaml", "\n" * n)
    w("chart/templates/d.yaml", "- --leader-elect-lease-duration={{ .Values.lease }}\n")
    print(w("chart/values.yaml", "lease: 10s\n"))
elif shape == "profile-globs":  # N8: n globs and n files
    w(".electionlint.yaml", "ignore: [\"**/" + "x" * (10 * n) + "\", " + ", ".join(f'"**/y{i}/**"' for i in range(n)) + "]\n")
    for i in range(n // 10):
        w(f"c{i}/etcd.yaml", "heartbeat-interval: 100\nelection-timeout: 1000\n")
    print(d)
elif shape == "documents-with-findings":  # N13
    print(w("etcd.yaml", "---\nheartbeat-interval: 100\nelection-timeout: 300\n" * n))
elif shape == "one-line-sequence":  # R3
    print(w("etcd.yaml", "heartbeat-interval: 100\nx: [" + ",".join(["1"] * n) + "]\n"))
elif shape == "duplicate-keys":  # R4
    print(w("etcd.yaml", "heartbeat-interval: 100\n" + "a: 1\n" * n))
PY
}

printf '| shape | binary | size | wall s | peak MB | 4× size | wall s | peak MB | time ratio | memory ratio |\n|---|---|---|---|---|---|---|---|---|---|\n'
while read -r shape n; do
  small="$(make "$shape" "$n" "$work/$shape-1")"
  large="$(make "$shape" "$((4 * n))" "$work/$shape-4")"
  for i in "${!bins[@]}"; do
    bin="${bins[$i]}"
    row=()
    for target in "$small" "$large"; do
      if /usr/bin/time -o "$work/time" -f '%e %M' timeout -k 2 "$limit" "$bin" lint "$target" --format json --output /dev/null --fail-level none >/dev/null 2>&1 || [ $? -ne 124 ]; then
        out="$(tail -1 "$work/time")"
        row+=("$(echo "$out" | cut -d' ' -f1)" "$(( $(echo "$out" | cut -d' ' -f2) / 1024 ))")
      else
        row+=(">$limit" "$(( $(tail -1 "$work/time" | cut -d' ' -f2) / 1024 ))")
      fi
    done
    python3 -c "
import sys
s,b,n,a,am,l,lm=sys.argv[1:]
num=lambda x: float(x.lstrip('>'))
more='>' if l.startswith('>') else ''
print(f'| {s} | {b} | {n} | {a} | {am} | {4*int(n)} | {l} | {lm} | {more}{num(l)/max(num(a),0.01):.1f} | {int(lm)/max(int(am),1):.1f} |')" "$shape" "${labels[$i]}" "$n" "${row[@]}"
  done
done <<'SHAPES'
spring-aliases 100
es-alias-dupkeys 200
sentinel-masters 20000
sentinel-options 20000
chart-blank-lines 250000
profile-globs 2000
documents-with-findings 20000
one-line-sequence 1200000
duplicate-keys 475000
SHAPES
