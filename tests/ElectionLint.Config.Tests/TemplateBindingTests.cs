using System;
using System.IO;
using System.Linq;
using ElectionLint.Config.Linting;
using ElectionLint.Rules.Profile;
using Xunit;

namespace ElectionLint.Config.Tests
{
    /// <summary>Charts and roles without rendering: the values the templates pass to known settings, linted at their positions.</summary>
    public class TemplateBindingTests : ScratchFiles
    {
        [Fact]
        public void A_charts_flags_variables_and_keys_bind_its_values()
        {
            Write("chart/Chart.yaml", "apiVersion: v2\nname: demo\n");
            Write("chart/templates/deployment.yaml",
                "spec:\n  template:\n    spec:\n      containers:\n      - name: manager\n        args:\n" +
                "        - --leader-elect-lease-duration={{ .Values.leaderElection.lease }}\n" +
                "        - --leader-elect-renew-deadline={{ .Values.leaderElection.renew | quote }}\n" +
                "        env:\n        - name: ZOO_TICK_TIME\n          value: {{ .Values.tickTime | quote }}\n");
            // A subchart's values sit under its name; global.* stays global.
            Write("chart/charts/etcd/templates/cm.yaml", "data:\n  etcd.conf.yml: |\n    heartbeat-interval: {{ .Values.heartbeat }}\n    election-timeout: {{ .Values.election }}\n");
            string values = Write("chart/values.yaml", "leaderElection:\n  lease: 10s\n  renew: 10s\ntickTime: 0\netcd:\n  heartbeat: 100\n  election: 300\n");
            Assert.Equal(new[] { "2:10 EL1010", "4:11 EL1031", "7:13 EL1001" }, LintAt(values));
            var d = ConfigLinter.LintFile(values, ProfileDocument.Empty, "values.yaml").Diagnostics.First();
            Assert.StartsWith("leaderElection.lease 10s is not greater than leaderElection.renew 10s;", d.Message);

            // The template that passes the value on is the related location, in its own file.
            RelatedLocation via = Assert.Single(d.Related, r => r.Path != null);
            Assert.Equal(Path.Combine(Dir, "chart", "templates", "deployment.yaml"), via.Path);
            Assert.Equal("7:11-7:75", via.Span.ToString());
            Assert.Equal("the template that passes this value on", via.Message);
            Assert.Equal(Path.Combine(Dir, "chart", "charts", "etcd", "templates", "cm.yaml"),
                ConfigLinter.LintFile(values, ProfileDocument.Empty, "values.yaml").Diagnostics.Single(x => x.RuleId == "EL1001").Related.Single(r => r.Path != null).Path);

            // values-*.yaml beside it are read the same way; an unbound setting is unknown, not the component's default.
            Assert.Equal(new[] { "1:25 EL1010" }, LintAt(Write("chart/values-prod.yaml", "leaderElection: {lease: 5s, renew: 6s}\n")));
            Assert.Empty(LintAt(Write("chart/values-lan.yaml", "leaderElection: {lease: 1s}\n")));
        }

        [Fact]
        public void A_template_the_values_go_through_is_not_reported_skipped()
        {
            // First use D16: the template was both "file skipped" and the related location of the values' finding.
            const string Template = "{{- if .Values.enabled }}\nspec:\n  template:\n    spec:\n      containers:\n      - name: etcd\n        env:\n" +
                "        - name: ETCD_HEARTBEAT_INTERVAL\n          value: {{ .Values.heartbeat | quote }}\n        - name: ETCD_ELECTION_TIMEOUT\n          value: {{ .Values.election | quote }}\n{{- end }}\n";
            Write("chart/Chart.yaml", "apiVersion: v2\nname: demo\n");
            string template = Write("chart/templates/statefulset.yaml", Template);
            string values = Write("chart/values.yaml", "enabled: true\nheartbeat: 100\nelection: 300\n");
            Assert.Equal(new[] { "3:11 EL1001" }, LintAt(values));
            Assert.Empty(LintAt(template));

            // Outside a chart the same text is a template that does not parse: skipped, and said so.
            Assert.Equal(new[] { "1:3 EL9004" }, LintAt(Write("loose/statefulset.yaml", Template)));
        }

        [Fact]
        public void A_value_another_shape_reads_is_not_read_twice()
        {
            Write("chart/Chart.yaml", "apiVersion: v2\nname: demo\n");
            Write("chart/templates/a.yaml", "args: [\"--leader-elect-lease-duration={{ .Values.leaderElection.leaseDuration }}\", \"--leader-elect-renew-deadline={{ .Values.leaderElection.renewDeadline }}\"]\n");
            Write("chart/templates/b.yaml", "args: [\"--leader-elect-lease-duration={{ .Values.leaderElection.leaseDuration }}\", \"--leader-elect-renew-deadline={{ .Values.leaderElection.renewDeadline }}\"]\n");
            string values = Write("chart/values.yaml", "leaderElection:\n  leaseDuration: 10s\n  renewDeadline: 10s\n");
            Assert.Equal(new[] { "2:18 EL1010" }, LintAt(values));
        }

