using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using ElectionLint.Rules.Model;
using ElectionLint.Rules.TradeOff;

namespace ElectionLint.Cli.Output
{
    /// <summary>How explain and tune show the trade-off model's estimates.</summary>
    internal static class TradeOffOutput
    {
        /// <summary>A rate for people: whole numbers from 10, at most one decimal from 1, two significant digits below, "under 0.001" below that.</summary>
        public static string Rate(double perYear) =>
            perYear >= 10 ? Math.Round(perYear).ToString("0", CultureInfo.InvariantCulture)
            : perYear >= 1 ? perYear.ToString("0.#", CultureInfo.InvariantCulture)
            : perYear >= 0.001 ? double.Parse(perYear.ToString("G2", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture).ToString("0.####", CultureInfo.InvariantCulture)
            : "under 0.001";

        /// <summary>Seconds as a duration, to the millisecond.</summary>
        public static string Duration(double seconds) => SettingValues.DisplayDuration((decimal)Math.Round(seconds * 1000) * 1_000_000m);

        /// <summary>"about 3.7 false elections a year (…); failover 1.2s expected, 2.1s worst".</summary>
        public static string Summary(TradeOffEstimate e)
        {
            string parts = e.FalseElectionsPerYear >= 0.001 && e.FromPauses > 0 && e.FromNetwork > 0
                ? $" ({Rate(e.FromPauses)} from pauses, {Rate(e.FromNetwork)} from the network)"
                : string.Empty;
            string about = e.FalseElectionsPerYear >= 0.001 ? "about " : string.Empty;
            return $"{about}{Rate(e.FalseElectionsPerYear)} false elections a year{parts}; failover {Duration(e.FailoverExpected)} expected, {Duration(e.FailoverWorst)} worst";
        }

        /// <summary>Four significant digits: what the model can claim, and stable across platforms.</summary>
        public static double Number(double x) => x == 0 ? 0 : double.Parse(x.ToString("G4", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

        /// <summary>A "tradeOff" object, or null when the model has no estimate.</summary>
        public static void Json(Utf8JsonWriter w, string name, TradeOffEstimate? e, bool withAssumptions = true)
        {
            if (e == null)
            {
                w.WriteNull(name);
                return;
            }

            w.WriteStartObject(name);
            Fields(w, e);
            if (withAssumptions)
            {
                w.WriteStartArray("assumptions");
                foreach (string a in e.Assumptions)
                {
                    w.WriteStringValue(a);
                }

                w.WriteEndArray();
            }

            w.WriteEndObject();
        }

        public static void Fields(Utf8JsonWriter w, TradeOffEstimate e)
        {
            w.WriteNumber("falseElectionsPerYear", Number(e.FalseElectionsPerYear));
            w.WriteNumber("fromPauses", Number(e.FromPauses));
            w.WriteNumber("fromNetwork", Number(e.FromNetwork));
            w.WriteString("failoverExpected", Duration(e.FailoverExpected));
            w.WriteString("failoverWorst", Duration(e.FailoverWorst));
        }

        public static IEnumerable<string> Lines(TradeOffEstimate? e, bool refused = false)
        {
            if (e == null)
            {
                yield return "trade-off: no estimate (the system has no heartbeat and detection timeout the model knows, or a value is unknown)";
                yield break;
            }

            if (refused)
            {
                yield return "trade-off: no estimate (the system refuses this configuration: it never runs)";
                yield break;
            }

            yield return "trade-off (model): " + Summary(e);
            yield return "  assumptions:";
            foreach (string a in e.Assumptions)
            {
                yield return "    - " + a;
            }
        }
    }
}
