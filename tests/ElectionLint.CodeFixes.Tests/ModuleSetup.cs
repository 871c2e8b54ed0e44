using System.Runtime.CompilerServices;

namespace ElectionLint.CodeFixes.Tests
{
    internal static class ModuleSetup
    {
        [ModuleInitializer]
        internal static void Run() => ElectionLint.Testing.TestPackagesFolder.UseOwn();
    }
}
