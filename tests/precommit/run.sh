#!/usr/bin/env bash
# The pre-commit hook of .pre-commit-hooks.yaml, as a user runs it: a repository whose .pre-commit-config.yaml names this
# one (at its current commit), with a bad etcd config staged. pre-commit builds the tool itself (language: dotnet).
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
fail() { echo "pre-commit test FAILED: $*" >&2; exit 1; }
if ! command -v pre-commit >/dev/null; then
  (apt-get update -qq && apt-get install -y -qq pre-commit) >/dev/null 2>&1 || fail "pre-commit is not installed and apt-get could not install it"
fi
rev="$(git -C "$repo" rev-parse HEAD)"
export PRE_COMMIT_HOME="$work/cache"
mkdir -p "$work/user/deploy"
cd "$work/user"
git init -q . && git config user.email ci@example.invalid && git config user.name ci
cat > .pre-commit-config.yaml <<YAML
repos:
  - repo: $repo
    rev: $rev
    hooks:
      - id: electionlint
YAML
printf 'heartbeat-interval: 100\nelection-timeout: 300\n' > deploy/etcd.yaml
printf 'heartbeat-interval: 100\nelection-timeout: 1000\n' > deploy/good.yaml
git add -A
set +e
pre-commit run --all-files > "$work/out.txt" 2>&1
code=$?
set -e
[ "$code" -eq 1 ] || { cat "$work/out.txt"; fail "pre-commit exited $code, expected 1 (a finding)"; }
grep -q "deploy/etcd.yaml:2:19: error EL1001" "$work/out.txt" || { cat "$work/out.txt"; fail "no EL1001 in the hook's output"; }
grep -q "good.yaml" "$work/out.txt" && { cat "$work/out.txt"; fail "a clean file was reported"; }
echo "pre-commit test passed: the hook built the tool and failed the commit on EL1001"
