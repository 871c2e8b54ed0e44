#!/usr/bin/env bash
# ElectionLint's C# analyzer beside Meziantou.Analyzer in one build of a real public project (kept out of this repository).
# Usage: bench/run-analyzer-real.sh --source DIR --project REL.csproj [--analyzers DIR] [--meziantou VERSION] [--runs N] [--server]
#   --source     a checkout of the project, or a bare git directory (its HEAD is exported)
#   --project    the project to measure, relative to the source root (its references are built once, not measured)
#   --drop-package ID  removes a PackageReference the registry no longer serves (repeatable)
#   --prepare CMD      a shell command run in the source root before the build (files a net10.0 build expects)
#   --server     compile through the compiler server, as `dotnet build` does by default: the server is restarted, one
#                build loads both analyzers (not measured), then each measured build finds them loaded and compiled.
#                Without it every build is a new csc process (UseSharedCompilation=false), so each run includes the
#                JIT compilation of both analyzers.
#   --analyzers  the folder of ElectionLint.Analyzers.dll and its dependencies (default: this tree's Release build;
#                pass a previous release's folder to compare, in another build)
# Measured so far (bench/README.md): confluentinc/confluent-kafka-dotnet test/Confluent.Kafka.IntegrationTests and
# G-Research/consuldotnet Consul.Test. Each build targets net10.0 only, warnings are not errors.
set -euo pipefail
cd "$(dirname "$0")/.."
repo="$(pwd)"
source_dir="" project="" analyzers="" meziantou="3.0.341" runs=3 drop=() prepare="" server=false
while [ $# -gt 0 ]; do
  case "$1" in
    --source) source_dir="$2"; shift 2 ;;
    --project) project="$2"; shift 2 ;;
    --analyzers) analyzers="$2"; shift 2 ;;
    --meziantou) meziantou="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    --drop-package) drop+=("$2"); shift 2 ;;
    --prepare) prepare="$2"; shift 2 ;;
    --server) server=true; shift ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
done
[ -n "$source_dir" ] && [ -n "$project" ] || { sed -n 2,15p "$0"; exit 2; }
if [ -z "$analyzers" ]; then
  dotnet build analyzers/ElectionLint.Analyzers -c Release -v q -nologo >/dev/null
  analyzers="$repo/analyzers/ElectionLint.Analyzers/bin/Release/netstandard2.0"
fi
analyzers="$(cd "$analyzers" && pwd)"

work="$(mktemp -d)"; trap '[ -n "${KEEP:-}" ] || rm -rf "$work"' EXIT
if [ -d "$source_dir/.git" ] || [ ! -f "$source_dir/HEAD" ]; then
  cp -r "$source_dir" "$work/src"
else
  mkdir "$work/src" && git --git-dir="$source_dir" archive HEAD | tar -x -C "$work/src"
fi
rm -f "$work/src/global.json"
[ -z "$prepare" ] || (cd "$work/src" && eval "$prepare")
for id in "${drop[@]}"; do
  find "$work/src" -name '*.csproj' -exec sed -i "/PackageReference Include=\"$id\"/d" {} +
done

# Both analyzers are added to every project of the build through the standard hook after Microsoft.Common.targets.
cat > "$work/bench.targets" <<EOF
<Project>
  <ItemGroup>
    <Analyzer Include="$analyzers/*.dll" />
    <PackageReference Include="Meziantou.Analyzer" Version="$meziantou" PrivateAssets="all" />
  </ItemGroup>
</Project>
EOF
# Meziantou's rules that are errors by default would stop the build: they still run, as warnings.
printf '\n[*.cs]\ndotnet_diagnostic.MA0049.severity = warning\n' >> "$work/src/.editorconfig"
props=(-p:TargetFrameworks=net10.0 -p:TargetFramework=net10.0 -p:TreatWarningsAsErrors=false -p:CheckEolTargetFramework=false
  -p:NuGetAudit=false "-p:CustomAfterMicrosoftCommonTargets=$work/bench.targets")
proj="$work/src/$project"
# The references are built once; the project itself may fail on an analyzer's error-severity rule (Meziantou's MA0037 on
# these sources): the compile still runs every analyzer and reports their times, which is all that is read here.
dotnet build "$proj" "${props[@]}" -v q -nologo > "$work/first.log" 2>&1 || true
if $server; then
  export UseSharedCompilation=true
  props+=(-p:UseSharedCompilation=true)
  dotnet build-server shutdown --vbcscompiler > /dev/null 2>&1 || true
  trap 'dotnet build-server shutdown --vbcscompiler > /dev/null 2>&1 || true; [ -n "${KEEP:-}" ] || rm -rf "$work"' EXIT
  dotnet build "$proj" "${props[@]}" --no-restore --no-dependencies --no-incremental -v q -nologo > "$work/warmup.log" 2>&1 || true
else
  export UseSharedCompilation=false
  props+=(-p:UseSharedCompilation=false)
fi
mode=$($server && echo "compiler server, warm" || echo "new csc process per build")

echo "| run | Csc s | all analyzers s | Meziantou s | ElectionLint s | C# analyzer s | ElectionLint ÷ Csc | ElectionLint ÷ Meziantou |"
echo "|---|---|---|---|---|---|---|---|"
for r in $(seq 1 "$runs"); do
  dotnet build "$proj" "${props[@]}" --no-restore --no-dependencies --no-incremental -p:ReportAnalyzer=true -v:d -clp:PerformanceSummary -nologo > "$work/build.log" 2>&1 || true
  grep -q "Total analyzer execution time" "$work/build.log" || { grep -E " error " "$work/build.log" | head -20; exit 1; }
  if $server; then
    grep -q "server processed compilation" "$work/build.log" || { echo "the build did not use the compiler server" >&2; exit 1; }
  fi
  python3 - "$work/build.log" "$r" <<'PY'
import re, sys
log = open(sys.argv[1], encoding="utf-8", errors="replace").read()
def seconds(pattern):
    m = re.search(pattern, log, re.M)
    return float(m.group(1)) if m else float("nan")
el = seconds(r"^\s*<?([\d.]+)\s+<?\d+\s+ElectionLint\.Analyzers, Version")
mz = seconds(r"^\s*<?([\d.]+)\s+<?\d+\s+Meziantou\.Analyzer, Version")
total = seconds(r"Total analyzer execution time: ([\d.]+) seconds")
cs = seconds(r"^\s*<?([\d.]+)\s+<?\d+\s+ElectionLint\.Analyzers\.TimingAnalyzer")
csc = seconds(r"^\s*(\d+)\s+ms\s+Csc\s") / 1000
print(f"| {sys.argv[2]} | {csc:.2f} | {total:.3f} | {mz:.3f} | {el:.3f} | {cs:.3f} | {100 * el / csc:.2f} % | 1/{mz / el if el else float('inf'):.1f} |")
PY
done
grep -E "(warning|error|info) EL[0-9]+" "$work/build.log" | sed -E 's/^.*(EL[0-9]+).*$/\1/' | sort | uniq -c | sed 's/^/ElectionLint findings: /' || true
echo "project $project; $mode; Meziantou.Analyzer $meziantou; analyzers $analyzers; load $(cut -d' ' -f1-3 /proc/loadavg)"
