using System.Collections.Generic;
using ElectionLint.Config.Documents;
using ElectionLint.Rules.Systems;

namespace ElectionLint.Config.Recognition.Surfaces
{
    /// <summary>
    /// The raft multiplier of HashiCorp servers, in HCL or JSON agent configs: Consul <c>performance { raft_multiplier }</c>,
    /// Nomad <c>server { raft_multiplier }</c>, Vault <c>storage "raft" { performance_multiplier }</c>.
    /// </summary>
    public static class HashiCorpRaftSurface
    {
        public static IEnumerable<SurfaceName> Names { get; } = new[]
        {
            new SurfaceName(HashiCorpRaft.Id, HashiCorpRaft.Multiplier, SurfaceKind.Key, "raft_multiplier"),
            new SurfaceName(HashiCorpRaft.Id, HashiCorpRaft.Multiplier, SurfaceKind.Key, "performance_multiplier"),
        };

        /// <summary>The block a multiplier sits in names the server: performance (Consul), server (Nomad), raft (Vault).</summary>
        internal static void Recognize(RecognitionContext ctx, MappingEntry block)
        {
            if (block.Value is not MappingNode m)
            {
                return;
            }

            (string key, string variant) = block.KeyText switch
            {
                "performance" => ("raft_multiplier", HashiCorpRaft.Consul),
                "server" => ("raft_multiplier", HashiCorpRaft.Nomad),
                "raft" => ("performance_multiplier", HashiCorpRaft.Vault),
                _ => (string.Empty, string.Empty),
            };
            if (key.Length == 0 || m.Entry(key) is not MappingEntry e || e.Value is not ScalarNode)
            {
                return;
            }

            Scope scope = ctx.NewScope(HashiCorpRaft.Id, e.Key.Span, variant);
            ctx.AddKey(scope, new SurfaceName(HashiCorpRaft.Id, HashiCorpRaft.Multiplier, SurfaceKind.Key, key), e);
        }
    }
}
