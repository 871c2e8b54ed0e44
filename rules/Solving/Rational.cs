using System;
using System.Numerics;

namespace ElectionLint.Rules.Solving
{
    /// <summary>An exact fraction (numerator / positive denominator, in lowest terms): no rounding at any boundary.</summary>
    public readonly struct Rational : IComparable<Rational>, IEquatable<Rational>
    {
        private readonly BigInteger _den; // 0 only for default(Rational), read as 1

        private Rational(BigInteger num, BigInteger den)
        {
            if (den.Sign < 0)
            {
                num = -num;
                den = -den;
            }

            BigInteger g = BigInteger.GreatestCommonDivisor(num, den);
            if (!g.IsZero && !g.IsOne)
            {
                num /= g;
                den /= g;
            }

            Numerator = num;
            _den = den;
        }

        public static Rational Zero => default;

        public static Rational One => new Rational(BigInteger.One, BigInteger.One);

        public BigInteger Numerator { get; }

        public BigInteger Denominator => _den.IsZero ? BigInteger.One : _den;

        public int Sign => Numerator.Sign;

        public bool IsZero => Numerator.IsZero;

        public static Rational Of(decimal value)
        {
            int[] bits = decimal.GetBits(value);
            var mantissa = new BigInteger((uint)bits[0]) | (new BigInteger((uint)bits[1]) << 32) | (new BigInteger((uint)bits[2]) << 64);
            int scale = (bits[3] >> 16) & 0xFF;
            if (bits[3] < 0)
            {
                mantissa = -mantissa;
            }

            return new Rational(mantissa, BigInteger.Pow(10, scale));
        }

        public static Rational Of(BigInteger whole) => new Rational(whole, BigInteger.One);

        /// <summary>The least integer not below the fraction.</summary>
        public BigInteger Ceiling()
        {
            BigInteger whole = BigInteger.DivRem(Numerator, Denominator, out BigInteger rest);
            return rest.Sign > 0 ? whole + 1 : whole;
        }

        /// <summary>The nearest decimal (exact when the fraction has one); saturates at decimal's range.</summary>
        public decimal ToDecimal()
        {
            BigInteger limit = new BigInteger(decimal.MaxValue);
            BigInteger whole = BigInteger.DivRem(Numerator, Denominator, out BigInteger rest);
            if (BigInteger.Abs(whole) >= limit)
            {
                return Sign < 0 ? decimal.MinValue : decimal.MaxValue;
            }

            decimal result = (decimal)whole;
            if (rest.IsZero)
            {
                return result;
            }

            // 18 fractional digits are far below a nanosecond; the scale keeps the intermediate inside decimal.
            BigInteger scaled = rest * BigInteger.Pow(10, 18) / Denominator;
            return result + ((decimal)scaled / 1_000_000_000_000_000_000m);
        }

        public static Rational operator +(Rational a, Rational b) => new Rational((a.Numerator * b.Denominator) + (b.Numerator * a.Denominator), a.Denominator * b.Denominator);

        public static Rational operator -(Rational a, Rational b) => new Rational((a.Numerator * b.Denominator) - (b.Numerator * a.Denominator), a.Denominator * b.Denominator);

        public static Rational operator -(Rational a) => new Rational(-a.Numerator, a.Denominator);

        public static Rational operator *(Rational a, Rational b) => new Rational(a.Numerator * b.Numerator, a.Denominator * b.Denominator);

        public static Rational operator /(Rational a, Rational b) =>
            b.IsZero ? throw new DivideByZeroException() : new Rational(a.Numerator * b.Denominator, a.Denominator * b.Numerator);

        public static bool operator <(Rational a, Rational b) => a.CompareTo(b) < 0;

        public static bool operator >(Rational a, Rational b) => a.CompareTo(b) > 0;

        public static bool operator <=(Rational a, Rational b) => a.CompareTo(b) <= 0;

        public static bool operator >=(Rational a, Rational b) => a.CompareTo(b) >= 0;

        public static bool operator ==(Rational a, Rational b) => a.Equals(b);

        public static bool operator !=(Rational a, Rational b) => !a.Equals(b);

        public static Rational Abs(Rational a) => a.Sign < 0 ? -a : a;

        public int CompareTo(Rational other) => (Numerator * other.Denominator).CompareTo(other.Numerator * Denominator);

        public bool Equals(Rational other) => Numerator == other.Numerator && Denominator == other.Denominator;

        public override bool Equals(object? obj) => obj is Rational r && Equals(r);

        public override int GetHashCode() => Numerator.GetHashCode() ^ (Denominator.GetHashCode() * 31);

        public override string ToString() => Denominator.IsOne ? Numerator.ToString() : Numerator + "/" + Denominator;
    }
}
