using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace ElectionLint.Testing
{
    /// <summary>
    /// Seeded mutations of real inputs, after the review's fuzzing (robustness.md §4–6): bytes, lines, values at the edges of
    /// every type the readers and the engine convert, YAML constructs that stress a reader, splices of two seeds.
    /// The same seed and iteration always give the same input.
    /// </summary>
    public sealed class Mutator
    {
        /// <summary>Values at the edge of every conversion: Go durations, TimeSpans, ints, decimals, YAML types.</summary>
        public static readonly string[] EdgeValues =
        {
            "0", "-1", "", " ", "-2147483648", "2147483647", "2147483648", "9223372036854775807", "99999999999999999999",
            "1e28", "1e-28", "79228162514264337593543950335", "1e3", "0x10", "0600", "017", "1_000", "1.5", ".inf", "-.inf", ".nan",
            "~", "null", "true", "'100'", "\"100\"", "!!str 100", "[100]", "{a: 1}", "99999999999999999h", "1.33e18m",
            "9223372036854775807ns", "999999999h", "-5s", "0s", "1ns", "15", "15s", "10675199.02:48:05.4775807", "106752.00:00:00",
            "-00:00:01", "00:00:00", "1.00:00:00", "{{ .Values.x }}", "\u202e", "\u001b[31m", "x\n::error title=x::y",
        };

        /// <summary>Constructs that stress a YAML reader: anchors, merges, tags, documents, flow, tabs, templates.</summary>
        private static readonly string[] YamlPieces =
        {
            "&a ", "*a", "<<: *a", "<<: [*a, *a]", "!!binary ", "---\n", "...\n", "? ", "- ", "{", "}", "[", "]", "\t", "|\n", ">-\n",
            "{{ .Values.leaderElection }}", "{% if x %}", "# electionlint-disable-line EL2001\n", "# electionlint-disable-file EL9\n",
            "\"unterminated", "'", "%YAML 1.2\n", "\uFEFF",
        };

        private static readonly byte[][] Bytes =
        {
            new byte[] { 0 }, new byte[] { 0xFF }, new byte[] { 0xC0, 0xAF }, new byte[] { 0xED, 0xA0, 0x80 }, new byte[] { 0xE2, 0x82 },
            new byte[] { 0x0D }, new byte[] { 0x0A }, new byte[] { 0x09 }, new byte[] { 0x1B }, new byte[] { 0xEF, 0xBB, 0xBF },
        };

        private static readonly Regex Value = new Regex(@"(?<=[:=]\s*|--[\w-]+[= ]|value:\s*)[""']?[-\w.:]+[""']?", RegexOptions.CultureInvariant);

        /// <summary>A mutant grows no further past this size.</summary>
        private const int MaxBytes = 2 * 1024 * 1024;

        private readonly IReadOnlyList<byte[]> _seeds;
        private readonly Random _random;

        public Mutator(IReadOnlyList<byte[]> seeds, int seed)
        {
            _seeds = seeds;
            _random = new Random(seed);
        }

        /// <summary>Seeds from files (the corpus, the samples).</summary>
        public static IReadOnlyList<(string Name, byte[] Bytes)> Load(IEnumerable<string> files) =>
            files.OrderBy(f => f, StringComparer.Ordinal).Select(f => (Path.GetFileName(f), File.ReadAllBytes(f))).ToList();

        /// <summary>One mutant of a random seed: 1–4 mutations; the index of the seed it came from.</summary>
        public (int Seed, byte[] Bytes) Next()
        {
            int seed = _random.Next(_seeds.Count);
            byte[] bytes = _seeds[seed];
            int count = 1 + _random.Next(4);
            for (int i = 0; i < count && bytes.Length < MaxBytes; i++)
            {
                bytes = MutateOnce(bytes);
            }

            return (seed, bytes);
        }

        private byte[] MutateOnce(byte[] input)
        {
            switch (_random.Next(10))
            {
                case 0:
                    return FlipByte(input);
                case 1:
                    return InsertBytes(input, Bytes[_random.Next(Bytes.Length)]);
                case 2:
                case 3:
                case 4:
                    return ReplaceValue(input);
                case 5:
                    return EditLines(input);
                case 6:
                    return InsertBytes(input, Encoding.UTF8.GetBytes(YamlPieces[_random.Next(YamlPieces.Length)]));
                case 7:
                    return Splice(input);
                case 8:
                    return Repeat(input);
                default:
                    return Nest(input);
            }
        }

        private byte[] FlipByte(byte[] input)
        {
            if (input.Length == 0)
            {
                return input;
            }

            byte[] copy = (byte[])input.Clone();
            copy[_random.Next(copy.Length)] ^= (byte)(1 << _random.Next(8));
            return copy;
        }

        private byte[] InsertBytes(byte[] input, byte[] insert)
        {
            int at = _random.Next(input.Length + 1);
            return input.Take(at).Concat(insert).Concat(input.Skip(at)).ToArray();
        }

        private byte[] ReplaceValue(byte[] input)
        {
            string text = Encoding.UTF8.GetString(input);
            MatchCollection values = Value.Matches(text);
            if (values.Count == 0)
            {
                return input;
            }

            Match m = values[_random.Next(values.Count)];
            string edge = EdgeValues[_random.Next(EdgeValues.Length)];
            return Encoding.UTF8.GetBytes(text.Substring(0, m.Index) + edge + text.Substring(m.Index + m.Length));
        }

        private byte[] EditLines(byte[] input)
        {
            var lines = Encoding.UTF8.GetString(input).Split('\n').ToList();
            int i = _random.Next(lines.Count);
            switch (_random.Next(3))
            {
                case 0:
                    lines.RemoveAt(i);
                    break;
                case 1:
                    lines.InsertRange(i, Enumerable.Repeat(lines[i], 1 + _random.Next(10)));
                    break;
                default:
                    int j = _random.Next(lines.Count);
                    (lines[i], lines[j]) = (lines[j], lines[i]);
                    break;
            }

            return Encoding.UTF8.GetBytes(string.Join("\n", lines));
        }

        private byte[] Splice(byte[] input)
        {
            byte[] other = _seeds[_random.Next(_seeds.Count)];
            int a = _random.Next(input.Length + 1), b = _random.Next(other.Length + 1);
            return input.Take(a).Concat(other.Skip(b).Take(4096)).ToArray();
        }

        /// <summary>A line repeated many times: duplicate keys, long files, long lines.</summary>
        private byte[] Repeat(byte[] input)
        {
            var lines = Encoding.UTF8.GetString(input).Split('\n');
            string line = lines[_random.Next(lines.Length)];
            // At most about 2 MB: mutations stack, and a repeated line repeated again grows without end.
            int times = Math.Min(100 + _random.Next(5000), MaxBytes / (line.Length + 1));
            string repeated = _random.Next(2) == 0 ? string.Concat(Enumerable.Repeat(line + "\n", times)) : string.Concat(Enumerable.Repeat(line, times)) + "\n";
            return Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(input) + "\n" + repeated);
        }

        /// <summary>Deep flow or block nesting around a piece of the input.</summary>
        private byte[] Nest(byte[] input)
        {
            int depth = 10 + _random.Next(1500);
            string inner = Encoding.UTF8.GetString(input.Take(200).ToArray());
            string nested = _random.Next(2) == 0
                ? new string('[', depth) + inner + new string(']', depth)
                : string.Concat(Enumerable.Range(0, Math.Min(depth, 300)).Select(d => new string(' ', d) + "k" + d + ":\n")) + inner;
            return Encoding.UTF8.GetBytes(nested);
        }
    }
}
