#!/usr/bin/env bash
# Peak resident memory and time of the NativeAOT CLI (issue 30 item 3), interleaved round by round with bench/ab.py:
#  - corpus: ../shared/corpus/large copied four times (23,912 files, 137 MB; this script reads ../shared, the tests do not);
#    the target is under 100 MB;
#  - about 10 MB files of one shape each (the target is 20× the size): a Kubernetes stream of 60,000 pods, a one-line flow
#    sequence, duplicate keys, duplicate properties, etcd documents with findings, sentinel.conf with 217,000 masters,
#    a JSON array of 1.3 million numbers and a JSON object of 800,000 keys.
# Usage: bench/run-memory.sh [--runs N] [--base DIR] [--inputs "corpus pods ..."]   (--base: a second checkout, built and
# run in the same rounds)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=5 base="" inputs="corpus pods sequence dupkeys dupprops documents sentinel numbers keys"
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --base) base="$(cd "$2" && pwd)"; shift 2 ;;
    --inputs) inputs="$2"; shift 2 ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
done
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
. bench/native-builds.sh
native_builds

mkdir -p "$work/in"
for i in 1 2 3 4; do cp -r ../shared/corpus/large "$work/in/corpus-$i"; done
python3 - "$work/in" <<'PY'
import os, sys
d = sys.argv[1]
def w(name, text):
    with open(os.path.join(d, name), "w") as f: f.write(text)
pod = "---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: p{i}\n  labels: {{app: a}}\nspec:\n  containers:\n  - name: c\n    image: nginx:1.25\n    args: [\"--leader-elect=true\"]\n"
w("pods.yaml", "".join(pod.format(i=i) for i in range(60000)))
w("sequence.yaml", "heartbeat-interval: 100\nx: [" + ",".join(["1"] * 4_800_000) + "]\n")
w("dupkeys.yaml", "heartbeat-interval: 100\n" + "a: 1\n" * 1_900_000)
w("dupprops.properties", "heartbeat.interval.ms=3000\n" + "a=1\n" * 2_400_000)
w("documents.yaml", "---\nheartbeat-interval: 100\nelection-timeout: 300\n" * 200_000)
w("sentinel.conf", "".join(f"sentinel down-after-milliseconds m{i} 30000\n" for i in range(217000)))
w("numbers.json", '{"Kafka": {"SessionTimeoutMs": 45000}, "x": [' + ",".join(str(i) for i in range(1_300_000)) + "]}\n")
w("keys.json", '{"Kafka": {"SessionTimeoutMs": 45000}, ' + ",".join(f'"k{i}": 1' for i in range(800_000)) + "}\n")
PY
declare -A target=([corpus]="$work/in/corpus-1 $work/in/corpus-2 $work/in/corpus-3 $work/in/corpus-4" [pods]="$work/in/pods.yaml"
  [sequence]="$work/in/sequence.yaml" [dupkeys]="$work/in/dupkeys.yaml" [dupprops]="$work/in/dupprops.properties"
  [documents]="$work/in/documents.yaml" [sentinel]="$work/in/sentinel.conf" [numbers]="$work/in/numbers.json" [keys]="$work/in/keys.json")
args="--fail-level none --format json --output /dev/null"
for input in $inputs; do
  [ -n "${target[$input]:-}" ] || { echo "unknown input $input" >&2; exit 2; }
  echo "## $input ($(du -cb ${target[$input]} | tail -1 | cut -f1) bytes)"
  cmds=(new "$work/new/electionlint lint ${target[$input]} $args")
  [ -z "$base" ] || cmds+=(base "$work/base/electionlint lint ${target[$input]} $args")
  python3 bench/ab.py --runs "$runs" --warmup 1 "${cmds[@]}"
  echo
done
