using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace ElectionLint.Analyzers.Collection
{
    /// <summary>The compilation's appsettings files, read once, when a body first binds options from configuration.</summary>
    internal sealed class AppSettingsSource
    {
        private readonly ImmutableArray<AdditionalText> _files;
        private readonly object _gate = new object();
        private AppSettings? _loaded;

        public AppSettingsSource(ImmutableArray<AdditionalText> files)
        {
            _files = files;
        }

        public AppSettings Get(CancellationToken cancellation)
        {
            if (_loaded != null)
            {
                return _loaded;
            }

            lock (_gate)
            {
                return _loaded ??= AppSettings.Load(_files, cancellation);
            }
        }
    }
}
