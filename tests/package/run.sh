#!/usr/bin/env bash
# Package tests: pack ElectionLint and ElectionLint.Cli into a folder feed, consume them from a fresh project
# outside the repository, and assert the exact warnings (C# and YAML) and the tool's findings.
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
version="0.1.0-test$(date +%s)"
feed="$work/feed"
fail() { echo "package test FAILED: $*" >&2; exit 1; }

echo "== pack into $feed (version $version)"
dotnet pack "$repo/analyzers/ElectionLint.Package" -c Release -o "$feed" -p:Version="$version" --nologo -v q >/dev/null
dotnet pack "$repo/cli/ElectionLint.Cli" -c Release -o "$feed" -p:Version="$version" --nologo -v q >/dev/null
# The listing goes to a file: `unzip | grep -q` under pipefail fails when grep stops reading early (SIGPIPE).
unzip -l "$feed/ElectionLint.$version.nupkg" > "$work/contents.txt"
for dll in ElectionLint.Analyzers ElectionLint.CodeFixes ElectionLint.Rules ElectionLint.Config YamlDotNet; do
  grep -q "analyzers/dotnet/cs/$dll.dll" "$work/contents.txt" || fail "$dll.dll is not in analyzers/dotnet/cs"
done
grep -q " lib/" "$work/contents.txt" && fail "the analyzer package has a lib/ folder"

echo "== a fresh consumer project"
app="$work/consumer"
mkdir -p "$app/deploy" "$app/LibraryShapes"
cat > "$app/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <add key="local" value="$feed" />
  </packageSources>
</configuration>
XML
cat > "$app/Consumer.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <NoWarn>CS8618</NoWarn>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="ElectionLint" Version="$version" PrivateAssets="all" />
  </ItemGroup>
</Project>
XML
cp "$repo/tests/ElectionLint.Analyzers.Tests/Stubs/KubernetesClient.cs" "$app/LibraryShapes/"
cat > "$app/Elector.cs" <<'CS'
using System;
using k8s.LeaderElection;

public static class Elector
{
    public static LeaderElectionConfig Create(ILock l) => new LeaderElectionConfig(l)
    {
        LeaseDuration = TimeSpan.FromSeconds(10),
        RenewDeadline = TimeSpan.FromSeconds(10),
    };
}
CS
printf 'name: etcd-0\nheartbeat-interval: 100\nelection-timeout: 300\n' > "$app/deploy/etcd.yaml"
printf 'is_global = true\ndotnet_diagnostic.EL1010.severity = warning\ndotnet_diagnostic.EL1001.severity = warning\n' > "$app/.globalconfig"

out="$work/build.txt"
dotnet build "$app" --nologo -v q > "$out" 2>&1 || { cat "$out"; fail "the consumer does not build"; }
grep -q "Elector.cs(8,25): warning EL1010: LeaseDuration TimeSpan.FromSeconds(10) is not greater than RenewDeadline TimeSpan.FromSeconds(10)" "$out" || { cat "$out"; fail "no EL1010 on the C# value"; }
grep -q "deploy/etcd.yaml(3,19): warning EL1001: election-timeout 300 ms is 3.0× heartbeat-interval 100 ms" "$out" || { cat "$out"; fail "no EL1001 on the YAML value"; }
grep -qE "AD0001|CS9057|CS8032|FileNotFound" "$out" && { cat "$out"; fail "the analyzer did not load cleanly"; }
echo "   C# and YAML warnings found at the right positions"

echo "== .editorconfig sections set config-file severities; .hcl, sentinel.conf and .json are linted like the CLI lints them"
mv "$app/.globalconfig" "$work/globalconfig"    # a global config's severity is applied by the compiler and wins
# EL1001 is an error by default: [*.{yaml,yml}] makes it a warning, a nearer [*.yaml] section switches it off.
printf 'root = true\n\n[*.{yaml,yml}]\ndotnet_diagnostic.EL1001.severity = warning\n' > "$app/.editorconfig"
mkdir -p "$app/deploy/quiet"
cp "$app/deploy/etcd.yaml" "$app/deploy/quiet/etcd.yaml"
printf '[*.yaml]\ndotnet_diagnostic.EL1001.severity = none\n' > "$app/deploy/quiet/.editorconfig"
printf 'performance {\n  raft_multiplier = 12\n}\n' > "$app/deploy/consul.hcl"
printf 'sentinel monitor m 127.0.0.1 6379 2\nsentinel failover-timeout m 0\n' > "$app/deploy/sentinel.conf"
printf '{"RaftCluster": {"lowerElectionTimeout": 0}}\n' > "$app/deploy/raft.json"
printf 'rules:\n  EL1040: warning\n' > "$app/.electionlint.yml"
dotnet build "$app" --nologo -v q > "$out" 2>&1 && { cat "$out"; fail "an error-severity finding did not fail the build"; }
grep -q "deploy/etcd.yaml(3,19): warning EL1001:" "$out" || { cat "$out"; fail "the [*.{yaml,yml}] severity was not applied"; }
grep -q "deploy/quiet/etcd.yaml" "$out" && { cat "$out"; fail "the [*.yaml] = none section of deploy/quiet/.editorconfig was not applied"; }
grep -q "deploy/consul.hcl(2,21): error EL1095:" "$out" || { cat "$out"; fail "consul.hcl was not linted"; }
grep -q "deploy/sentinel.conf(2,29): error EL1092:" "$out" || { cat "$out"; fail "sentinel.conf was not linted"; }
grep -q "deploy/raft.json(1,42): warning EL1040:" "$out" || { cat "$out"; fail "raft.json was not linted with the .electionlint.yml severity"; }
rm -r "$app/.editorconfig" "$app/deploy/quiet" "$app/deploy/consul.hcl" "$app/deploy/sentinel.conf" "$app/deploy/raft.json" "$app/.electionlint.yml"
mv "$work/globalconfig" "$app/.globalconfig"
echo "   [*.{yaml,yml}] → warning, a nearer [*.yaml] → none, consul.hcl, sentinel.conf, raft.json and the .yml profile applied"

echo "== the dotnet tool"
dotnet tool install ElectionLint.Cli --version "$version" --tool-path "$work/tools" --add-source "$feed" >/dev/null
set +e
(cd "$repo" && "$work/tools/electionlint" lint samples/config-repo --format json) > "$work/lint.json"
code=$?
set -e
[ "$code" -eq 1 ] || fail "electionlint exited $code on the sample, expected 1"
grep -q '"file": "samples/config-repo/etcd/etcd.conf.yml"' "$work/lint.json" || fail "the tool missed the etcd finding"
# The sample's findings, as many as the golden SARIF of the CLI tests holds.
expected="$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["runs"][0]["results"]))' "$repo/tests/ElectionLint.Cli.Tests/Golden/sample.sarif")"
count=$(grep -c '"rule": "EL' "$work/lint.json")
[ "$count" -eq "$expected" ] || fail "the tool reported $count findings on the sample, expected $expected"
"$work/tools/electionlint" rules --format text > "$work/rules.txt"
grep -q "^EL1001" "$work/rules.txt" || fail "electionlint rules"
echo "   electionlint exit 1 with the $expected sample findings"
echo "package tests passed"
