#!/usr/bin/env bash
# The analyzers' share of a build: generates a class library of 2,000 C# files (50 of them configure a bound library type)
# with 500 YAML manifests of ../shared/corpus/large and the config samples as AdditionalFiles, rebuilds it with
# -p:ReportAnalyzer=true, and prints ElectionLint's analyzer time against the compiler's (Csc) time, per run.
# Meziantou.Analyzer runs in the same build (--meziantou none leaves it out); --analyzers DIR measures another build of
# ElectionLint (a previous release's analyzer folder) instead of this tree's.
# --server compiles through the compiler server, as `dotnet build` does by default: the server is restarted and one
# unmeasured build loads both analyzers, so the measured builds find them loaded and compiled. Without it each build is a
# new csc process (UseSharedCompilation=false) and every run includes the JIT compilation of both analyzers.
# Usage: bench/run-analyzer.sh [--runs N] [--files N] [--yaml N] [--meziantou VERSION|none] [--analyzers DIR] [--server]
set -euo pipefail
cd "$(dirname "$0")/.."
repo="$(pwd)"
runs=3 files=2000 yaml=500 meziantou=3.0.341 analyzers="" server=false
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --files) files="$2"; shift 2 ;;
    --yaml) yaml="$2"; shift 2 ;;
    --meziantou) meziantou="$2"; shift 2 ;;
    --analyzers) analyzers="$(cd "$2" && pwd)"; shift 2 ;;
    --server) server=true; shift ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
done
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
proj="$work/Generated"
mkdir -p "$proj/src" "$proj/deploy"
if [ -z "$analyzers" ]; then
  dotnet build analyzers/ElectionLint.Analyzers -c Release -v q -nologo >/dev/null
  analyzers="$repo/analyzers/ElectionLint.Analyzers/bin/Release/netstandard2.0"
fi
mz_ref=""
[ "$meziantou" = none ] || mz_ref="<PackageReference Include=\"Meziantou.Analyzer\" Version=\"$meziantou\" PrivateAssets=\"all\" />"

cat > "$proj/Generated.csproj" <<EOF
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>disable</ImplicitUsings>
    <TreatWarningsAsErrors>false</TreatWarningsAsErrors>
    <NoWarn>\$(NoWarn);CS8618;CS0219;CS1998;EL1010;EL1011;EL1012;EL1020;EL1021;EL1022;EL2001;EL2010;EL2011;EL2020;EL2030;EL2040;EL2050</NoWarn>
  </PropertyGroup>
  <ItemGroup>
    <Analyzer Include="$analyzers/*.dll" />
    $mz_ref
    <Compile Include="$repo/tests/ElectionLint.Analyzers.Tests/Stubs/*.cs" Exclude="$repo/tests/ElectionLint.Analyzers.Tests/Stubs/ZOther.cs" />
    <AdditionalFiles Include="deploy/**/*.yaml" />
  </ItemGroup>
</Project>
EOF

