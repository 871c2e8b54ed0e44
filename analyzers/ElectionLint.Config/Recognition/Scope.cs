using System;
using System.Collections.Generic;
using ElectionLint.Config.Documents;
using ElectionLint.Config.Source;
using ElectionLint.Rules.Evaluation;
using ElectionLint.Rules.Model;
using ElectionLint.Rules.Systems;

namespace ElectionLint.Config.Recognition
{
    /// <summary>Where a recognised setting was written: the value's span (without quotes) and the key or flag's span.</summary>
    public sealed class SettingLocation
    {
        public SettingLocation(SourceSpan value, SourceSpan? name)
        {
            Value = value;
            Name = name;
        }

        /// <summary>The value as written, without quotes: what a diagnostic underlines and a fix replaces.</summary>
        public SourceSpan Value { get; }

        public SourceSpan? Name { get; }

        /// <summary>The template that passes this value on to the setting (a values.yaml value), if any.</summary>
        public TemplateSite? Via { get; init; }
    }

    /// <summary>Collects the settings of one system found in one place (a container, a leaderElection block, a file).</summary>
    internal sealed class Scope
    {
        private readonly Dictionary<string, (string? Raw, string? Error, SettingLocation Location, string Name, ValueFormat? Format, long? Unit)> _settings =
            new Dictionary<string, (string?, string?, SettingLocation, string, ValueFormat?, long?)>();

        public Scope(string system, SourceSpan anchor, string? variant = null)
        {
            System = SystemCatalogue.Get(system);
            Anchor = anchor;
            Variant = variant;
        }

        public SystemDefinition System { get; }

        public SourceSpan Anchor { get; }

        public string? Variant { get; }

        public bool IsEmpty => _settings.Count == 0 && _conflicts == null;

        /// <summary>True when the setting is written here.</summary>
        public bool Has(string setting) => _settings.ContainsKey(setting);

        /// <summary>Where each written setting's value is.</summary>
        public IEnumerable<SettingLocation> Locations
        {
            get
            {
                foreach (var s in _settings.Values)
                {
                    yield return s.Location;
                }
            }
        }

        /// <summary>The raw text of a written setting (null for a value not known statically).</summary>
        public string? RawOf(string setting) => _settings.TryGetValue(setting, out var s) ? s.Raw : null;

        /// <summary>Takes a setting as another scope wrote it (the controllers' value for the brokers' pair).</summary>
        public void CopyFrom(Scope other, string setting) => _settings[setting] = other._settings[setting];

        /// <summary>Marks a setting present but unknown here (written differently in several places it could come from).</summary>
        public void AddUnknown(string setting, SettingLocation location, string name) => _settings[setting] = (null, null, location, name, null, null);

        /// <summary>Drops every setting: another scope judges them.</summary>
        public void Clear() => _settings.Clear();

        /// <summary>A scalar's value. Template expressions and null values make the setting unknown or absent.</summary>
        public void Add(string setting, ScalarNode value, SourceText text, string name, SourceSpan? nameSpan, ValueFormat? format = null, long? unit = null)
        {
            if (value.IsNull && value.Style == ScalarStyle.Plain)
            {
                return;
            }

            Add(setting, value.Value, new SettingLocation(value.ContentSpan(text), nameSpan), name, format, unit);
        }

        public void Add(string setting, string raw, SettingLocation location, string name, ValueFormat? format = null, long? unit = null) =>
            _settings[setting] = (raw, null, location, name, format, unit);

        public void AddInvalid(string setting, string raw, string reason, SettingLocation location, string name) =>
            _settings[setting] = (raw, reason, location, name, null, null);

        // Made when first written: most scopes have none, and a stream of documents has one scope per document.
        private Dictionary<string, decimal?>? _defaults;

        private Dictionary<string, string>? _names;

        /// <summary>How messages and repairs name a setting that is not written here (the flag a repair would add).</summary>
        public void Name(string setting, string name) => (_names ??= new Dictionary<string, string>())[setting] = name;

        /// <summary>This component's own default for an unwritten setting; null when it is not known.</summary>
        public void Default(string setting, decimal? value) => (_defaults ??= new Dictionary<string, decimal?>())[setting] = value;

        private List<(string Setting, SettingLocation Location, string Name, string By)>? _conflicts;

        /// <summary><paramref name="name"/> at <paramref name="location"/> is also given as <paramref name="by"/>, which the system refuses.</summary>
        public void AddConflict(string setting, SettingLocation location, string name, string by) => (_conflicts ??= new List<(string, SettingLocation, string, string)>()).Add((setting, location, name, by));

        public ConfigurationInstance Build()
        {
            var instance = new ConfigurationInstance(System, new SettingLocation(Anchor, Anchor), Variant);
            if (_names != null)
            {
                foreach (KeyValuePair<string, string> n in _names)
                {
                    instance.Name(n.Key, n.Value);
                }
            }

            if (_defaults != null)
            {
                foreach (KeyValuePair<string, decimal?> d in _defaults)
                {
                    instance.Default(d.Key, d.Value);
                }
            }

            if (_conflicts != null)
            {
                foreach ((string setting, SettingLocation location, string name, string by) in _conflicts)
                {
                    instance.Conflict(setting, location, name, by);
                }
            }

            foreach (KeyValuePair<string, (string? Raw, string? Error, SettingLocation Location, string Name, ValueFormat? Format, long? Unit)> s in _settings)
            {
                (string? raw, string? error, SettingLocation location, string name, ValueFormat? format, long? unit) = s.Value;
                if (error != null)
                {
                    instance.SetInvalid(s.Key, raw ?? string.Empty, error, location, name);
                }
                else if (raw == null || IsTemplated(raw))
                {
                    instance.SetUnknown(s.Key, location, name);
                }
                else
                {
                    instance.SetText(s.Key, raw, location, name, format, unit);
                }
            }

            return instance;
        }

        /// <summary>Go/Helm, Jinja and shell expansions: the value is not known until rendered.</summary>
        public static bool IsTemplated(string value) =>
            value.IndexOf("{{", StringComparison.Ordinal) >= 0 || value.IndexOf("{%", StringComparison.Ordinal) >= 0 || value.IndexOf("${", StringComparison.Ordinal) >= 0 || value.IndexOf("$(", StringComparison.Ordinal) >= 0;
    }
}
