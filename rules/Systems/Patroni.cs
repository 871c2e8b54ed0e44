using System.Collections.Generic;
using ElectionLint.Rules.Evaluation;
using ElectionLint.Rules.Model;
using ElectionLint.Rules.Timing;
using static ElectionLint.Rules.Systems.Define;

namespace ElectionLint.Rules.Systems
{
    /// <summary>
    /// Patroni's leader lock in the DCS (patroni/patroni @ de6b22c8): <c>ttl</c>, <c>loop_wait</c> and <c>retry_timeout</c> of the
    /// dynamic configuration (<c>bootstrap.dcs</c> of patroni.yml, <c>patronictl edit-config</c>, the postgres-operator's
    /// <c>spec.patroni</c>), integer seconds read with <c>int()</c>. Defaults 30 / 10 / 10 (config.py <c>__DEFAULT_CONFIG</c>).
    /// A top-level ttl or loop_wait in the local file is ignored: the dynamic value wins (<c>_build_effective_configuration</c>).
    /// </summary>
    public static class Patroni
    {
        public const string Id = "patroni";
        public const string Ttl = "ttl";
        public const string LoopWait = "loop_wait";
        public const string RetryTimeout = "retry_timeout";

        /// <summary>patroni.yml's local <c>watchdog.mode</c>: off, automatic (the default) or required.</summary>
        public const string WatchdogMode = "watchdog.mode";

        /// <summary>patroni.yml's local <c>watchdog.safety_margin</c>, seconds; -1 sets the watchdog to ttl // 2.</summary>
        public const string SafetyMargin = "watchdog.safety_margin";

        /// <summary>The dynamic configuration's <c>primary_start_timeout</c> (or the older <c>master_start_timeout</c>), seconds.</summary>
        public const string PrimaryStartTimeout = "primary_start_timeout";

        /// <summary>Which DCS patroni.yml's local configuration names: its top-level <c>etcd3</c>, <c>consul</c>, <c>zookeeper</c>, ….</summary>
        public const string Dcs = "dcs";

        /// <summary>The variant read from patroni.yml's <c>bootstrap.dcs</c>.</summary>
        public const string BootstrapDcs = "bootstrap.dcs";

        /// <summary>config.py <c>_validate_and_adjust_timeouts</c> (and validator.py IntValidator min): values below are raised.</summary>
        public const long MinTtl = 20, MinLoopWait = 1, MinRetryTimeout = 3;

