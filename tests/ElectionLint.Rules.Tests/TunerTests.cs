using System.Collections.Generic;
using System.Linq;
using ElectionLint.Rules.Evaluation;
using ElectionLint.Rules.Model;
using ElectionLint.Rules.Profile;
using ElectionLint.Rules.Solving;
using ElectionLint.Rules.Systems;
using Xunit;
using static ElectionLint.Rules.Tests.Build;

namespace ElectionLint.Rules.Tests
{
    /// <summary>Tuning applies verified repairs until nothing is left to clear; what it returns is evaluated, not assumed.</summary>
    public class TunerTests
    {
        [Fact]
        public void Etcd_under_the_spec_profile_gets_headroom_over_the_wan_floor_with_the_heartbeat_in_step()
        {
            // 10 × rttP99 150ms = 1500 ms is the floor; 1.25× headroom asks 1875 ms, and the heartbeat follows at a tenth.
            TuneResult r = Tuner.FromScratch(Etcd.Definition, null, Build.Profile("rtt=150ms gc=400ms max=5s"));
            Assert.Empty(r.After.Findings);
            Assert.Equal(new[] { (Etcd.HeartbeatInterval, "200"), (Etcd.ElectionTimeout, "2000") }, r.Changes.Select(c => (c.Setting.Id, c.Text)));
            Assert.All(r.Changes, c => Assert.Null(c.Occurrence)); // nothing was written: the change adds the settings
            Assert.Equal(new decimal?[] { 200_000_000m, 2_000_000_000m }, r.Values);
            Assert.Equal(new decimal?[] { 100_000_000m, 1_000_000_000m }, r.OriginalValues);
        }

        /// <summary>
        /// Issue #25: with no failover budget nothing stops a recommendation short of the margin, so every RTT and GC floor a
        /// tuned value had to meet is cleared by the profile's headroom (or was met by the system's default, left alone).
        /// </summary>
        [Theory]
        [InlineData("rtt=1ms gc=50ms")]
        [InlineData("rtt=10ms gc=300ms")]
        [InlineData("network=wan gc=400ms")]
        [InlineData("rtt=150ms gc=2s")]
        [InlineData("rtt=400ms gc=5s")]
        public void Without_a_budget_every_tuned_floor_keeps_the_headroom(string profileSpec)
        {
            EnvironmentProfile profile = Build.Profile(profileSpec);
            var tight = new List<string>();
            int tuned = 0;
            foreach (SystemDefinition system in SystemCatalogue.Systems.Where(s => s.Id != Custom.Id))
            {
                foreach (string? variant in system.Variants.Count == 0 ? new string?[] { null } : system.Variants.Cast<string?>())
                {
                    TuneResult r = Tuner.FromScratch(system, variant, profile);
                    if (r.After.Findings.Count > 0 || r.Changes.Count == 0)
                    {
                        continue;
                    }

                    tuned++;
                    // The same model before and after: the margins line up; a floor the tune moved is judged, one left alone is not.
                    IReadOnlyList<RuleMargin> before = Margins.Of(Evaluator.Evaluate(r.Before.Instance, profile), profile), after = Margins.Of(r.After, profile);
                    for (int i = 0; i < after.Count && i < before.Count; i++)
                    {
                        RuleMargin m = after[i];
                        // raft_multiplier stops at 10 (Consul's and Nomad's maximum): 10 × 1s is all HashiCorp raft can wait.
                        bool atTheSystemsLimit = system.Id == HashiCorpRaft.Id && r.Values[system.IndexOf(HashiCorpRaft.Multiplier)] == 10m;
                        if (m.RuleId is "EL2010" or "EL2011" or "EL2020" && m.Headroom is decimal h && h < profile.EffectiveHeadroom && before[i].Headroom != h && !atTheSystemsLimit)
                        {
                            tight.Add($"{system.Id}/{variant}: {m.Summary} (before: {before[i].Summary})");
                        }
                    }
                }
            }

            Assert.True(tuned > 0, $"no system needed tuning under {profileSpec}");
            Assert.True(tight.Count == 0, string.Join("\n", tight));
        }

