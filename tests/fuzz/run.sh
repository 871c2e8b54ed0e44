#!/usr/bin/env bash
# The long fuzz run: every fuzz suite with a large budget. CI runs the same suites with a small one.
# Usage: tests/fuzz/run.sh [inputs per suite, default 20000] [seed, default the date]
# A failing input is saved under $TMPDIR/electionlint-fuzz/ and named in the failure; replay it with `electionlint lint`.
set -euo pipefail
cd "$(dirname "$0")/../.."
export ELECTIONLINT_FUZZ="${1:-20000}" ELECTIONLINT_FUZZ_SEED="${2:-$(date +%Y%m%d)}"
echo "fuzz: $ELECTIONLINT_FUZZ inputs per suite, seed $ELECTIONLINT_FUZZ_SEED"
dotnet build Linter.sln -c Release -v q -nologo
# Each suite prints "fuzz: SUITE: SURFACE N inputs, …"; the summary at the end lists them.
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
status=0
for project in tests/ElectionLint.Cli.Tests tests/ElectionLint.Analyzers.Tests; do
  dotnet test "$project" -c Release --no-build --nologo --filter "Category=Fuzz" --logger "console;verbosity=detailed" | tee -a "$log" || status=$?
done
echo "inputs tried per surface:"
grep -o 'fuzz: .*' "$log" | sort || echo "  (no suite reported its inputs)"
exit "$status"
