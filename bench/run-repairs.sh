#!/usr/bin/env bash
# The CLI on 4,000 Kubernetes scheduler configurations that each need a joint repair of three settings (EL2030 under a
# WAN profile with maxFailover 3s) against 4,000 that are clean under the same profile, interleaved in one run
# (bench/ab.py). The engine's share of a lint: the joint run should cost at most 1.5× the clean one.
# Two joint sets: `joint` repeats 20 configurations (lease 11s–30s), as a templated repository does, so most files take
# the repairs found for an earlier one (rules/Evaluation/RepairMemo.cs); `distinct` gives every file its own values
# (lease 15s–214s × retry 1.0s–2.9s), so each file's repairs are searched: the search's own cost.
# Usage: bench/run-repairs.sh [--runs N] [--base DIR]   (--base: a second checkout, e.g. the previous commit, built and
# run in the same rounds; its ratios are printed beside this tree's)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=10 base=""
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --base) base="$(cd "$2" && pwd)"; shift 2 ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
done
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
. bench/native-builds.sh
native_builds

printf 'profile:\n  network: wan\n  rttP99: 150ms\n  gcPauseP99: 300ms\n  maxFailover: 3s\n' > "$work/profile.yaml"
mkdir -p "$work/joint" "$work/clean" "$work/distinct"
for i in $(seq 1 4000); do
  # Lease 11s–30s (20 configurations, repeated): one EL2030 each, repaired by changing all three settings.
  printf 'apiVersion: kubescheduler.config.k8s.io/v1\nkind: KubeSchedulerConfiguration\nleaderElection:\n  leaderElect: true\n  leaseDuration: %ds\n  renewDeadline: 10s\n  retryPeriod: 2s\n' $((11 + i % 20)) > "$work/joint/scheduler-$i.yaml"
  printf 'apiVersion: kubescheduler.config.k8s.io/v1\nkind: KubeSchedulerConfiguration\nleaderElection:\n  leaderElect: true\n  leaseDuration: 2s\n  renewDeadline: 1.5s\n  retryPeriod: 200ms\n' > "$work/clean/scheduler-$i.yaml"
  printf 'apiVersion: kubescheduler.config.k8s.io/v1\nkind: KubeSchedulerConfiguration\nleaderElection:\n  leaderElect: true\n  leaseDuration: %ds\n  renewDeadline: 10s\n  retryPeriod: %dms\n' $((15 + i % 200)) $((1000 + (i / 200) * 100)) > "$work/distinct/scheduler-$i.yaml"
done

args="--config $work/profile.yaml --fail-level none --format json"
"$work/new/electionlint" lint "$work/joint" $args --output "$work/joint.json"
"$work/new/electionlint" lint "$work/clean" $args --output "$work/clean.json"
"$work/new/electionlint" lint "$work/distinct" $args --output "$work/distinct.json"
echo "joint: $(grep -c '"rule": "EL2030"' "$work/joint.json") EL2030 findings; distinct: $(grep -c '"rule": "EL2030"' "$work/distinct.json") EL2030 findings of $(grep -c '"rule"' "$work/distinct.json"); clean: $(grep -c '"rule"' "$work/clean.json" || true) findings" >&2

cmds=(clean "$work/new/electionlint lint $work/clean $args --output /dev/null" joint "$work/new/electionlint lint $work/joint $args --output /dev/null"
  distinct "$work/new/electionlint lint $work/distinct $args --output /dev/null")
[ -z "$base" ] || cmds+=(base-clean "$work/base/electionlint lint $work/clean $args --output /dev/null" base-joint "$work/base/electionlint lint $work/joint $args --output /dev/null"
  base-distinct "$work/base/electionlint lint $work/distinct $args --output /dev/null")
ratios=(--ratio joint/clean --ratio distinct/clean)
[ -z "$base" ] || ratios+=(--ratio base-joint/base-clean --ratio base-distinct/base-clean --ratio joint/base-joint --ratio distinct/base-distinct --ratio clean/base-clean)
python3 bench/ab.py --runs "$runs" --warmup 1 "${ratios[@]}" "${cmds[@]}"
