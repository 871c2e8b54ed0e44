# Sourced by the bench scripts that compare NativeAOT builds: publishes this tree into $work/new and, when $base names a
# second checkout, that one into $work/base. Needs $work and $base set, and the repository root as the working folder.
native_builds() {
  echo "building (NativeAOT) into $work ..." >&2
  dotnet publish cli/ElectionLint.Cli -c Release -r linux-x64 -o "$work/new" -v q -nologo >/dev/null
  [ -z "$base" ] || (cd "$base" && dotnet publish cli/ElectionLint.Cli -c Release -r linux-x64 -o "$work/base" -v q -nologo >/dev/null)
}
