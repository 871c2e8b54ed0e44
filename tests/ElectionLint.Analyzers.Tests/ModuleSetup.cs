using System.Runtime.CompilerServices;

namespace ElectionLint.Analyzers.Tests
{
    internal static class ModuleSetup
    {
        [ModuleInitializer]
        internal static void Run() => ElectionLint.Testing.TestPackagesFolder.UseOwn();
    }
}
