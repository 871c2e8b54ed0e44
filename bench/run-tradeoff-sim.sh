#!/usr/bin/env bash
# The trade-off model against the discrete-event simulation, on the tests' grid but SCALE times longer (default 50):
# prints model and simulated false elections a year and expected failover for each point.
# Usage: bench/run-tradeoff-sim.sh [SCALE]
set -euo pipefail
cd "$(dirname "$0")/.."
export ELECTIONLINT_SIM_SCALE="${1:-50}"
dotnet test tests/ElectionLint.Rules.Tests -c Release --nologo --filter "FullyQualifiedName~TradeOffTests" \
  --logger "console;verbosity=detailed" | grep -E '^ .*(model |Passed!|Failed!)' | sort -u
