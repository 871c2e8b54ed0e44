using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using ElectionLint.Rules.TradeOff;

namespace ElectionLint.Cli.Output
{
    /// <summary>
    /// <c>tune --plot</c>: false elections a year (log scale) against expected failover, written as SVG by hand (no plotting
    /// library fits the native build). Rates below <see cref="Floor"/> are drawn on the floor line.
    /// </summary>
    internal static class TradeOffPlot
    {
        public const double Floor = 1e-4;

        private const int Width = 800, Height = 500, Left = 84, Right = 230, Top = 66, Bottom = 64;

        public sealed record Marked(string Label, string Color, string Shape, TradeOffEstimate Estimate);

        public static string Svg(string title, string subtitle, TradeOffCurve curve, IReadOnlyList<Marked> marks)
        {
            static string N(double x) => x.ToString("0.##", CultureInfo.InvariantCulture);
            var points = curve.Candidates.Select(c => c.Estimate).Concat(marks.Select(m => m.Estimate)).ToList();
            double xMax = NiceCeiling(Math.Max(points.Max(p => p.FailoverExpected), 0.001) * 1.05);
            double Clip(double r) => Math.Max(r, Floor);
            int yLo = (int)Math.Floor(Math.Log10(Floor));
            int yHi = Math.Max((int)Math.Ceiling(Math.Log10(Math.Max(points.Max(p => Clip(p.FalseElectionsPerYear)), curve.Budget) * 1.01)), yLo + 1);
            double plotW = Width - Left - Right, plotH = Height - Top - Bottom;
            double X(double s) => Left + (s / xMax * plotW);
            double Y(double r) => Top + plotH - ((Math.Log10(Clip(r)) - yLo) / (yHi - yLo) * plotH);

            var svg = new StringBuilder();
            svg.Append($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{Height}\" viewBox=\"0 0 {Width} {Height}\" font-family=\"sans-serif\" font-size=\"12\">\n");
            svg.Append($"<rect width=\"{Width}\" height=\"{Height}\" fill=\"white\"/>\n");
            svg.Append($"<text class=\"title\" x=\"16\" y=\"24\" font-size=\"14\" font-weight=\"bold\">{Escape(title)}</text>\n");
            svg.Append($"<text class=\"subtitle\" x=\"16\" y=\"44\" font-size=\"10.5\" fill=\"#444\">{Escape(subtitle)}</text>\n");

            // Axes, grid and ticks.
            svg.Append($"<g stroke=\"#ddd\">\n");
            double xStep = NiceStep(xMax / 6);
            for (double x = 0; x <= xMax + 1e-9; x += xStep)
            {
                svg.Append($"<line x1=\"{N(X(x))}\" y1=\"{Top}\" x2=\"{N(X(x))}\" y2=\"{Top + plotH}\"/>\n");
            }

            for (int k = yLo; k <= yHi; k++)
            {
                svg.Append($"<line x1=\"{Left}\" y1=\"{N(Y(Math.Pow(10, k)))}\" x2=\"{Left + plotW}\" y2=\"{N(Y(Math.Pow(10, k)))}\"/>\n");
            }

            svg.Append("</g>\n");
            svg.Append($"<rect x=\"{Left}\" y=\"{Top}\" width=\"{plotW}\" height=\"{plotH}\" fill=\"none\" stroke=\"black\"/>\n");
            for (double x = 0; x <= xMax + 1e-9; x += xStep)
            {
                svg.Append($"<text class=\"x-tick\" x=\"{N(X(x))}\" y=\"{Top + plotH + 18}\" text-anchor=\"middle\">{Escape(Seconds(x))}</text>\n");
            }

            for (int k = yLo; k <= yHi; k++)
            {
                string label = (k == yLo ? "≤ " : string.Empty) + Math.Pow(10, k).ToString("0.####", CultureInfo.InvariantCulture);
                svg.Append($"<text class=\"y-tick\" x=\"{Left - 6}\" y=\"{N(Y(Math.Pow(10, k)) + 4)}\" text-anchor=\"end\">{Escape(label)}</text>\n");
            }

            svg.Append($"<text class=\"x-label\" x=\"{N(Left + plotW / 2)}\" y=\"{Height - 16}\" text-anchor=\"middle\">expected failover after a real failure</text>\n");
            svg.Append($"<text class=\"y-label\" transform=\"translate(20 {N(Top + plotH / 2)}) rotate(-90)\" text-anchor=\"middle\">false elections a year (log scale)</text>\n");

            // The budget.
            double by = Y(curve.Budget);
            svg.Append($"<line class=\"budget\" x1=\"{Left}\" y1=\"{N(by)}\" x2=\"{Left + plotW}\" y2=\"{N(by)}\" stroke=\"#c00\" stroke-dasharray=\"6 4\"/>\n");
            svg.Append($"<text x=\"{Left + plotW - 4}\" y=\"{N(by - 5)}\" text-anchor=\"end\" fill=\"#c00\">budget: {Escape(TradeOffOutput.Rate(curve.Budget))} a year</text>\n");

            // The candidates, by expected failover.
            var line = curve.Candidates.OrderBy(c => c.Estimate.FailoverExpected).Select(c => $"{N(X(c.Estimate.FailoverExpected))},{N(Y(c.Estimate.FalseElectionsPerYear))}");
            svg.Append($"<polyline class=\"curve\" points=\"{string.Join(" ", line)}\" fill=\"none\" stroke=\"#555\"/>\n");
            foreach (TradeOffPoint c in curve.Candidates)
            {
                svg.Append($"<circle class=\"candidate\" cx=\"{N(X(c.Estimate.FailoverExpected))}\" cy=\"{N(Y(c.Estimate.FalseElectionsPerYear))}\" r=\"3\" fill=\"#555\"/>\n");
            }

            var legend = new List<(string Label, string Color, string Shape)> { ("candidates: timers × ⅛ … 8", "#555", "circle-small") };
            foreach (Marked m in marks)
            {
                svg.Append(Shape(m.Shape, X(m.Estimate.FailoverExpected), Y(m.Estimate.FalseElectionsPerYear), m.Color, m.Label));
                legend.Add((m.Label, m.Color, m.Shape));
            }

            legend.Add(("budget", "#c00", "dash"));
            double ly = Top + 10;
            foreach ((string label, string color, string shape) in legend)
            {
                double lx = Left + plotW + 24;
                svg.Append(shape == "dash"
                    ? $"<line x1=\"{N(lx - 8)}\" y1=\"{N(ly)}\" x2=\"{N(lx + 8)}\" y2=\"{N(ly)}\" stroke=\"{color}\" stroke-dasharray=\"6 4\"/>\n"
                    : shape == "circle-small" ? $"<circle cx=\"{N(lx)}\" cy=\"{N(ly)}\" r=\"3\" fill=\"{color}\"/>\n" : Shape(shape, lx, ly, color, null));
                svg.Append($"<text x=\"{N(lx + 14)}\" y=\"{N(ly + 4)}\">{Escape(label)}</text>\n");
                ly += 22;
            }

            svg.Append("</svg>\n");
            return svg.ToString();
        }

