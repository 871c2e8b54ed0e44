using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using ElectionLint.Config.Documents;
using ElectionLint.Config.Source;
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

        /// <summary>The profile file that applies to a file; null when none does.</summary>
        public string? PathFor(string file) => (_explicit ?? Find(Path.GetDirectoryName(file)!))?.Path;

        /// <summary>A profile is small: 1 MB at most. A profile that cannot be read (a link loop, no permission) is EL9002, not a crash.</summary>
        public const int MaxProfileBytes = 1024 * 1024;

        public static LoadedProfile LoadFile(string path)
        {
            string? problem;
            try
            {
                byte[]? bytes = BoundedFile.Read(path, MaxProfileBytes, out string? skipped);
                if (bytes != null)
                {
                    return ProfileLoader.Load(path, new System.Text.UTF8Encoding(false).GetString(bytes));
                }

                problem = skipped!.Replace("file skipped: ", string.Empty);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                problem = "cannot be read (" + e.Message + ")";
            }

            var at = new SourceSpan(1, 1, 1, 1, 0, 0);
            return new LoadedProfile(ProfileDocument.Empty, new[] { new FileProblem("EL9002", problem, at) }, path);
        }

        private LoadedProfile? Find(string directory)
        {
            return _byDirectory.GetOrAdd(directory, d =>
            {
                foreach (string name in new[] { ProfileLoader.FileName, ProfileLoader.AlternateFileName })
                {
                    string candidate = Path.Combine(d, name);
                    if (File.Exists(candidate))
                    {
                        return LoadFile(candidate);
                    }
                }

                bool repoRoot = Directory.Exists(Path.Combine(d, ".git")) || File.Exists(Path.Combine(d, ".git"));
                string? parent = Path.GetDirectoryName(d);
                return repoRoot || parent == null ? null : Find(parent);
            });
        }
    }
}
