using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Threading;
using ElectionLint.Config.Documents;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace ElectionLint.Analyzers.Collection
{
    /// <summary>
    /// The project's appsettings.json and appsettings.{Environment}.json (additional files), flattened the way .NET's JSON
    /// configuration provider flattens them: keys joined with ':' and compared without case, arrays by index, a later file
    /// over an earlier one. Each environment is the base file with one overlay (and the base alone, for environments
    /// without a file of their own).
    /// </summary>
    internal sealed class AppSettings
    {
        public static readonly AppSettings None = new AppSettings(new Layer[0][], false, new Dictionary<string, ParsedFile>());

        private readonly Dictionary<string, ParsedFile> _files;
        private readonly Dictionary<string, HashSet<int>> _readByConfigLinter = new Dictionary<string, HashSet<int>>(StringComparer.Ordinal);

        private AppSettings(Layer[][] environments, bool unreadable, Dictionary<string, ParsedFile> files)
        {
            Environments = environments;
            Unreadable = unreadable;
            _files = files;
        }

        /// <summary>
        /// True when the config-file analyzer reads the value at <paramref name="location"/> itself (an Orleans
        /// ClusterMembership section, DotNext's keys): it reports there, and a second diagnostic would only repeat it.
        /// </summary>
        public bool IsReadByConfigLinter(Location location, Rules.Profile.ProfileDocument profile, string? profileDirectory)
        {
            string path = location.GetLineSpan().Path;
            if (!_files.TryGetValue(path, out ParsedFile? parsed) ||
                profile.IsIgnored(profileDirectory != null ? AnalysisProfile.PathRelativeTo(profileDirectory, path) : Path.GetFileName(path)))
            {
                return false;
            }

            HashSet<int>? offsets;
            lock (_readByConfigLinter)
            {
                if (!_readByConfigLinter.TryGetValue(path, out offsets))
                {
                    offsets = new HashSet<int>();
                    foreach (Rules.Evaluation.ConfigurationInstance instance in Config.Recognition.Recognizer.Recognize(parsed, profile.Bindings))
                    {
                        if (Config.Recognition.Surfaces.KafkaSurface.IsConfluentSection(instance))
                        {
                            continue; // reported by the timing analyzer with the code's values (ConfigFileRegistration skips it)
                        }

                        for (int i = 0; i < instance.System.Settings.Count; i++)
                        {
                            if (instance[i]?.Location is Config.Recognition.SettingLocation l)
                            {
                                offsets.Add(l.Value.StartOffset);
                            }
                        }
                    }

                    _readByConfigLinter[path] = offsets;
                }
            }

            // Our span includes a JSON string's quotes; the config linter's starts inside them.
            int start = location.SourceSpan.Start;
            return offsets.Contains(start) || offsets.Contains(start + 1);
        }

        /// <summary>Per environment, its files in the order they are applied.</summary>
        public IReadOnlyList<Layer[]> Environments { get; }

        /// <summary>A file did not parse: what it holds is not known, so sections bound from it are unknown.</summary>
        public bool Unreadable { get; }

        public bool IsEmpty => Environments.Count == 0;

        /// <summary>One value as the provider stores it: the text (null for an object, an array or JSON null), where it is, the key as written.</summary>
        internal sealed class Entry
        {
            public Entry(string? text, Location location, string key)
            {
                Text = text;
                Location = location;
                Key = key;
            }

            public string? Text { get; }

            public Location Location { get; }

            public string Key { get; }
        }

        /// <summary>One file's values by their full key.</summary>
        internal sealed class Layer
        {
            public Layer(Dictionary<string, Entry> values)
            {
                Values = values;
            }

            public Dictionary<string, Entry> Values { get; }
        }

        /// <summary>The value of <paramref name="key"/> in an environment: the last file that has it wins.</summary>
        public static Entry? Find(Layer[] environment, string key)
        {
            for (int i = environment.Length - 1; i >= 0; i--)
            {
                if (environment[i].Values.TryGetValue(key, out Entry? e))
                {
                    return e;
                }
            }

            return null;
        }

        /// <summary>
        /// The appsettings files of the shallowest folder that has an appsettings.json (the project's own; deeper ones are
        /// test data or other apps), or of the only folder that has overlays.
        /// </summary>
        public static AppSettings Load(ImmutableArray<AdditionalText> files, CancellationToken cancellation)
        {
            var byFolder = new Dictionary<string, List<AdditionalText>>(StringComparer.Ordinal);
            foreach (AdditionalText f in files)
            {
                string name = Path.GetFileName(f.Path);
                if (name.StartsWith("appsettings.", StringComparison.OrdinalIgnoreCase) && name.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
                {
                    string folder = Path.GetDirectoryName(f.Path) ?? string.Empty;
                    if (!byFolder.TryGetValue(folder, out List<AdditionalText>? list))
                    {
                        byFolder[folder] = list = new List<AdditionalText>();
                    }

                    list.Add(f);
                }
            }

            string? chosen = null;
            foreach (KeyValuePair<string, List<AdditionalText>> kv in byFolder)
            {
                bool hasBase = kv.Value.Exists(IsBase);
                bool chosenHasBase = chosen != null && byFolder[chosen].Exists(IsBase);
                if (chosen == null || (hasBase && !chosenHasBase) || (hasBase == chosenHasBase && Depth(kv.Key) < Depth(chosen)))
                {
                    chosen = kv.Key;
                }
            }

            if (chosen == null)
            {
                return None;
            }

            Layer? baseLayer = null;
            var overlays = new List<(string Name, Layer Layer)>();
            var parsedFiles = new Dictionary<string, ParsedFile>(StringComparer.Ordinal);
            bool unreadable = false;
            foreach (AdditionalText f in byFolder[chosen])
            {
                Layer? layer = Read(f, cancellation, parsedFiles);
                if (layer == null)
                {
                    unreadable = true;
                    continue;
                }

                if (IsBase(f))
                {
                    baseLayer = layer;
                }
                else
                {
                    overlays.Add((Path.GetFileName(f.Path), layer));
                }
            }

            overlays.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
            Layer first = baseLayer ?? new Layer(new Dictionary<string, Entry>(StringComparer.OrdinalIgnoreCase));
            var environments = new List<Layer[]> { new[] { first } };
            foreach ((string _, Layer overlay) in overlays)
            {
                environments.Add(new[] { first, overlay });
            }

            return new AppSettings(environments.ToArray(), unreadable, parsedFiles);
        }

        private static bool IsBase(AdditionalText f) => string.Equals(Path.GetFileName(f.Path), "appsettings.json", StringComparison.OrdinalIgnoreCase);

        private static int Depth(string folder) => folder.Split('/', '\\').Length;

        private static Layer? Read(AdditionalText file, CancellationToken cancellation, Dictionary<string, ParsedFile> files)
        {
            if (Config.Source.BoundedFile.SkipBeforeReading(file.Path, Config.Linting.ConfigLinter.DefaultMaxBytes, out _))
            {
                return null;
            }

            string? text = file.GetText(cancellation)?.ToString();
            if (text == null)
            {
                return null;
            }

            var source = new Config.Source.SourceText(file.Path, text);
            ParsedFile parsed = JsonReader.Read(source);
            if (parsed.Documents.Count == 0)
            {
                return text.Trim().Length == 0 ? new Layer(new Dictionary<string, Entry>(StringComparer.OrdinalIgnoreCase)) : null;
            }

            var values = new Dictionary<string, Entry>(StringComparer.OrdinalIgnoreCase);
            Flatten(parsed.Documents[0], string.Empty, file.Path, values);
            files[file.Path] = parsed;
            return new Layer(values);
        }

        private static void Flatten(Node node, string prefix, string path, Dictionary<string, Entry> values)
        {
            switch (node)
            {
                case MappingNode map:
                    if (prefix.Length > 0)
                    {
                        values[prefix] = new Entry(null, At(path, node), prefix);
                    }

                    foreach (MappingEntry e in map.Entries)
                    {
                        Flatten(e.Value, prefix.Length == 0 ? e.KeyText : prefix + ":" + e.KeyText, path, values);
                    }

                    break;
                case SequenceNode seq:
                    values[prefix] = new Entry(null, At(path, node), prefix);
                    for (int i = 0; i < seq.Items.Count; i++)
                    {
                        Flatten(seq.Items[i], prefix + ":" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), path, values);
                    }

                    break;
                case ScalarNode scalar:
                    values[prefix] = new Entry(scalar.IsNull ? null : scalar.Value, At(path, node), prefix);
                    break;
            }
        }

        private static Location At(string path, Node node) =>
            Location.Create(path, new TextSpan(node.Span.StartOffset, node.Span.Length), ProfileReader.Lines(node.Span));
    }
}
