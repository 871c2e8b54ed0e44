#!/usr/bin/env bash
# Engine micro-benchmarks (BenchmarkDotNet). Usage: bench/run-engine.sh [extra BenchmarkDotNet args]
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet run -c Release --project bench/ElectionLint.Benchmarks -- --filter '*EngineBenchmarks*' "$@"
