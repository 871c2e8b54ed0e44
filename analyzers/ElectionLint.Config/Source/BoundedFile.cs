using System;
using System.IO;
using System.Reflection;

namespace ElectionLint.Config.Source
{
    /// <summary>
    /// Reads a file with the byte limit enforced while reading. A link is measured by its final target, not by itself.
    /// A file that reports no length (empty, a FIFO, a character device such as /dev/zero) is never opened: opening a FIFO
    /// blocks until a writer comes, and a device never ends. It is refused when the host can tell it is no regular file.
    /// </summary>
    public static class BoundedFile
    {
        /// <summary>
        /// The final target of a link, or null when the path is not one. netstandard2.0 has no API for it: a host may set it
        /// (the CLI: File.ResolveLinkTarget); otherwise the runtime's File.ResolveLinkTarget is found by reflection (.NET 6+),
        /// and without either a link is still read within the byte limit.
        /// </summary>
        public static Func<string, string?>? FinalTarget { get; set; }

        private static readonly Func<string, string?>? RuntimeFinalTarget = FindResolveLinkTarget();

        /// <summary>
        /// What a path of no length names when it is not a regular file ("a FIFO", "a character device"), or null. Set by a
        /// host that can tell (the CLI); without it such a path reads as empty, still without being opened.
        /// </summary>
        public static Func<string, string?>? SpecialKind { get; set; }

        /// <summary>The bytes, or null with the reason the file was not read.</summary>
        public static byte[]? Read(string path, int maxBytes, out string? skipped)
        {
            byte[]? buffer = ReadInto(path, maxBytes, n => new byte[n], out int read, out skipped);
            if (skipped != null)
            {
                return null;
            }

            if (buffer != null && buffer.Length != read)
            {
                Array.Resize(ref buffer, read);
            }

            return buffer;
        }

        /// <summary>
        /// The bytes in a buffer from <paramref name="rent"/> (the first <paramref name="read"/> are the file's). With a reason
        /// in <paramref name="skipped"/> the file is not to be linted, and the buffer, when there is one, goes back all the same.
        /// </summary>
        public static byte[]? ReadInto(string path, int maxBytes, Func<int, byte[]> rent, out int read, out string? skipped)
        {
            skipped = null;
            read = 0;
            var info = Target(path);
            long length = info.Length;
            if (length > maxBytes)
            {
                skipped = TooLarge(length, maxBytes);
                return null;
            }

            if (length == 0)
            {
                if (SpecialKind?.Invoke(info.FullName) is string kind)
                {
                    skipped = $"file skipped: not a regular file ({kind}); ElectionLint does not read it";
                    return null;
                }

                return Array.Empty<byte>();
            }

            using var stream = new FileStream(info.FullName, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
            int capacity = (int)Math.Min(length, maxBytes) + 1;
            byte[] buffer = rent(capacity);
            while (read < capacity)
            {
                int n = stream.Read(buffer, read, capacity - read);
                if (n == 0)
                {
                    break;
                }

                read += n;
            }

            if (read > maxBytes)
            {
                skipped = TooLarge(read, maxBytes); // it grew while being read
            }

            return buffer;
        }

        /// <summary>
        /// For a host that reads files itself (the compiler's additional files): true when a file on disk must not be read,
        /// with the reason when there is one to report. An empty length is an empty file, a FIFO or a device: nothing to lint,
        /// and reading the last two never ends. A path that is not on disk (an editor buffer, a test) is left to the host.
        /// </summary>
        public static bool SkipBeforeReading(string path, int maxBytes, out string? reason)
        {
            reason = null;
            try
            {
                if (!File.Exists(path))
                {
                    return false;
                }

                long length = Target(path).Length;
                if (length > maxBytes)
                {
                    reason = TooLarge(length, maxBytes);
                }

                return length == 0 || reason != null;
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is ArgumentException || e is NotSupportedException)
            {
                return false;
            }
        }

        private static FileInfo Target(string path)
        {
            string? target = null;
            try
            {
                target = (FinalTarget ?? RuntimeFinalTarget)?.Invoke(path);
            }
            catch (TargetInvocationException e) when (e.InnerException is IOException || e.InnerException is UnauthorizedAccessException)
            {
                // A link loop or an unreadable link: reading it below fails with the same error, reported by the caller.
            }

            return new FileInfo(target ?? path);
        }

        private static Func<string, string?>? FindResolveLinkTarget()
        {
            MethodInfo? resolve = typeof(File).GetMethod("ResolveLinkTarget", new[] { typeof(string), typeof(bool) });
            return resolve == null ? null : p => (resolve.Invoke(null, new object[] { p, true }) as FileSystemInfo)?.FullName;
        }

        public static string TooLarge(long bytes, int maxBytes) =>
            $"file skipped: {bytes / (1024 * 1024)} MB is larger than the {maxBytes / (1024 * 1024)} MB limit";
    }
}
