using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using ElectionLint.Config.ProfileFile;
using ElectionLint.Rules.Profile;

namespace ElectionLint.Cli
{
    /// <summary>Finds the .electionlint.yaml that applies to a file: the nearest one upward to the repository root, or --config.</summary>
    internal sealed class ProfileResolver
    {
        private readonly LoadedProfile? _explicit;
        private readonly ConcurrentDictionary<string, LoadedProfile?> _byDirectory = new ConcurrentDictionary<string, LoadedProfile?>(StringComparer.Ordinal);

        public ProfileResolver(LoadedProfile? explicitProfile)
        {
            _explicit = explicitProfile;
        }

        /// <summary>Every profile file read, for reporting EL9002.</summary>
        public IEnumerable<LoadedProfile> Loaded
        {
            get
            {
                if (_explicit != null)
                {
                    yield return _explicit;
                }

                var seen = new HashSet<string>(StringComparer.Ordinal);
                foreach (LoadedProfile? p in _byDirectory.Values)
                {
                    if (p != null && seen.Add(p.Path))
                    {
                        yield return p;
                    }
                }
            }
        }

        /// <summary>The profile for a file and the file's path relative to the profile's folder.</summary>
        public (ProfileDocument Document, string RelativePath) For(string file)
        {
            LoadedProfile? p = _explicit ?? Find(Path.GetDirectoryName(file)!);
            if (p == null)
            {
                return (ProfileDocument.Empty, Path.GetFileName(file));
            }

            string baseDir = Path.GetDirectoryName(Path.GetFullPath(p.Path))!;
            string rel = _explicit != null && !file.StartsWith(baseDir, StringComparison.Ordinal)
                ? Path.GetRelativePath(Directory.GetCurrentDirectory(), file)
                : Path.GetRelativePath(baseDir, file);
            return (p.Document, rel.Replace('\\', '/'));
        }

        public static LoadedProfile LoadFile(string path) => ProfileLoader.Load(path, File.ReadAllText(path));

        private LoadedProfile? Find(string directory)
        {
            return _byDirectory.GetOrAdd(directory, d =>
            {
                string candidate = Path.Combine(d, ProfileLoader.FileName);
                if (File.Exists(candidate))
                {
                    return LoadFile(candidate);
                }

                bool repoRoot = Directory.Exists(Path.Combine(d, ".git")) || File.Exists(Path.Combine(d, ".git"));
                string? parent = Path.GetDirectoryName(d);
                return repoRoot || parent == null ? null : Find(parent);
            });
        }
    }
}