        public static SystemDefinition Definition { get; } = new SystemDefinition(
            Id,
            "Patroni",
            PyInt(Ttl, SettingRole.Timeout, 30),
            PyInt(LoopWait, SettingRole.Heartbeat, 10),
            PyInt(RetryTimeout, SettingRole.Timeout, 10),
            new SettingDefinition(WatchdogMode, SettingRole.Choice, ValueFormat.Text),
            // watchdog/base.py @ a4a6dc02:50 safety_margin default 5, used as read (no int()); no timing knob for tune.
            new SettingDefinition(SafetyMargin, SettingRole.Count, ValueFormat.Decimal) { Default = Quantity.Constant(5m), Tunable = false },
            // global_config.py @ a4a6dc02:174-184 primary_start_timeout, default 300; a durability choice tune leaves alone.
            new SettingDefinition(PrimaryStartTimeout, SettingRole.Timeout, ValueFormat.PythonIntSeconds)
            {
                Default = Quantity.Constant(Timing.Duration.FromSeconds(300)),
                Granularity = Timing.Duration.NanosPerSecond,
                Tunable = false,
            },
            new SettingDefinition(Dcs, SettingRole.Choice, ValueFormat.Text) { Tunable = false })
        {
            FalseFailover = "a false failover",
            Heartbeat = Q(LoopWait),
            // The leader key expires ttl after its last update; the primary updates it every loop_wait.
            Detection = Q(Ttl),
            // A stalled primary's key was written at most loop_wait before the stall and expires ttl after that write.
            PauseBudget = new Quantity("ttl − loop_wait", T(1m, Ttl), T(-1m, LoopWait)),
            // patroni/patroni @ a4a6dc02, the Kubernetes DCS (the worst of etcd3 and Kubernetes): a replica wakes on each renew of
            // the leader object (dcs/kubernetes.py ObjectCache._process_event:676) and holds the leader valid until its own
            // observed time + ttl (_load_cluster:915); unwoken, its HA loops come loop_wait + 0.5 s apart (Kubernetes.watch:1405,
            // __main__.py schedule_next_run), so it sees the key gone at ⌈ttl / loop_wait⌉ × loop_wait + 0.5 s, at most
            // ttl + loop_wait − 0.5 s (ttl ≡ 1 mod loop_wait). The race then asks every member of old_cluster, the dead
            // primary too, with a 2 s timeout (ha.py is_healthiest_node:1189, fetch_node_status:907) before acquire_lock.
            // etcd3 wakes replicas on the key's deletion: ttl + etcd's 0.5 s lessor tick + 2 s, never more.
            Failover = new Quantity("failover window", T(1m, Ttl), T(1m, LoopWait), new Term(1_500_000_000m), Rtt(2m)),
            FailoverPrimary = Ttl,
            // N14, the DCS patroni.yml names (see WindowRemarks for the code): a replica that wakes on the key's deletion
            // does not wait for its loop.
            FailoverByChoice = (Dcs, new Dictionary<string, Quantity>
            {
                ["consul"] = new Quantity("failover window", T(1m, Ttl), new Term(2_000_000_000m), Rtt(2m)),
                ["etcd3"] = new Quantity("failover window", T(1m, Ttl), new Term(2_500_000_000m), Rtt(2m)),
                // tickTime counted as ZooKeeper's own default, 3000 ms (ZooKeeperServer.DEFAULT_TICK_TIME).
                ["zookeeper"] = ZooKeeperWindow(),
                ["exhibitor"] = ZooKeeperWindow(),
            }),
            WindowRemarks = WindowRemarks,
            PauseConsequence = "the leader key expires and a replica is promoted",
            Variants = new[] { BootstrapDcs },
            // N7: Patroni writes bootstrap.dcs to the DCS only when it initialises a cluster (__main__.py, ha.py bootstrap);
            // a running cluster keeps its /config, changed with patronictl edit-config.
            RepairNote = new VariantText(string.Empty).For(BootstrapDcs, " (for a new cluster; a running one ignores bootstrap.dcs: change it there with patronictl edit-config)"),
            Ranges = new[]
            {
                Minimum(Ttl, MinTtl),
                Minimum(LoopWait, MinLoopWait),
                Minimum(RetryTimeout, MinRetryTimeout),
            },
            HardChecks = new SystemCheck[] { Shrunk, Watchdog },
            SolverRelations = new[]
            {
                new RelationLimit("EL1091", new Quantity("loop_wait + 2 × retry_timeout", T(1m, LoopWait), T(2m, RetryTimeout)), Comparison.AtMost, 1m, Q(Ttl), "Patroni shrinks loop_wait")
                {
                    Source = "Patroni's rule loop_wait + 2 × retry_timeout ≤ ttl",
                },
            },
        }.Bound();

        private static Quantity ZooKeeperWindow() => new Quantity("failover window", T(1m, Ttl), new Term(5_000_000_000m), Rtt(2m));

        private static RangeLimit Minimum(string setting, long seconds) => new RangeLimit("EL1090", setting, string.Empty)
        {
            Min = seconds * (decimal)Duration.NanosPerSecond,
            Source = "Patroni's minimum " + setting,
            Detail = "{setting} {value} is below Patroni's minimum of " + seconds + " s; Patroni raises it to " + seconds + " s (\"" + setting + "=… can't be smaller than " + seconds + ", adjusting...\") and `patroni --validate-config` rejects it",
        };

        /// <summary>
        /// EL1091: config.py <c>_validate_and_adjust_timeouts</c>, after raising the minimums: when
        /// 1 + 2 × retry_timeout &gt; ttl it sets loop_wait 1 and retry_timeout (ttl − 1) // 2; otherwise, when
        /// loop_wait + 2 × retry_timeout &gt; ttl, it sets loop_wait = ttl − 2 × retry_timeout. Only a warning is logged.
        /// </summary>
        private static void Shrunk(EvaluationContext ctx)
        {
            if (!Raised(ctx, out decimal t, out decimal l, out decimal r))
            {
                return;
            }

            const decimal s = Duration.NanosPerSecond;
            if (l + (2m * r) <= t)
            {
                return;
            }

            string sum = $"{ctx.Name(LoopWait)} {ctx.Show(LoopWait)} + 2 × {ctx.Name(RetryTimeout)} {ctx.Show(RetryTimeout)}";
            string effect = MinLoopWait + (2m * r) > t
                ? $"Patroni silently sets {ctx.Name(LoopWait)} to {ctx.ShowValue(LoopWait, MinLoopWait * s)} and {ctx.Name(RetryTimeout)} to {ctx.ShowValue(RetryTimeout, decimal.Floor((t - MinLoopWait) / 2m) * s)}"
                : $"Patroni silently shrinks {ctx.Name(LoopWait)} to {ctx.ShowValue(LoopWait, AdjustedLoopWait(t, l, r) * s)}";
            var args = new Dictionary<string, string>
            {
                ["detail"] = $"{sum} is above {ctx.Name(Ttl)} {ctx.Show(Ttl)}; {effect}",
            };
            ctx.Report("EL1091", LoopWait, new[] { RetryTimeout, Ttl }, args);
        }

