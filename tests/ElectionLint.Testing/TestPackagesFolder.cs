using System;
using System.IO;

namespace ElectionLint.Testing
{
    /// <summary>
    /// Where Microsoft.CodeAnalysis.Testing downloads the reference packages: it uses Path.GetTempPath()/test-packages,
    /// one folder for every run on the machine. Pointing TMPDIR into the test project's output folder gives each test
    /// project and each clone its own.
    /// </summary>
    public static class TestPackagesFolder
    {
        public static void UseOwn()
        {
            string dir = Path.Combine(AppContext.BaseDirectory, "tmp");
            Directory.CreateDirectory(dir);
            Environment.SetEnvironmentVariable("TMPDIR", dir);
        }
    }
}
