#!/usr/bin/env bash
# The composite action (action.yml), run locally: its `run` steps in order, with the inputs and the environment GitHub
# gives them (RUNNER_TEMP, GITHUB_PATH), against a feed packed from this repository; the `uses` steps (setup-dotnet,
# upload-sarif) are GitHub's own and are skipped. Asserts the annotations, the SARIF file and the exit code.
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
fail() { echo "action test FAILED: $*" >&2; exit 1; }
version="0.1.0-action$(date +%s)"
dotnet pack "$repo/cli/ElectionLint.Cli" -c Release -o "$work/feed" -p:Version="$version" --nologo -v q >/dev/null

# Each `run` step as a script, with ${{ inputs.x }} in `env` replaced by the value given here.
python3 - "$repo/action.yml" "$work" "$version" <<'PY'
import os, re, sys, yaml
action, work, version = yaml.safe_load(open(sys.argv[1])), sys.argv[2], sys.argv[3]
inputs = {k: v.get("default", "") for k, v in action["inputs"].items()}
inputs.update({"paths": "samples/config-repo", "version": version, "source": os.path.join(work, "feed"), "sarif": os.path.join(work, "out.sarif")})
n = 0
for step in action["runs"]["steps"]:
    if "run" not in step:
        continue
    n += 1
    with open(os.path.join(work, f"step{n}.sh"), "w") as f:
        f.write("set -euo pipefail\n")
        for k, v in step.get("env", {}).items():
            v = re.sub(r"\$\{\{\s*inputs\.([\w-]+)\s*\}\}", lambda m: inputs[m.group(1)], v)
            f.write(f"export {k}='{v}'\n")
        f.write(step["run"])
PY

export RUNNER_TEMP="$work/runner" GITHUB_PATH="$work/github_path"
mkdir -p "$RUNNER_TEMP"; : > "$GITHUB_PATH"
bash "$work/step1.sh" >/dev/null
PATH="$(cat "$GITHUB_PATH"):$PATH"
set +e
(cd "$repo" && PATH="$PATH" bash "$work/step2.sh") > "$work/annotations.txt"
code=$?
set -e
[ "$code" -eq 1 ] || fail "the lint step exited $code on the sample, expected 1"
grep -q "^::error file=samples/config-repo/etcd/etcd.conf.yml,line=" "$work/annotations.txt" || { cat "$work/annotations.txt"; fail "no error annotation for the etcd finding"; }
# The sample's findings, as many as the golden SARIF of the CLI tests holds.
expected="$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["runs"][0]["results"]))' "$repo/tests/ElectionLint.Cli.Tests/Golden/sample.sarif")"
python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["runs"][0]["results"]; sys.exit(0 if len(r)==int(sys.argv[2]) else 1)' "$work/out.sarif" "$expected" || fail "the SARIF file does not hold the $expected sample findings"
echo "== the README's GitHub Actions snippet: its run steps, as written, with FEED set"
python3 - "$repo/README.md" "$work/readme.sh" <<'PY'
import re, sys, yaml
text = open(sys.argv[1]).read()
block = re.search(r"GitHub Actions: annotations.*?```yaml\n(.*?)```", text, re.S).group(1)
steps = [s["run"] for s in yaml.safe_load(block)["steps"] if "run" in s]
open(sys.argv[2], "w").write("set -euo pipefail\n" + "\n".join(steps) + "\n")
PY
# `--global` installs into ~/.dotnet/tools: keep it inside the scratch folder.
sed -i 's|dotnet tool install --global|dotnet tool install --tool-path "$HOME/.dotnet/tools"|' "$work/readme.sh"
# A stable version (the snippet names none), in a fresh HOME so no package cache holds another 0.1.0.
dotnet pack "$repo/cli/ElectionLint.Cli" -c Release -o "$work/stable" --nologo -v q >/dev/null
set +e
mkdir -p "$work/home"
(cd "$repo" && HOME="$work/home" DOTNET_CLI_HOME="$work/home" NUGET_PACKAGES="$work/home/.nuget/packages" FEED="$work/stable" PATH="$work/home/.dotnet/tools:$PATH" bash "$work/readme.sh") > "$work/readme.txt" 2>&1
code=$?
set -e
[ "$code" -eq 1 ] || { cat "$work/readme.txt"; fail "the README snippet exited $code, expected 1 (findings)"; }
[ -s "$repo/electionlint.sarif" ] || { cat "$work/readme.txt"; fail "the README snippet wrote no electionlint.sarif"; }
grep -q "^::error file=samples/config-repo/etcd/etcd.conf.yml" "$work/readme.txt" || { cat "$work/readme.txt"; fail "the README snippet printed no annotations"; }
rm -f "$repo/electionlint.sarif"
echo "action test passed: install, lint (exit 1, annotations, SARIF with every sample finding); the README snippet runs as written"