        /// <summary>The loop_wait, in seconds, config.py _validate_and_adjust_timeouts leaves of raised whole seconds (see Shrunk).</summary>
        private static decimal AdjustedLoopWait(decimal t, decimal l, decimal r) =>
            MinLoopWait + (2m * r) > t ? MinLoopWait : l + (2m * r) > t ? t - (2m * r) : l;

        /// <summary>ttl, loop_wait and retry_timeout in whole seconds after Patroni raises them to its minimums.</summary>
        private static bool Raised(EvaluationContext ctx, out decimal t, out decimal l, out decimal r)
        {
            t = l = r = 0m;
            if (!ctx.TryGet(Ttl, out decimal ttl) || !ctx.TryGet(LoopWait, out decimal loop) || !ctx.TryGet(RetryTimeout, out decimal retry))
            {
                return false;
            }

            const decimal s = Duration.NanosPerSecond;
            t = decimal.Floor(System.Math.Max(ttl / s, MinTtl));
            l = decimal.Floor(System.Math.Max(loop / s, MinLoopWait));
            r = decimal.Floor(System.Math.Max(retry / s, MinRetryTimeout));
            return true;
        }

        /// <summary>
        /// EL1096 (N14), patroni/patroni @ a4a6dc02 watchdog/base.py: the watchdog's timeout is ttl − safety_margin, or
        /// ttl // 2 for safety_margin -1 (:73-78), of the ttl and loop_wait _validate_and_adjust_timeouts left (:48-49).
        /// Below loop_wait (timing_slack &lt; 0, :80-82) _activate swaps in a NullWatchdog (:134-137); with mode required
        /// activate() then fails (:151-159) and is_healthy is false (:236-241), so the node stays out of the leader race
        /// (ha.py:1185-1187), never promotes (ha.py:849-855) and cancels a bootstrap (ha.py:1702-1703). parse_mode (:21-32):
        /// require(d), auto(matic), anything else off; unset is automatic (:45-47).
        /// </summary>
        private static void Watchdog(EvaluationContext ctx)
        {
            string mode = (ctx.Text(WatchdogMode) ?? "automatic").Trim().ToLowerInvariant() switch
            {
                "require" or "required" => "required",
                "auto" or "automatic" => "automatic",
                _ => "off",
            };
            if (mode == "off" || !Raised(ctx, out decimal t, out decimal l, out decimal r) || !ctx.TryGet(SafetyMargin, out decimal margin))
            {
                return;
            }

            decimal loop = AdjustedLoopWait(t, l, r);
            decimal timeout = margin == -1m ? decimal.Floor(t / 2m) : t - margin;
            if (timeout >= loop)
            {
                return;
            }

            const decimal s = Duration.NanosPerSecond;
            string Value(string setting, decimal seconds) =>
                ctx.TryGet(setting, out decimal v) && v == seconds * s ? ctx.Show(setting) : ctx.ShowValue(setting, seconds * s) + " (as Patroni adjusts it)";
            string n = DurationFormat.Number(margin);
            string ttlText = $"{ctx.Name(Ttl)} {Value(Ttl, t)}", loopText = $"{ctx.Name(LoopWait)} {Value(LoopWait, loop)}";
            string detail = margin == -1m
                ? $"the watchdog timeout, {ttlText} // 2 = {DurationFormat.Number(timeout)} s ({ctx.Name(SafetyMargin)} -1), is shorter than {loopText}"
                : $"the watchdog timeout, {ttlText} − {ctx.Name(SafetyMargin)} {n} s = {DurationFormat.Number(timeout)} s, is shorter than {loopText}";
            string disabled = $"Patroni disables the watchdog (\"Watchdog not supported because leader TTL {DurationFormat.Number(t)} is less than 2x loop_wait {DurationFormat.Number(loop)}\")";
            bool required = mode == "required";
            string consequence = required
                ? disabled + $" and, with {ctx.Name(WatchdogMode)} required, this node never takes the leader key: it is not watchdog capable, stays out of the leader race and cancels a bootstrap"
                : disabled + " and runs without it: a hung Patroni is no longer reset before its leader key expires";
            decimal maxLoop = margin == -1m ? timeout : t - margin;
            string fix = margin == -1m
                ? $"set {ctx.Name(LoopWait)} to {DurationFormat.Number(timeout)} s or less, or {ctx.Name(SafetyMargin)} to {DurationFormat.Number(t - loop)} or less"
                : $"set {ctx.Name(SafetyMargin)} to {DurationFormat.Number(t - loop)} or less" + (maxLoop >= MinLoopWait ? $", or {ctx.Name(LoopWait)} to {DurationFormat.Number(maxLoop)} s or less" : string.Empty);
            var args = new Dictionary<string, string>
            {
                ["detail"] = detail,
                ["consequence"] = consequence,
                [Evaluator.FixWhenNoRepair] = fix,
            };
            ctx.Report("EL1096", SafetyMargin, ctx.IsSet(WatchdogMode) ? new[] { WatchdogMode } : new string[0], args, required ? Catalogue.RuleSeverity.Error : null);
        }

