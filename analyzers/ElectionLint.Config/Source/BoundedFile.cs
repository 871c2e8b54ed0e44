using System;
using System.IO;

namespace ElectionLint.Config.Source
{
    /// <summary>
    /// Reads a file with the byte limit enforced while reading. A link is measured by its final target, not by itself.
    /// A file that reports no length (empty, a FIFO, a character device such as /dev/zero) is read as empty without
    /// being opened: opening a FIFO blocks until a writer comes, and a device never ends.
    /// </summary>
    public static class BoundedFile
    {
        /// <summary>
        /// The final target of a link, or null when the path is not one. netstandard2.0 has no API for it, so a host on a newer
        /// runtime sets it (the CLI: File.ResolveLinkTarget); without it a link is still read within the byte limit.
        /// </summary>
        public static Func<string, string?>? FinalTarget { get; set; }

        /// <summary>The bytes, or null with the reason the file was not read.</summary>
        public static byte[]? Read(string path, int maxBytes, out string? skipped)
        {
            skipped = null;
            var info = new FileInfo(FinalTarget?.Invoke(path) ?? path);
            long length = info.Length;
            if (length > maxBytes)
            {
                skipped = TooLarge(length, maxBytes);
                return null;
            }

            if (length == 0)
            {
                return Array.Empty<byte>();
            }

            using var stream = new FileStream(info.FullName, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, FileOptions.SequentialScan);
            var buffer = new byte[Math.Min(length, maxBytes) + 1];
            int read = 0;
            while (read < buffer.Length)
            {
                int n = stream.Read(buffer, read, buffer.Length - read);
                if (n == 0)
                {
                    break;
                }

                read += n;
            }

            if (read > maxBytes)
            {
                skipped = TooLarge(read, maxBytes); // it grew while being read
                return null;
            }

            Array.Resize(ref buffer, read);
            return buffer;
        }

        public static string TooLarge(long bytes, int maxBytes) =>
            $"file skipped: {bytes / (1024 * 1024)} MB is larger than the {maxBytes / (1024 * 1024)} MB limit";
    }
}