        [Fact]
        public void A_written_value_keeps_its_form_and_location()
        {
            var instance = new ConfigurationInstance(KubernetesLeaderElection.Definition, "a").SetText(KubernetesLeaderElection.LeaseDuration, "15500ms", "loc");
            TuneResult r = Tuner.Tune(instance);
            SettingChange c = Assert.Single(r.Changes);
            Assert.Equal(("15s", "loc"), (c.Text, c.Occurrence!.Location));
        }

        [Fact]
        public void A_default_that_follows_a_repaired_setting_is_not_a_change()
        {
            // Orleans' MinProbeTimeout defaults to ProbeTimeout / 2: it moves with the repair but is not written.
            TuneResult r = Tuner.Tune(Instance(OrleansMembership.Id, "ProbeTimeout=00:00:00.1"), Build.Profile("network=wan rtt=150ms"));
            Assert.Empty(r.After.Findings);
            Assert.Equal(new[] { OrleansMembership.ProbeTimeout }, r.Changes.Select(c => c.Setting.Id));
            int min = OrleansMembership.Definition.IndexOf(OrleansMembership.MinProbeTimeout);
            Assert.NotEqual(r.OriginalValues[min], r.Values[min]);
        }

        [Fact]
        public void A_setting_with_no_default_starts_at_its_smallest_allowed_value()
        {
            TuneResult r = Tuner.FromScratch(ConsulSession.Definition);
            Assert.Equal(new[] { 0 }, r.Chosen);
            Assert.Equal(10_000_000_000m, r.Values[0]); // Consul's 10 s minimum TTL
            Assert.Empty(r.After.Findings);
        }

        [Fact]
        public void A_value_off_its_step_gets_both_neighbours_as_repairs()
        {
            Finding lease = Assert.Single(Findings(Instance(KubernetesLeaderElection.Id, "leaseDuration=15500ms")));
            Assert.Equal(new[] { "15s", "16s" }, lease.Repairs.Select(r => Assert.Single(r.Changes).Text));
            Finding ticks = Assert.Single(Findings(Instance(Etcd.Id, "heartbeat-interval=250", "election-timeout=1600")));
            Assert.Equal("EL2051", ticks.RuleId);
            Assert.Equal(new[] { "election-timeout=1500", "heartbeat-interval=200", "election-timeout=1750" },
                ticks.Repairs.Select(r => string.Join(",", r.Changes.Select(c => c.Setting.Id + "=" + c.Text))));
        }

        [Fact]
        public void A_profile_nothing_meets_keeps_its_conflict()
        {
            TuneResult r = Tuner.FromScratch(Etcd.Definition, null, Build.Profile("network=wan rtt=300ms max=2s"));
            Assert.NotNull(r.Conflict);
            Assert.Contains(r.After.Findings, f => f.RuleId == "EL2031");
        }

        /// <summary>
        /// On every system's grid: the tuned values, evaluated again, give exactly the findings reported after tuning; tuning
        /// never adds a finding; and where a repair exists for everything and the profile can be met, the result is clean.
        /// </summary>
        [Theory]
        [MemberData(nameof(OracleTests.Cases), MemberType = typeof(OracleTests))]
        public void Tuning_ends_clean_or_says_why(string system, string profileSpec)
        {
            SystemDefinition def = SystemCatalogue.Get(system);
            EnvironmentProfile profile = Build.Profile(profileSpec);
            List<SettingDefinition> numeric = def.Settings.Where(SystemModel.IsNumeric).ToList();
            foreach (decimal[] point in OracleTests.Grid(numeric).Take(150))
            {
                ConfigurationInstance instance = OracleTests.At(def, numeric, point);
                TuneResult r = Tuner.Tune(instance, profile);
                string where = $"{system} {profileSpec} [{string.Join(",", point)}]";
                Assert.True(r.After.Findings.Count <= r.Before.Findings.Count, where);
                var changes = r.Changes.Select(c => (def.IndexOf(c.Setting.Id), c.Value)).ToList();
                var again = new ConfigurationInstance(def, "anchor");
                for (int i = 0; i < def.Settings.Count; i++)
                {
                    if (instance[i] is SettingOccurrence o && o.State == OccurrenceState.Set)
                    {
                        again.Set(def.Settings[i].Id, o.Value, o.Location);
                    }
                }

                foreach (SettingChange c in r.Changes)
                {
                    again.Set(c.Setting.Id, SettingValue.Of(c.Value), "loc");
                }

                Assert.Equal(Ids(r.After.Findings), Ids(Evaluator.Evaluate(again, profile, suggest: false).Findings));
                if (r.After.Findings.Count > 0 && r.Conflict == null)
                {
                    Assert.True(r.After.Findings.All(f => f.Repairs.Count == 0), $"{where}: {Ids(r.After.Findings)} left with a repair");
                }
            }
        }
    
