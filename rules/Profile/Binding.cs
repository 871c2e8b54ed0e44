using System.Collections.Generic;

namespace ElectionLint.Rules.Profile
{
    /// <summary>One member or key the user binds to a role of a system: <c>HeartbeatMs: "heartbeat:ms"</c>.</summary>
    public sealed class BoundSetting
    {
        public BoundSetting(string source, string role, string? unit)
        {
            Source = source;
            Role = role;
            Unit = unit;
        }

        /// <summary>The C# member name, or the dotted YAML path.</summary>
        public string Source { get; }

        /// <summary>The setting id of the bound system (<c>heartbeat</c>, <c>election-timeout</c>, …).</summary>
        public string Role { get; }

        /// <summary>The unit of bare numbers ("ms", "s"); null when values carry their own.</summary>
        public string? Unit { get; }
    }

    /// <summary>The user's own type (C#) and keys (YAML) checked with an existing system's rules.</summary>
    public sealed class Binding
    {
        public Binding(string system)
        {
            System = system;
        }

        public string System { get; }

        /// <summary>Full metadata name of the C# type, e.g. <c>MyCompany.Raft.RaftOptions</c>; null when not bound.</summary>
        public string? CSharpType { get; init; }

        public IReadOnlyList<BoundSetting> CSharpSettings { get; init; } = new BoundSetting[0];

        /// <summary>Pairs (dotted path → scalar) a YAML document must have to be bound.</summary>
        public IReadOnlyList<KeyValuePair<string, string>> YamlMatch { get; init; } = new KeyValuePair<string, string>[0];

        public IReadOnlyList<BoundSetting> YamlSettings { get; init; } = new BoundSetting[0];
    }
}
