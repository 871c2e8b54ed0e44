using System.Linq;
using System.Text.Json;
using ElectionLint.Rules.Profile;
using ElectionLint.Rules.Timing;

namespace ElectionLint.Cli.Output
{
    /// <summary>How explain and tune show the profile that applies.</summary>
    internal static class ProfileOutput
    {
        /// <summary>"network wan, rttP99 200ms (assumed for a WAN), …"; unset values as "not set", or left out.</summary>
        public static string Text(EnvironmentProfile p, bool omitUnset) => string.Join(", ", new[]
        {
            "network " + (p.Network == NetworkKind.Wan ? "wan" : "lan"),
            Value("rttP99", p.EffectiveRtt, p.RttAssumed ? " (assumed for a WAN)" : string.Empty, omitUnset),
            Value("gcPauseP99", p.GcPauseP99, string.Empty, omitUnset),
            Value("maxFailover", p.MaxFailover, string.Empty, omitUnset),
        }.Where(x => x != null));

        /// <summary>A "profile" object; with <paramref name="withFile"/>, the file it came from (null: no profile file).</summary>
        public static void Json(Utf8JsonWriter w, EnvironmentProfile p, bool withFile = false, string? file = null)
        {
            w.WriteStartObject("profile");
            w.WriteString("network", p.Network == NetworkKind.Wan ? "wan" : "lan");
            JsonFormatter.OptionalString(w, "rttP99", p.EffectiveRtt is Duration rtt ? DurationFormat.Go(rtt) : null);
            JsonFormatter.OptionalString(w, "gcPauseP99", p.GcPauseP99 is Duration gc ? DurationFormat.Go(gc) : null);
            JsonFormatter.OptionalString(w, "maxFailover", p.MaxFailover is Duration max ? DurationFormat.Go(max) : null);
            w.WriteBoolean("rttAssumed", p.RttAssumed);
            if (withFile)
            {
                JsonFormatter.OptionalString(w, "file", file);
            }

            w.WriteEndObject();
        }

        private static string? Value(string key, Duration? value, string note, bool omitUnset) =>
            value is Duration d ? $"{key} {DurationFormat.Go(d)}{note}" : omitUnset ? null : key + " not set";
    }
}
