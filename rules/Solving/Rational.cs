using System;
using System.Numerics;

namespace ElectionLint.Rules.Solving
{
    /// <summary>
    /// An exact fraction (numerator / positive denominator, in lowest terms): no rounding at any boundary. Values whose
    /// parts fit a long (nearly all: nanoseconds and small factors) are held and computed as longs, checked for
    /// overflow; the rest as BigIntegers. Each value has one form, so equality compares fields.
    /// </summary>
    public readonly struct Rational : IComparable<Rational>, IEquatable<Rational>
    {
        private readonly long _num;
        private readonly long _den; // 0 only for default(Rational), read as 1
        private readonly Big? _big; // set only when a part does not fit a long (or is long.MinValue)

        private Rational(long num, long den)
        {
            _num = num;
            _den = den;
            _big = null;
        }

        private Rational(Big big)
        {
            _num = 0;
            _den = 0;
            _big = big;
        }

        private sealed class Big
        {
            public Big(BigInteger num, BigInteger den)
            {
                Num = num;
                Den = den;
            }

            public readonly BigInteger Num;
            public readonly BigInteger Den;
        }

        public static Rational Zero => default;

        public static Rational One => new Rational(1, 1);

        public BigInteger Numerator => _big != null ? _big.Num : new BigInteger(_num);

        public BigInteger Denominator => _big != null ? _big.Den : new BigInteger(Den);

        private long Den => _den == 0 ? 1 : _den;

        public int Sign => _big != null ? _big.Num.Sign : Math.Sign(_num);

        public bool IsZero => _big == null && _num == 0;

        private static readonly long[] Pow10 = MakePow10();

        private static long[] MakePow10()
        {
            var p = new long[19];
            p[0] = 1;
            for (int i = 1; i < p.Length; i++)
            {
                p[i] = p[i - 1] * 10;
            }

            return p;
        }

        public static Rational Of(decimal value)
        {
            if (value > -1e18m && value < 1e18m && value == decimal.Truncate(value))
            {
                return new Rational((long)value, 1); // whole numbers (nanoseconds, most factors) need no bits
            }

            int[] bits = decimal.GetBits(value);
            int scale = (bits[3] >> 16) & 0xFF;
            if (bits[2] == 0 && bits[1] >= 0 && scale < Pow10.Length)
            {
                long m = ((long)bits[1] << 32) | (uint)bits[0];
                return Make(bits[3] < 0 ? -m : m, Pow10[scale]);
            }

            var mantissa = new BigInteger((uint)bits[0]) | (new BigInteger((uint)bits[1]) << 32) | (new BigInteger((uint)bits[2]) << 64);
            if (bits[3] < 0)
            {
                mantissa = -mantissa;
            }

            return Make(mantissa, BigInteger.Pow(10, scale));
        }

        public static Rational Of(BigInteger whole) => Make(whole, BigInteger.One);

        /// <summary>num / den in lowest terms with a positive denominator (den ≠ 0; neither is long.MinValue).</summary>
        private static Rational Make(long num, long den)
        {
            if (den < 0)
            {
                num = -num;
                den = -den;
            }

            if (den != 1)
            {
                long g = Gcd(num < 0 ? -num : num, den);
                if (g > 1)
                {
                    num /= g;
                    den /= g;
                }
            }

            return new Rational(num, den);
        }

        private static Rational Make(BigInteger num, BigInteger den)
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

            return num > long.MinValue && num <= long.MaxValue && den <= long.MaxValue ? new Rational((long)num, (long)den) : new Rational(new Big(num, den));
        }

        private static long Gcd(long a, long b)
        {
            while (b != 0)
            {
                long t = a % b;
                a = b;
                b = t;
            }

            return a;
        }

        /// <summary>a × b, false on overflow (or a result of long.MinValue).</summary>
        private static bool Mul(long a, long b, out long r)
        {
            r = unchecked(a * b);
            // The product as a double is within 2⁻⁵² of the exact one: below 2⁶² it cannot have overflowed (no division needed).
            double estimate = (double)a * b;
            if (estimate < 4.6e18 && estimate > -4.6e18)
            {
                return true;
            }

            return a == 0 || (r / a == b && r != long.MinValue && !(a == -1 && b == long.MinValue));
        }

        /// <summary>a + b, false on overflow (or a result of long.MinValue).</summary>
        private static bool Add(long a, long b, out long r)
        {
            r = unchecked(a + b);
            return ((a ^ r) & (b ^ r)) >= 0 && r != long.MinValue;
        }