        [Fact]
        public void An_ansible_roles_templates_bind_its_defaults()
        {
            Write("roles/etcd/templates/etcd.env.j2", "ETCD_DATA_DIR={{ etcd_data_dir }}\nETCD_ELECTION_TIMEOUT={{ election_ms }}\nETCD_HEARTBEAT_INTERVAL={{ heartbeat_ms }}\n");
            string defaults = Write("roles/etcd/defaults/main.yml", "election_ms: 300\nheartbeat_ms: 100\n");
            Assert.Equal(new[] { "1:14 EL1001" }, LintAt(defaults));
            // A computed value binds nothing.
            Write("roles/etcd/templates/etcd.env.j2", "ETCD_ELECTION_TIMEOUT={{ heartbeat_ms * 3 }}\nETCD_HEARTBEAT_INTERVAL={{ heartbeat_ms }}\n");
            Assert.Empty(LintAt(defaults));
        }

        [Fact]
        public void Values_outside_a_chart_or_role_bind_nothing()
        {
            Write("plain/templates/a.yaml", "args: [\"--leader-elect-lease-duration={{ .Values.lease }}\"]\n");
            Assert.Empty(LintAt(Write("plain/values.yaml", "lease: 0s\n")));
        }

        [Fact]
        public void An_empty_value_runs_as_the_templates_default()
        {
            // OT-CONTAINER-KIT charts/redis-sentinel: `{{ .Values.redisSentinelConfig.downAfterMilliseconds | default "30000" | quote }}`.
            Write("chart/Chart.yaml", "apiVersion: v2\nname: redis-sentinel\n");
            Write("chart/templates/redis-sentinel.yaml",
                "kind: RedisSentinel\nspec:\n  redisSentinelConfig:\n" +
                "    failoverTimeout: {{ .Values.redisSentinelConfig.failoverTimeout | default \"180000\" | quote}}\n" +
                "    downAfterMilliseconds:  {{ .Values.redisSentinelConfig.downAfterMilliseconds | default \"30000\" | quote}}\n");
            Assert.Empty(LintAt(Write("chart/values.yaml", "redisSentinelConfig:\n  failoverTimeout: ~\n  downAfterMilliseconds: \"\"\n")));
            // "0" is not empty to sprig's default: it runs, and Sentinel refuses it.
            Assert.Equal(new[] { "3:27 EL1092" }, LintAt(Write("chart/values.yaml", "redisSentinelConfig:\n  failoverTimeout: \"\"\n  downAfterMilliseconds: \"0\"\n")));

            // The default is the companion a lone value is judged against: renew 20s against the template's lease 15s.
            Write("chart/templates/deployment.yaml", "args:\n- --leader-elect-lease-duration={{ .Values.le.lease | default \"15s\" }}\n- --leader-elect-renew-deadline={{ .Values.le.renew }}\n");
            Assert.Equal(new[] { "3:10 EL1010" }, LintAt(Write("chart/values.yaml", "le:\n  lease: \"\"\n  renew: 20s\n")));
        }

        [Fact]
        public void A_sentinel_directive_in_a_template_binds_once()
        {
            // Bitnami redis templates/configmap.yaml writes the directive with the master set's name between.
            Write("chart/Chart.yaml", "apiVersion: v2\nname: redis\n");
            Write("chart/templates/configmap.yaml", "data:\n  sentinel.conf: |-\n    sentinel down-after-milliseconds {{ .Values.sentinel.masterSet }} {{ .Values.sentinel.downAfterMilliseconds }}\n");
            Assert.Equal(new[] { "3:26 EL1092" }, LintAt(Write("chart/values.yaml", "sentinel:\n  masterSet: mymaster\n  downAfterMilliseconds: 0\n")));
        }

        [Theory]
        // redis-ha (DandyDeveloper/charts@6224454 templates/_configs.tpl:69-75): a range over sentinel.config writes each entry
        // as `sentinel <key> <master> <value>`; atoi reads "3m" as 3 ms (EL1097), 0 is refused (EL1092).
        [InlineData("    {{- if eq \"maxclients\" $key }}\n    {{ $key }} {{ $value }}\n    {{- else }}\n    sentinel {{ $key }} {{ template \"redis-ha.masterGroupName\" $ }} {{ $value }}\n    {{- end }}\n", "4:30 EL1092", "5:23 EL1097")]
        // A range that writes other lines, or whose directive line comes after an inner end, binds nothing.
        [InlineData("    {{ $key }} {{ $value }}\n")]
        [InlineData("    {{- if $value }}\n    {{- end }}\n    sentinel {{ $key }} mymaster {{ $value }}\n")]
        public void A_range_over_a_sentinel_config_map_binds_its_directives(string body, params string[] expected)
        {
            Write("redis-ha/Chart.yaml", "apiVersion: v2\nname: redis-ha\n");
            Write("redis-ha/templates/_configs.tpl", "{{- define \"config-sentinel.conf\" }}\n    dir \"/data\"\n    {{- range $key, $value := .Values.sentinel.config }}\n" + body + "    {{- end }}\n{{- end }}\n");
            string values = Write("redis-ha/values.yaml", "sentinel:\n  quorum: 2\n  config:\n    down-after-milliseconds: 0\n    failover-timeout: 3m\n    parallel-syncs: 5\n");
            Assert.Equal(expected, LintAt(values));
        }

        [Fact]
        public void A_key_named_like_a_setting_elsewhere_in_a_values_tree_is_not_that_setting()
        {
            Assert.Empty(LintAt(Write("other/values.yaml", "monitoring:\n  probes:\n    downAfterMilliseconds: 0\n    failoverTimeout: 0\n")));
            Assert.Equal(new[] { "2:26 EL1092" }, LintAt(Write("bitnami/values.yaml", "sentinel:\n  downAfterMilliseconds: 0\n")));
        }
    }
}