        /// <summary>
        /// N10: MongoDB's catch-up settings are no timing knob: tune and the repairs take them as written, so -1 (no limit) stays
        /// -1 and a limit stays where it is; electionTimeoutMillis is what moves.
        /// </summary>
        [Theory]
        [InlineData("catchUpTimeoutMillis=-1", "max=5s", -1, 11500, 4600)]
        [InlineData("", "max=5s", -1, 11500, 4600)]
        [InlineData("catchUpTimeoutMillis=2000", "max=8s", 2000, 13500, 7750)]
        public void Tune_never_changes_the_catch_up_settings(string settings, string profile, decimal catchUpMs, decimal beforeMs, decimal afterMs)
        {
            TuneResult r = Tuner.Tune(Instance(MongoDbReplicaSet.Id, settings.Length == 0 ? new string[0] : settings.Split(';')), Build.Profile(profile));
            Assert.Empty(r.After.Findings);
            Assert.Equal(new[] { MongoDbReplicaSet.ElectionTimeout }, r.Changes.Select(c => c.Setting.Id));
            Assert.Equal(catchUpMs * 1_000_000m, r.Values[MongoDbReplicaSet.Definition.IndexOf(MongoDbReplicaSet.CatchUpTimeout)]);
            Assert.Equal(30_000_000_000m, r.Values[MongoDbReplicaSet.Definition.IndexOf(MongoDbReplicaSet.CatchUpTakeoverDelay)]);
            Assert.Equal((beforeMs, afterMs), (r.Before.FailoverWindow!.Value / 1_000_000m, r.After.FailoverWindow!.Value / 1_000_000m));
        }

        [Fact]
        public void A_catch_up_limit_the_budget_cannot_hold_is_left_to_a_person()
        {
            // 1.15 × electionTimeoutMillis + 20000 ms exceeds 20s for any electionTimeoutMillis > 0; tune does not shorten catch-up.
            TuneResult r = Tuner.Tune(Instance(MongoDbReplicaSet.Id, "catchUpTimeoutMillis=20000"), Build.Profile("max=20s"));
            Assert.Empty(r.Changes);
            Finding f = Assert.Single(r.After.Findings);
            Assert.Equal("no configuration of MongoDB satisfies the profile: electionTimeoutMillis > 0 ms (MongoDB's replica-set validator) makes the worst-case failover window (1.15 × electionTimeoutMillis + 2 × RTT + catchUpTimeoutMillis) at least 20.002s with catchUpTimeoutMillis 20000 ms as written, above maxFailover 20s — raise maxFailover to at least 20.002s, or lower catchUpTimeoutMillis (tune leaves it as written)", f.Message);
            Assert.Equal(new decimal?[] { 2_000_000_000m, 10_000_000_000m, 10_000_000_000m, 20_000_000_000m, 30_000_000_000m }, r.Values);
        }

        [Fact]
        public void Tuning_MongoDB_from_scratch_keeps_catch_up_unlimited_and_says_it_is_not_counted()
        {
            TuneResult r = Tuner.FromScratch(MongoDbReplicaSet.Definition, null, Build.Profile("max=5s"));
            Assert.Equal(new[] { (MongoDbReplicaSet.ElectionTimeout, "4000") }, r.Changes.Select(c => (c.Setting.Id, c.Text)));
            Assert.Equal(-1_000_000m, r.Values[MongoDbReplicaSet.Definition.IndexOf(MongoDbReplicaSet.CatchUpTimeout)]);
            Assert.Equal("catch-up not counted: catchUpTimeoutMillis -1 ms (default) sets no limit", r.After.FailoverNote);
        }
}
}