        /// <summary>The least integer not below the fraction.</summary>
        public BigInteger Ceiling()
        {
            if (_big == null)
            {
                long d = Den, whole = _num / d, rest = _num % d;
                return rest > 0 ? new BigInteger(whole) + 1 : new BigInteger(whole);
            }

            BigInteger w = BigInteger.DivRem(Numerator, Denominator, out BigInteger r);
            return r.Sign > 0 ? w + 1 : w;
        }

        /// <summary>The nearest decimal (exact when the fraction has one); saturates at decimal's range.</summary>
        public decimal ToDecimal()
        {
            if (_big == null && _num % Den == 0)
            {
                return _num / Den; // every long fits a decimal
            }

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

        public static Rational operator +(Rational a, Rational b)
        {
            if (a.IsZero)
            {
                return b;
            }

            if (b.IsZero)
            {
                return a;
            }

            if (a._big == null && b._big == null)
            {
                long ad = a.Den, bd = b.Den;
                if (ad == bd)
                {
                    if (Add(a._num, b._num, out long s))
                    {
                        return ad == 1 ? new Rational(s, 1) : Make(s, ad);
                    }
                }
                else if (Mul(a._num, bd, out long x) && Mul(b._num, ad, out long y) && Add(x, y, out long n) && Mul(ad, bd, out long d))
                {
                    return Make(n, d);
                }
            }

            return Make((a.Numerator * b.Denominator) + (b.Numerator * a.Denominator), a.Denominator * b.Denominator);
        }

        public static Rational operator -(Rational a, Rational b) => a + (-b);

        public static Rational operator -(Rational a) => a._big == null ? new Rational(-a._num, a.Den) : Make(-a._big.Num, a._big.Den);

        public static Rational operator *(Rational a, Rational b)
        {
            if (a._big == null && b._big == null)
            {
                long an = a._num, ad = a.Den, bn = b._num, bd = b.Den;
                if (an == 0 || bn == 0)
                {
                    return Zero;
                }

                // Cross-cancel first: with both in lowest terms, the product is then in lowest terms too.
                long g1 = Gcd(an < 0 ? -an : an, bd), g2 = Gcd(bn < 0 ? -bn : bn, ad);
                if (Mul(an / g1, bn / g2, out long n) && Mul(ad / g2, bd / g1, out long d))
                {
                    return new Rational(n, d);
                }
            }

            return Make(a.Numerator * b.Numerator, a.Denominator * b.Denominator);
        }

        public static Rational operator /(Rational a, Rational b)
        {
            if (b.IsZero)
            {
                throw new DivideByZeroException();
            }

            Rational inverse = b._big == null ? Make(b.Den, b._num) : Make(b._big.Den, b._big.Num);
            return a * inverse;
        }

        public static bool operator <(Rational a, Rational b) => a.CompareTo(b) < 0;

        public static bool operator >(Rational a, Rational b) => a.CompareTo(b) > 0;

        public static bool operator <=(Rational a, Rational b) => a.CompareTo(b) <= 0;

        public static bool operator >=(Rational a, Rational b) => a.CompareTo(b) >= 0;

        public static bool operator ==(Rational a, Rational b) => a.Equals(b);

        public static bool operator !=(Rational a, Rational b) => !a.Equals(b);

        public static Rational Abs(Rational a) => a.Sign < 0 ? -a : a;

        public int CompareTo(Rational other)
        {
            if (_big == null && other._big == null)
            {
                long ad = Den, bd = other.Den;
                if (ad == bd)
                {
                    return _num.CompareTo(other._num);
                }

                if (Mul(_num, bd, out long x) && Mul(other._num, ad, out long y))
                {
                    return x.CompareTo(y);
                }
            }

            return (Numerator * other.Denominator).CompareTo(other.Numerator * Denominator);
        }

        public bool Equals(Rational other) =>
            _big == null ? other._big == null && _num == other._num && Den == other.Den
            : other._big != null && _big.Num == other._big.Num && _big.Den == other._big.Den;

        public override bool Equals(object? obj) => obj is Rational r && Equals(r);

        public override int GetHashCode() => _big == null ? _num.GetHashCode() ^ (Den.GetHashCode() * 31) : _big.Num.GetHashCode() ^ (_big.Den.GetHashCode() * 31);

        public override string ToString() => _big == null ? (Den == 1 ? _num.ToString(System.Globalization.CultureInfo.InvariantCulture) : _num.ToString(System.Globalization.CultureInfo.InvariantCulture) + "/" + Den.ToString(System.Globalization.CultureInfo.InvariantCulture)) : Denominator.IsOne ? Numerator.ToString() : Numerator + "/" + Denominator;
    }
}
