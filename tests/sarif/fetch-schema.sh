#!/usr/bin/env bash
# Prints the path of the official SARIF 2.1.0 JSON schema (sarif-2.1.0-rtm.5.json), fetched from the npm registry in
# @microsoft/jest-sarif and kept in a cache folder; the schema is not part of this repository.
# Usage: export ELECTIONLINT_SARIF_SCHEMA="$(bash tests/sarif/fetch-schema.sh)"
set -euo pipefail
cache="${TMPDIR:-/tmp}/electionlint-sarif-schema"
schema="$cache/package/lib/schemas/sarif-2.1.0-rtm.5.json"
if [ ! -s "$schema" ]; then
  mkdir -p "$cache"
  (cd "$cache" && npm pack --silent @microsoft/jest-sarif@1.0.0-beta.0 >/dev/null && tar xzf microsoft-jest-sarif-1.0.0-beta.0.tgz)
fi
[ -s "$schema" ] || { echo "fetch-schema: no schema at $schema" >&2; exit 1; }
echo "$schema"
