#!/usr/bin/env bash
# Side-by-side throughput on ../shared/corpus/large, all in one run:
#  1. BenchmarkDotNet: electionlint's lint vs a bare YamlDotNet parse of the same files (in-process, one thread);
#  2. hyperfine: the electionlint command (Release build) vs yamllint (Debian package) on the same folder.
set -euo pipefail
cd "$(dirname "$0")/.."
corpus="$(cd .. && pwd)/shared/corpus/large"
dotnet run -c Release --project bench/ElectionLint.Benchmarks -- --filter '*CorpusBenchmarks*' "$@"
dotnet build -c Release cli/ElectionLint.Cli -v q -nologo >/dev/null
cli="dotnet $(pwd)/cli/ElectionLint.Cli/bin/Release/net10.0/electionlint.dll"
if command -v hyperfine >/dev/null && command -v yamllint >/dev/null; then
  hyperfine -N -i --warmup 1 --runs 5 \
    -n electionlint "$cli lint $corpus --fail-level none --format json --output /dev/null" \
    -n "yamllint (default rules)" "yamllint -f parsable $corpus"
else
  echo "hyperfine and yamllint are needed for the command-level comparison: apt-get install -y hyperfine yamllint" >&2
fi