        private static string Shape(string shape, double x, double y, string color, string? cls)
        {
            static string N(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);
            string c = cls != null ? $" class=\"mark\" data-label=\"{Escape(cls)}\"" : string.Empty;
            return shape switch
            {
                "square" => $"<rect{c} x=\"{N(x - 6)}\" y=\"{N(y - 6)}\" width=\"12\" height=\"12\" fill=\"none\" stroke=\"{color}\" stroke-width=\"2.5\"/>\n",
                "diamond" => $"<polygon{c} points=\"{N(x)},{N(y - 8)} {N(x + 8)},{N(y)} {N(x)},{N(y + 8)} {N(x - 8)},{N(y)}\" fill=\"none\" stroke=\"{color}\" stroke-width=\"2.5\"/>\n",
                "triangle" => $"<polygon{c} points=\"{N(x)},{N(y - 8)} {N(x + 7)},{N(y + 6)} {N(x - 7)},{N(y + 6)}\" fill=\"none\" stroke=\"{color}\" stroke-width=\"2.5\"/>\n",
                _ => $"<circle{c} cx=\"{N(x)}\" cy=\"{N(y)}\" r=\"7\" fill=\"{color}\" fill-opacity=\"0.8\"/>\n",
            };
        }

        private static string Seconds(double s) => s == 0 ? "0" : s < 1 ? (s * 1000).ToString("0.##", CultureInfo.InvariantCulture) + "ms" : s.ToString("0.##", CultureInfo.InvariantCulture) + "s";

        private static double NiceStep(double raw)
        {
            double p = Math.Pow(10, Math.Floor(Math.Log10(raw)));
            double f = raw / p;
            return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * p;
        }

        private static double NiceCeiling(double x)
        {
            double step = NiceStep(x / 6);
            return Math.Ceiling(x / step) * step;
        }

        private static string Escape(string s) => s.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;").Replace("\"", "&quot;");
    }
}