        /// <summary>
        /// N14: what the window (a node's death, Kubernetes DCS) does not say. patroni/patroni @ a4a6dc02:
        /// <list type="bullet">
        /// <item>A Postgres crash with Patroni alive: the primary keeps the key and restarts Postgres for primary_start_timeout
        /// before it demotes (ha.py recover:534-545, post_startup/handle_starting_instance:1736-1744); the documented worst
        /// case is loop_wait + primary_start_timeout + loop_wait, or loop_wait at 0 (docs/dynamic_configuration.rst:27).</item>
        /// <item>Consul: the session TTL is ttl / 2 (dcs/consul.py set_ttl:315-319), which Consul invalidates at
        /// 2 × TTL (hashicorp/consul agent/structs/structs.go SessionTTLMultiplier), deleting the key (behavior 'delete', lock
        /// delay 0.001 s, :353); replicas block on the leader key (watch:695-706) and wake at once: ttl + the 2 s race.</item>
        /// <item>etcd3: the lease is revoked within etcd's 0.5 s lessor tick and the deletion wakes replicas: ttl + 2.5 s.</item>
        /// <item>ZooKeeper: ttl is kazoo's session timeout (dcs/zookeeper.py:115-118, set_ttl:174-183) and the leader node is
        /// ephemeral (attempt_to_acquire_leader:300-303); the server negotiates the session into [2, 20] × its tickTime
        /// (ZooKeeperServer.processConnectRequest; kazoo keeps the requested value, connection.py:734) and expires it up to a
        /// tick late (ExpiryQueue): ttl + tickTime + 2 s, and 20 × tickTime at most.</item>
        /// </list>
        /// </summary>
        private static IEnumerable<string> WindowRemarks(EvaluationContext ctx)
        {
            const decimal s = Duration.NanosPerSecond;
            if (ctx.TryGet(Ttl, out decimal ttlValue) && ctx.Text(Dcs) is string dcs)
            {
                decimal ttl = decimal.Floor(System.Math.Max(ttlValue / s, MinTtl));
                string ttlName = ctx.Name(Ttl);
                switch (dcs.Trim().ToLowerInvariant())
                {
                    case "consul":
                        yield return $"the Consul DCS deletes the key with the session, {ttlName} after its last renewal, and replicas wake at once: {ttlName} + 2 s for the race";
                        break;
                    case "etcd3":
                        yield return $"the etcd3 DCS wakes replicas when the lease is revoked, within etcd's 0.5 s tick: {ttlName} + 2.5 s";
                        break;
                    case "zookeeper":
                    case "exhibitor":
                        string cap = ttl > 40m ? $"; the server caps a session at 20 × its tickTime (40s at tickTime 2000), so {ttlName} {ctx.Show(Ttl)} may hold the key less" : string.Empty;
                        yield return $"the ZooKeeper DCS makes {ttlName} the session timeout: the leader's node goes at its expiry, up to a server tick late, tickTime counted as ZooKeeper's default 3000 ms: {ttlName} + 3 s + 2 s{cap}";
                        break;
                }
            }

            if (ctx.TryGet(PrimaryStartTimeout, out decimal start) && ctx.TryGet(LoopWait, out decimal loop))
            {
                string startName = ctx.Name(PrimaryStartTimeout), loopName = ctx.Name(LoopWait);
                yield return start <= 0m
                    ? $"a Postgres crash with Patroni alive fails over at the next loop ({startName} {ctx.Show(PrimaryStartTimeout)}): {loopName} = {ctx.ShowComputed(loop)}"
                    : $"a Postgres crash with Patroni alive is restarted for up to {startName} {ctx.Show(PrimaryStartTimeout)} before a failover: {loopName} + {startName} + {loopName} = {ctx.ShowComputed(start + (2m * loop))}";
            }
        }

        /// <summary>
        /// N9: patroni/config.py @ a4a6dc02 _safe_copy_dynamic_configuration: <c>config[name] = int(value)</c>, and
        /// _validate_and_adjust_timeouts <c>int(config.get(param, …))</c>: a YAML 30.7 runs as 30.
        /// </summary>
        private static SettingDefinition PyInt(string id, SettingRole role, long seconds) => new SettingDefinition(id, role, ValueFormat.PythonIntSeconds)
        {
            Default = Quantity.Constant(Timing.Duration.FromSeconds(seconds)),
            Granularity = Timing.Duration.NanosPerSecond,
        };
    }
}
