using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using Microsoft.CodeAnalysis;

namespace ElectionLint.Testing
{
    /// <summary>Reference assemblies found offline: the SDK's Microsoft.NETCore.App.Ref pack matching the running runtime.</summary>
    public static class References
    {
        private static readonly Lazy<ImmutableArray<MetadataReference>> NetCore = new Lazy<ImmutableArray<MetadataReference>>(Load);

        public static ImmutableArray<MetadataReference> Framework => NetCore.Value;

        private static ImmutableArray<MetadataReference> Load()
        {
            string runtimeDir = RuntimeEnvironment.GetRuntimeDirectory();
            string dotnetRoot = Path.GetFullPath(Path.Combine(runtimeDir, "..", "..", ".."));
            string packs = Path.Combine(dotnetRoot, "packs", "Microsoft.NETCore.App.Ref");
            string prefix = $"{Environment.Version.Major}.{Environment.Version.Minor}.";
            string? version = Directory.Exists(packs)
                ? Directory.GetDirectories(packs).Select(Path.GetFileName).Where(v => v!.StartsWith(prefix, StringComparison.Ordinal)).OrderBy(v => v).LastOrDefault()
                : null;
            string? refDir = version == null ? null : Directory.GetDirectories(Path.Combine(packs, version, "ref")).FirstOrDefault();
            if (refDir != null)
            {
                return Directory.GetFiles(refDir, "*.dll").Select(f => (MetadataReference)MetadataReference.CreateFromFile(f)).ToImmutableArray();
            }

            // Fallback: the running runtime's implementation assemblies.
            string tpa = (string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!;
            return tpa.Split(Path.PathSeparator).Where(p => p.StartsWith(runtimeDir, StringComparison.Ordinal))
                .Select(f => (MetadataReference)MetadataReference.CreateFromFile(f)).ToImmutableArray();
        }
    }
}
