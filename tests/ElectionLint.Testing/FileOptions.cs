using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ElectionLint.Testing
{
    /// <summary>What .editorconfig sections give each file: options by path, as the compiler would pass them to analyzers.</summary>
    public sealed class FileOptions : AnalyzerConfigOptionsProvider
    {
        private readonly Dictionary<string, Dictionary<string, string>> _byPath = new Dictionary<string, Dictionary<string, string>>();

        public override AnalyzerConfigOptions GlobalOptions { get; } = new Options(new Dictionary<string, string>());

        public void Add(string path, string key, string value)
        {
            if (!_byPath.TryGetValue(path, out Dictionary<string, string>? options))
            {
                _byPath[path] = options = new Dictionary<string, string>();
            }

            options[key] = value;
        }

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => For(tree.FilePath);

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => For(textFile.Path);

        private AnalyzerConfigOptions For(string path) =>
            new Options(_byPath.TryGetValue(path, out Dictionary<string, string>? o) ? o : new Dictionary<string, string>());

        private sealed class Options : AnalyzerConfigOptions
        {
            private readonly Dictionary<string, string> _values;

            public Options(Dictionary<string, string> values)
            {
                _values = values;
            }

            public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => _values.TryGetValue(key, out value);

            public override IEnumerable<string> Keys => _values.Keys.ToList();
        }
    }
}
