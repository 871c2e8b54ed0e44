using System;
using System.IO;
using System.Runtime.InteropServices;
using System.Text;

namespace ElectionLint.Cli
{
    /// <summary>
    /// What a path names when it is not a regular file (a FIFO, a device, a socket), from the runtime's own stat
    /// (libSystem.Native, present in every .NET on Unix and linked into the NativeAOT binary). .NET has no public API for it.
    /// </summary>
    internal static class FileKindOnDisk
    {
        /// <summary>"a FIFO", "a character device", "a block device" or "a socket"; null for a regular file, a folder, or when unknown.</summary>
        public static string? Special(string path)
        {
            if (OperatingSystem.IsWindows())
            {
                return null;
            }

            try
            {
                // SystemNative_Stat fills a FileStatus whose second int32 is st_mode; the buffer is larger than any version of it.
                var status = new byte[256];
                if (Stat(Encoding.UTF8.GetBytes(path + "\0"), status) != 0)
                {
                    return null;
                }

                return (BitConverter.ToInt32(status, 4) & 0xF000) switch
                {
                    0x1000 => "a FIFO",
                    0x2000 => "a character device",
                    0x6000 => "a block device",
                    0xC000 => "a socket",
                    _ => null,
                };
            }
            catch (Exception e) when (e is DllNotFoundException || e is EntryPointNotFoundException)
            {
                return null;
            }
        }

        [DllImport("libSystem.Native", EntryPoint = "SystemNative_Stat")]
        private static extern int Stat(byte[] path, byte[] status);
    }
}
