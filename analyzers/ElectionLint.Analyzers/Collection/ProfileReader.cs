using System;
using System.Collections.Immutable;
using System.IO;
using System.Threading;
using ElectionLint.Config.ProfileFile;
using Microsoft.CodeAnalysis;

namespace ElectionLint.Analyzers.Collection
{
    /// <summary>Reads .electionlint.yaml passed as an additional file. Only called when there is one: it loads YamlDotNet.</summary>
    internal static class ProfileReader
    {
        public static AdditionalText? Find(ImmutableArray<AdditionalText> files)
        {
            AdditionalText? best = null;
            foreach (AdditionalText f in files)
            {
                if (string.Equals(Path.GetFileName(f.Path), ProfileLoader.FileName, StringComparison.OrdinalIgnoreCase) &&
                    (best == null || f.Path.Length > best.Path.Length))
                {
                    best = f; // the deepest one is the nearest to the project
                }
            }

            return best;
        }

        public static LoadedProfile? Load(AdditionalText file, CancellationToken cancellation)
        {
            string? text = file.GetText(cancellation)?.ToString();
            return text == null ? null : ProfileLoader.Load(file.Path, text);
        }
    }
}
