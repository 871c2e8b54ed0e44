#!/usr/bin/env bash
# Whole-process, side by side, in one run: electionlint (NativeAOT and JIT) against a bare YamlDotNet parse of the same
# files (NativeAOT and JIT, bench/BareParse) and yamllint, on 1/8 … 4× ../shared/corpus/large and on one small file.
# Prints a Markdown table of medians, ratios and peak memory. Needs hyperfine, yamllint and GNU time:
#   apt-get install -y hyperfine yamllint time
# Usage: bench/run-cli.sh [--runs N] [--no-yamllint]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=5 yamllint=1
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --no-yamllint) yamllint=0; shift ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
done
for tool in hyperfine python3 /usr/bin/time; do command -v "$tool" >/dev/null || { echo "$tool is needed: apt-get install -y hyperfine yamllint time" >&2; exit 2; }; done
[ "$yamllint" = 0 ] || command -v yamllint >/dev/null || { echo "yamllint is needed (or --no-yamllint)" >&2; exit 2; }

corpus="$(cd .. && pwd)/shared/corpus/large"
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
echo "building (NativeAOT and JIT) into $work ..." >&2
dotnet publish cli/ElectionLint.Cli -c Release -r linux-x64 -o "$work/el-aot" -v q -nologo >/dev/null
dotnet publish cli/ElectionLint.Cli -c Release -o "$work/el-jit" -v q -nologo >/dev/null
dotnet publish bench/BareParse -c Release -r linux-x64 -o "$work/bare-aot" -v q -nologo >/dev/null
dotnet publish bench/BareParse -c Release -o "$work/bare-jit" -v q -nologo >/dev/null

# Sets: every k-th file for 1/8, 1/4, 1/2; the corpus itself; 2 and 4 copies of it in subfolders.
ls "$corpus" | grep -E '\.(ya?ml|json)$' | sort > "$work/all.txt"
for k in 8 4 2; do
  mkdir -p "$work/sets/1_$k"
  awk -v k="$k" 'NR % k == 1' "$work/all.txt" | (cd "$corpus" && xargs -d '\n' cp -t "$work/sets/1_$k/")
done
mkdir -p "$work/sets/x1"; (cd "$corpus" && xargs -d '\n' -a "$work/all.txt" cp -t "$work/sets/x1/")
for n in 2 4; do for i in $(seq 1 "$n"); do mkdir -p "$work/sets/x$n/c$i"; cp -r "$work/sets/x1/." "$work/sets/x$n/c$i/"; done; done
one="$corpus/kubernetes__examples__AI__model-serving-tensorflow__deployment.yaml"

args="--fail-level none --format json --output /dev/null"
row() { # name path with-yamllint
  local name="$1" path="$2" yl="$3" cmds=()
  cmds+=(-n el-aot "$work/el-aot/electionlint lint $path $args")
  cmds+=(-n el-jit "$work/el-jit/electionlint lint $path $args")
  cmds+=(-n bare-aot "$work/bare-aot/BareParse $path")
  cmds+=(-n bare-jit "$work/bare-jit/BareParse $path")
  if [ "$yl" = 1 ] && [ "$yamllint" = 1 ]; then cmds+=(-n yamllint "yamllint -f parsable $path"); fi
  local r="$runs"; [ "$name" = "one file" ] && r=$((runs * 6))
  hyperfine -N -i --warmup 1 --runs "$r" --export-json "$work/$name.json" "${cmds[@]}" >/dev/null 2>&1
  local rss_aot rss_jit
  rss_aot=$( { /usr/bin/time -v "$work/el-aot/electionlint" lint "$path" $args; } 2>&1 | awk '/Maximum resident/ {print int($6/1024)}')
  rss_jit=$( { /usr/bin/time -v "$work/el-jit/electionlint" lint "$path" $args; } 2>&1 | awk '/Maximum resident/ {print int($6/1024)}')
  local mb files
  mb=$(du -sb "$path" | awk '{printf "%.1f", $1/1048576}')
  files=$(find "$path" -type f | wc -l)
  python3 - "$work/$name.json" "$name" "$mb" "$files" "$rss_aot" "$rss_jit" <<'PY'
import json, sys
data = {r["command"]: r["median"] for r in json.load(open(sys.argv[1]))["results"]}
name, mb, files, rss_aot, rss_jit = sys.argv[2:7]
ms = lambda k: f'{data[k]*1000:.0f}' if k in data else "–"
ratio = lambda a, b: f'{data[a]/data[b]:.2f}' if a in data and b in data else "–"
yl = f'{data["yamllint"]/data["el-aot"]:.0f}×' if "yamllint" in data else "–"
print(f'| {name} | {files} | {mb} | {ms("el-aot")} | {ms("el-jit")} | {ms("bare-aot")} | {ms("bare-jit")} | {ms("yamllint")} '
      f'| {ratio("el-aot","bare-aot")} | {ratio("el-jit","bare-jit")} | {yl} | {rss_aot} / {rss_jit} |')
PY
}

hyperfine -N --warmup 3 --runs $((runs * 6)) --export-json "$work/version.json" -n el-aot "$work/el-aot/electionlint --version" -n el-jit "$work/el-jit/electionlint --version" >/dev/null 2>&1
python3 - "$work/version.json" <<'PY'
import json, sys
d = {r["command"]: r["median"] for r in json.load(open(sys.argv[1]))["results"]}
print(f'`--version`: NativeAOT {d["el-aot"]*1000:.1f} ms, JIT (the dotnet tool) {d["el-jit"]*1000:.1f} ms ({d["el-jit"]/d["el-aot"]:.0f}× the AOT start-up)')
print()
PY
echo "| set | files | MB | electionlint AOT ms | electionlint JIT ms | bare parse AOT ms | bare parse JIT ms | yamllint ms | AOT ÷ bare AOT | JIT ÷ bare JIT | yamllint ÷ AOT | peak MiB AOT / JIT |"
echo "|---|---|---|---|---|---|---|---|---|---|---|---|"
row "one file" "$one" 1
for s in 1_8 1_4 1_2; do row "$s corpus" "$work/sets/$s" 0; done
row "corpus" "$work/sets/x1" 1
for s in 2 4; do row "${s}× corpus" "$work/sets/x$s" 0; done
echo
echo "medians of $runs runs ($((runs * 6)) for one file) after one warm-up, hyperfine -N; peak resident memory from /usr/bin/time -v; load $(cut -d' ' -f1-3 /proc/loadavg)"
