#!/usr/bin/env bash
# The NativeAOT executable: publish it for this machine's runtime and run it on the bundled sample (exact findings and
# exit code), on --version, and on input that must end in a usage error or EL9004, never in a crash.
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
fail() { echo "native test FAILED: $*" >&2; exit 1; }
rid="linux-$(uname -m | sed 's/x86_64/x64/; s/aarch64/arm64/')"

echo "== dotnet publish -r $rid (NativeAOT)"
dotnet publish "$repo/cli/ElectionLint.Cli" -c Release -r "$rid" -o "$work/out" --nologo -v q >/dev/null
el="$work/out/electionlint"
[ -x "$el" ] || fail "no executable at $el"

echo "== --version"
version="$("$el" --version)"
[[ "$version" == 0.1.0* ]] || fail "--version printed '$version'"

echo "== the sample"
set +e
(cd "$repo" && "$el" lint samples/config-repo --format json --output "$work/sample.json")
code=$?
set -e
[ "$code" -eq 1 ] || fail "exit $code on the sample, expected 1"
count="$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["diagnostics"]))' "$work/sample.json")"
# The sample's findings, as many as the golden SARIF of the CLI tests holds.
expected="$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["runs"][0]["results"]))' "$repo/tests/ElectionLint.Cli.Tests/Golden/sample.sarif")"
[ "$count" -eq "$expected" ] || fail "$count findings on the sample, expected $expected"

echo "== hostile input"
mkdir -p "$work/h"
printf 'leaderElection:\n  leaseDuration: 99999999999999999h\n' > "$work/h/a.yaml"
mkfifo "$work/h/fifo.yaml"
ln -s /dev/zero "$work/h/zero.yaml"
set +e
timeout 60 "$el" lint "$work/h" --format json --output "$work/h.json"; code=$?
timeout 10 "$el" lint --no-such-flag >/dev/null 2>&1; usage=$?
set -e
[ "$code" -eq 1 ] || fail "exit $code on hostile input, expected 1 (EL1000)"
[ "$usage" -eq 2 ] || fail "exit $usage on an unknown flag, expected 2"
echo "native test passed: $("$el" --version), $expected findings on the sample"
