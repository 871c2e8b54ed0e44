using System;

namespace ElectionLint.Rules.TradeOff
{
    /// <summary>
    /// A positive, right-skewed delay (round trip, GC pause) known by a few percentiles: a log-normal through p50 and p99,
    /// whose part above p99 is replaced by a second log-normal piece through p99 and p999 when p999 is given, so a measured
    /// tail wins over the body's extrapolation. Continuous at p99. Seconds throughout.
    /// </summary>
    public sealed class Tail
    {
        /// <summary>Standard normal quantiles of 0.99 and 0.999.</summary>
        public const double Z99 = 2.3263478740408408, Z999 = 3.0902323061678132;

        /// <summary>The body's log-spread when only one percentile is known: p99 ≈ 3.2 × p50.</summary>
        public const double AssumedSigma = 0.5;

        private readonly double _mu, _sigma, _p99, _tailSigma;

        private Tail(double mu, double sigma, double p99, double tailSigma, string description)
        {
            _mu = mu;
            _sigma = sigma;
            _p99 = p99;
            _tailSigma = tailSigma;
            Description = description;
        }

        public string Description { get; }

        /// <summary>Null when no percentile is given; values in seconds, each positive when given.</summary>
        public static Tail? From(double? p50, double? p99, double? p999)
        {
            const double Min = 1e-9;
            if (p50 == null && p99 == null && p999 == null)
            {
                return null;
            }

            double? a = p50 is double x ? Math.Max(x, Min) : null, b = p99 is double y ? Math.Max(y, Min) : null, c = p999 is double z ? Math.Max(z, Min) : null;
            double mu, sigma;
            string how;
            if (a != null && b != null)
            {
                mu = Math.Log(a.Value);
                sigma = Math.Max((Math.Log(b.Value) - mu) / Z99, 1e-3);
                how = "log-normal through p50 and p99";
            }
            else if (a != null && c != null)
            {
                mu = Math.Log(a.Value);
                sigma = Math.Max((Math.Log(c.Value) - mu) / Z999, 1e-3);
                how = "log-normal through p50 and p99.9";
            }
            else if (b != null)
            {
                sigma = AssumedSigma;
                mu = Math.Log(b.Value) - sigma * Z99;
                how = $"log-normal through p99 with σ {AssumedSigma} (no p50)";
            }
            else if (a != null)
            {
                sigma = AssumedSigma;
                mu = Math.Log(a.Value);
                how = $"log-normal through p50 with σ {AssumedSigma} (no p99)";
            }
            else
            {
                sigma = AssumedSigma;
                mu = Math.Log(c!.Value) - sigma * Z999;
                how = $"log-normal through p99.9 with σ {AssumedSigma} (no p50)";
            }

            double p99v = Math.Exp(mu + sigma * Z99);
            double tailSigma = sigma;
            if (c != null && b != null)
            {
                tailSigma = Math.Max((Math.Log(c.Value) - Math.Log(b.Value)) / (Z999 - Z99), 1e-3);
                p99v = b.Value;
                how += ", above p99 through p99 and p99.9";
            }

            return new Tail(mu, sigma, p99v, tailSigma, how);
        }

        /// <summary>P(X &gt; x).</summary>
        public double Survival(double x)
        {
            if (x <= 0)
            {
                return 1.0;
            }

            double z = x <= _p99 ? (Math.Log(x) - _mu) / _sigma : Z99 + (Math.Log(x) - Math.Log(_p99)) / _tailSigma;
            return Normal.Upper(z);
        }

        /// <summary>The value at quantile <paramref name="u"/> in (0, 1): how the simulation samples it.</summary>
        public double Quantile(double u)
        {
            double z = Normal.Inverse(u);
            return z <= Z99 ? Math.Exp(_mu + _sigma * z) : _p99 * Math.Exp(_tailSigma * (z - Z99));
        }

        /// <summary>The median.</summary>
        public double Median => Math.Exp(_mu);

        /// <summary>The mean, by the body's log-normal (the spliced tail moves it by well under 1 % for p99.9 within 3 × p99).</summary>
        public double Mean => Math.Exp(_mu + _sigma * _sigma / 2);
    }

    /// <summary>The standard normal distribution.</summary>
    public static class Normal
    {
        /// <summary>P(Z &gt; z).</summary>
        public static double Upper(double z) => 0.5 * Erfc(z / Math.Sqrt(2));

        /// <summary>Complementary error function, Numerical Recipes' erfcc (fractional error below 1.2e-7 everywhere).</summary>
        public static double Erfc(double x)
        {
            double z = Math.Abs(x);
            double t = 1.0 / (1.0 + 0.5 * z);
            double r = t * Math.Exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 +
                t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
            return x >= 0 ? r : 2.0 - r;
        }

        /// <summary>The quantile function, P. J. Acklam's algorithm (relative error below 1.15e-9).</summary>
        public static double Inverse(double p)
        {
            double[] a = { -3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00 };
            double[] b = { -5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01, -1.328068155288572e+01 };
            double[] c = { -7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00 };
            double[] d = { 7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00 };
            const double Low = 0.02425, High = 1 - Low;
            if (p <= 0)
            {
                return double.NegativeInfinity;
            }

            if (p >= 1)
            {
                return double.PositiveInfinity;
            }

            if (p < Low)
            {
                double q = Math.Sqrt(-2 * Math.Log(p));
                return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
            }

            if (p <= High)
            {
                double q = p - 0.5, r = q * q;
                return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
            }

            double s = Math.Sqrt(-2 * Math.Log(1 - p));
            return -(((((c[0] * s + c[1]) * s + c[2]) * s + c[3]) * s + c[4]) * s + c[5]) / ((((d[0] * s + d[1]) * s + d[2]) * s + d[3]) * s + 1);
        }
    }
}