# Meziantou's rules that are errors by default would stop the build: they still run, as warnings.
printf 'root = true\n[*.cs]\ndotnet_diagnostic.MA0049.severity = warning\n' > "$proj/.editorconfig"
python3 - "$proj" "$files" <<'PY'
import os, sys
proj, n = sys.argv[1], int(sys.argv[2])
for i in range(n):
    ns = f"Generated.Area{i % 100}"
    bound = ""
    if i % (n // 50) == 0:
        bound = f"""
        public static Confluent.Kafka.ConsumerConfig Consumer() => new Confluent.Kafka.ConsumerConfig
        {{
            SessionTimeoutMs = {6000 + i}, HeartbeatIntervalMs = {2000 + i % 7}, MaxPollIntervalMs = 300000,
        }};
"""
    with open(os.path.join(proj, "src", f"File{i}.cs"), "w") as f:
        f.write(f"""using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace {ns}
{{
    public sealed record Item{i}(int Id, string Name, decimal Price);

    public static class Service{i}
    {{{bound}
        public static IReadOnlyDictionary<string, decimal> Totals(IEnumerable<Item{i}> items) =>
            items.Where(x => x.Price > 0).GroupBy(x => x.Name).OrderBy(g => g.Key).ToDictionary(g => g.Key, g => g.Sum(x => x.Price));

        public static string Describe(Item{i} item) => item switch
        {{
            {{ Price: > 100 }} => $"{{item.Name}} is expensive",
            {{ Price: 0 }} => "free",
            _ => new StringBuilder().Append(item.Name).Append(':').Append(item.Price).ToString(),
        }};

        public static int Fib(int n) => n < 2 ? n : Fib(n - 1) + Fib(n - 2);
    }}
}}
""")
PY
ls ../shared/corpus/large | grep -E '\.yaml$' | sort | awk -v n="$yaml" 'NR <= n' | while read -r f; do cp "../shared/corpus/large/$f" "$proj/deploy/"; done
cp samples/config-repo/etcd/*.y*ml "$proj/deploy/"

dotnet restore "$proj" -v q -nologo >/dev/null
if $server; then
  export UseSharedCompilation=true
  dotnet build-server shutdown --vbcscompiler > /dev/null 2>&1 || true
  trap 'dotnet build-server shutdown --vbcscompiler > /dev/null 2>&1 || true; rm -rf "$work"' EXIT
  dotnet build "$proj" --no-restore --no-incremental -p:UseSharedCompilation=true -v q -nologo > "$work/warmup.log" 2>&1 || true
else
  export UseSharedCompilation=false
fi
echo "$($server && echo "compiler server, warm" || echo "new csc process per build"); load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "| run | build s | Csc s | all analyzers s | Meziantou s | ElectionLint s | ElectionLint ÷ Csc | config-file analyzer s | config-file ÷ Csc | C# analyzer s | C# ÷ Csc | C# ÷ Meziantou |"
echo "|---|---|---|---|---|---|---|---|---|---|---|---|"
for r in $(seq 1 "$runs"); do
  dotnet build "$proj" --no-restore --no-incremental -p:UseSharedCompilation=$server -p:ReportAnalyzer=true -v:d -clp:PerformanceSummary -nologo > "$work/build.log" 2>&1 || { tail -30 "$work/build.log"; exit 1; }
  if $server && ! grep -q "server processed compilation" "$work/build.log"; then echo "the build did not use the compiler server" >&2; exit 1; fi
  python3 - "$work/build.log" "$r" <<'PY'
import re, sys
log = open(sys.argv[1], encoding="utf-8", errors="replace").read()
def seconds(pattern):
    m = re.search(pattern, log, re.M)
    return float(m.group(1)) if m else float("nan")
el = seconds(r"^\s*<?([\d.]+)\s+<?\d+\s+ElectionLint\.Analyzers, Version")
mz = seconds(r"^\s*<?([\d.]+)\s+<?\d+\s+Meziantou\.Analyzer, Version")
total = seconds(r"Total analyzer execution time: ([\d.]+) seconds")
cfg = seconds(r"^\s*<?([\d.]+)\s+<?\d+\s+ElectionLint\.Analyzers\.ConfigFileAnalyzer")
cs = seconds(r"^\s*<?([\d.]+)\s+<?\d+\s+ElectionLint\.Analyzers\.TimingAnalyzer")
csc = seconds(r"^\s*(\d+)\s+ms\s+Csc\s") / 1000
m = re.search(r"Time Elapsed (\d+):(\d+):([\d.]+)", log)
build = int(m.group(1)) * 3600 + int(m.group(2)) * 60 + float(m.group(3)) if m else float("nan")
print(f"| {sys.argv[2]} | {build:.1f} | {csc:.2f} | {total:.3f} | {mz:.3f} | {el:.3f} | {100 * el / csc:.2f} % | {cfg:.3f} | {100 * cfg / csc:.2f} % | {cs:.3f} | {100 * cs / csc:.2f} % | 1/{mz / cs if cs else float('nan'):.1f} |")
PY
done
echo
echo "$files C# files, $(ls "$proj/deploy" | wc -l) YAML additional files; dotnet build --no-incremental -p:ReportAnalyzer=true; load $(cut -d' ' -f1-3 /proc/loadavg)"
