#!/usr/bin/env bash
# `dotnet format analyzers` applies ElectionLint's code fixes: run it on a copy of samples/csharp (same depth, so its
# relative project references hold) and compare every C# file with tests/format/expected.
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
copy="$repo/samples/.format-check"
trap 'rm -rf "$copy"' EXIT
rm -rf "$copy"
cp -r "$repo/samples/csharp" "$copy"
rm -rf "$copy/bin" "$copy/obj"
# dotnet format loads the analyzers from the projects' Debug outputs and does not build them.
dotnet build "$copy/ElectionLint.Sample.csproj" -c Debug --nologo -v q >/dev/null
dotnet format analyzers "$copy/ElectionLint.Sample.csproj" --severity warn -v q --diagnostics \
  EL1010 EL1011 EL1012 EL1020 EL1021 EL1022 EL1040 EL1050 EL1060 EL1070 EL1080 \
  EL2001 EL2010 EL2011 EL2020 EL2030 EL2040 EL2050
ids="EL1010 EL1011 EL1012 EL1020 EL1021 EL1022 EL1040 EL1050 EL1060 EL1070 EL1080 EL2001 EL2010 EL2011 EL2020 EL2030 EL2040 EL2050"
status=0
while IFS= read -r expected; do
  rel="${expected#$repo/tests/format/expected/}"
  if ! diff -u "$expected" "$copy/$rel"; then
    status=1
  fi
done < <(find "$repo/tests/format/expected" -name '*.cs' | sort)
[ "$status" -eq 0 ] || { echo "dotnet format test FAILED: the fixed sample differs from tests/format/expected" >&2; exit 1; }

# The fixed code compiles.
dotnet build "$copy/ElectionLint.Sample.csproj" -c Debug --nologo -v q > "$copy.build.log" 2>&1 || { cat "$copy.build.log" >&2; echo "dotnet format test FAILED: the fixed sample does not compile" >&2; exit 1; }
rm -f "$copy.build.log"

# A second run changes nothing.
before="$(find "$copy" -name '*.cs' -not -path '*/obj/*' -not -path '*/bin/*' | sort | xargs md5sum)"
# shellcheck disable=SC2086
dotnet format analyzers "$copy/ElectionLint.Sample.csproj" --severity warn -v q --diagnostics $ids
after="$(find "$copy" -name '*.cs' -not -path '*/obj/*' -not -path '*/bin/*' | sort | xargs md5sum)"
[ "$before" = "$after" ] || { diff <(echo "$before") <(echo "$after") >&2; echo "dotnet format test FAILED: a second run changed the fixed sample" >&2; exit 1; }

# The CRLF file with a BOM keeps both: every line ends in CRLF, and the first bytes are the BOM.
forms="$copy/Forms/MixedForms.cs"
[ "$(head -c3 "$forms" | od -An -tx1 | tr -d ' ')" = "efbbbf" ] || { echo "dotnet format test FAILED: the BOM of Forms/MixedForms.cs is gone" >&2; exit 1; }
lines="$(wc -l < "$forms")"
crlf="$(grep -c $'\r$' "$forms" || true)"
[ "$lines" = "$crlf" ] || { echo "dotnet format test FAILED: $((lines - crlf)) lines of Forms/MixedForms.cs lost their CRLF" >&2; exit 1; }
echo "dotnet format test passed: the fixed sample matches tests/format/expected, compiles, a second run changes nothing, CRLF and BOM kept"
