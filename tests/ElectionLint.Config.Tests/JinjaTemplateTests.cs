using System;
using System.IO;
using System.Linq;
using ElectionLint.Config.Linting;
using ElectionLint.Rules.Profile;
using Xunit;

namespace ElectionLint.Config.Tests
{
    /// <summary>Jinja templates with statement lines, read with the statements blanked; .j2 environment files.</summary>
    public class JinjaTemplateTests : ScratchFiles
    {
        private const string Header = "#jinja2: trim_blocks:True,lstrip_blocks:True\n";

        [Fact]
        public void A_literal_in_a_template_with_statement_lines_is_linted_where_it_stands()
        {
            string path = Write("patroni.yml.j2", Header + "scope: {{ cluster }}\n{# the DCS #}\nbootstrap:\n  dcs:\n    {% if fast %}\n    ttl: 10\n    {% endif %}\n    loop_wait: 10\n    retry_timeout: 10\n");
            LintDiagnostic d = Assert.Single(Diagnostics(path), x => x.RuleId != "EL1090");
            Assert.Equal("9:16 EL1091", $"{d.Span.StartLine}:{d.Span.StartColumn} {d.RuleId}");
            Assert.StartsWith("loop_wait 10 s + 2 × retry_timeout 10 s is above ttl 10 s;", d.Message);
            Assert.Equal(new[] { "7:10 EL1090", "9:16 EL1091" }, LintAt(path));
        }

        [Fact]
        public void A_key_written_in_two_branches_or_in_a_loop_is_unknown()
        {
            // ttl in the if and in the else: neither value is the one that runs; no duplicate key either.
            Assert.Empty(LintAt(Write("a/patroni.yml.j2", Header + "bootstrap:\n  dcs:\n{% if fast %}\n    ttl: 10\n{% else %}\n    ttl: 5\n{% endif %}\n    loop_wait: 10\n    retry_timeout: 10\n")));
            // The same with mappings in both branches: merged, everything in them unknown.
            Assert.Empty(LintAt(Write("b/patroni.yml.j2", Header + "bootstrap:\n{% if fast %}\n  dcs:\n    ttl: 10\n    loop_wait: 10\n    retry_timeout: 10\n{% else %}\n  dcs:\n    ttl: 5\n    loop_wait: 10\n    retry_timeout: 10\n{% endif %}\n")));
            // A for body renders any number of times.
            Assert.Empty(LintAt(Write("c/patroni.yml.j2", Header + "bootstrap:\n  dcs:\n    loop_wait: 10\n    retry_timeout: 10\n    {% for x in xs %}\n    ttl: 5\n    {% endfor %}\n")));
            // An expression alone on a line may write any key into the mapping it stands in.
            Assert.Empty(LintAt(Write("d/patroni.yml.j2", Header + "bootstrap:\n  dcs:\n    ttl: 10\n    {{ more_dcs | to_nice_yaml }}\n    loop_wait: 10\n    retry_timeout: 10\n")));
        }

        [Fact]
        public void A_template_that_still_does_not_parse_stays_skipped()
        {
            // The same key twice in one branch: both render.
            Assert.Equal(new[] { "5:5 EL9004" }, LintAt(Write("a/patroni.yml.j2", Header + "bootstrap:\n  dcs:\n    {% if x %}\n    ttl: 10\n    {% endif %}\n    ttl: 5\n    ttl: 6\n    loop_wait: 10\n")));
            // Indented statements without lstrip_blocks: their indentation is written before the next line.
            Assert.Equal(new[] { "4:5 EL9004" }, LintAt(Write("b/patroni.yml.j2", "bootstrap:\n  dcs:\n    {% if x %}\n    ttl: 5\n    {% endif %}\n    loop_wait: 10\n    retry_timeout: 10\n")));
            // Whitespace control and include are not read.
            Assert.Equal(new[] { "3:1 EL9004" }, LintAt(Write("c/patroni.yml.j2", "bootstrap:\n  dcs:\n{%- if x %}\n    ttl: 5\n{% endif %}\n    loop_wait: 10\n    retry_timeout: 10\n")));
            Assert.Equal(new[] { "3:1 EL9004" }, LintAt(Write("d/patroni.yml.j2", "bootstrap:\n  dcs:\n{% include 'dcs.j2' %}\n    loop_wait: 10\n    ttl: 5\n")));
            // Column-0 statements need no lstrip_blocks.
            Assert.Equal(new[] { "4:10 EL1090", "6:16 EL1091" }, LintAt(Write("e/patroni.yml.j2", "bootstrap:\n  dcs:\n{% if x %}\n    ttl: 5\n{% endif %}\n    loop_wait: 10\n    retry_timeout: 10\n")));
        }

        [Fact]
        public void A_roles_defaults_bind_through_a_template_with_statements_and_through_a_dependent_role()
        {
            Write("roles/patroni/templates/patroni.yml.j2", Header + "bootstrap:\n  dcs:\n    {% if x %}\n    maximum_lag_on_failover: 1\n    {% endif %}\n" +
                "    ttl: {{ patroni_ttl |d(30, true) |int }}\n    loop_wait: {{ patroni_loop_wait |int }}\n    retry_timeout: {{ patroni_retry_timeout | default(10) }}\n");
            string own = Write("roles/patroni/defaults/main.yml", "patroni_ttl: 10\npatroni_loop_wait: 10\npatroni_retry_timeout: 10\n");
            LintDiagnostic d = Assert.Single(Diagnostics(own), x => x.RuleId == "EL1091");
            Assert.Equal("2:20", $"{d.Span.StartLine}:{d.Span.StartColumn}");
            Assert.StartsWith("patroni_loop_wait 10 s + 2 × patroni_retry_timeout 10 s is above patroni_ttl 10 s;", d.Message);
            Assert.Equal(Path.Combine(Dir, "roles", "patroni", "templates", "patroni.yml.j2"), d.Related.Single(r => r.Path != null).Path);

            // d(30, true) renders 30 for 0; | int makes "25s" another number: unknown.
            Assert.Empty(LintAt(Write("roles/patroni/defaults/main.yml", "patroni_ttl: 0\npatroni_loop_wait: 10\npatroni_retry_timeout: 10\n")));
            Assert.Empty(LintAt(Write("roles/patroni/defaults/main.yml", "patroni_ttl: 30\npatroni_loop_wait: 25s\npatroni_retry_timeout: 10\n")));
            File.Delete(own);

            // A role the patroni role depends on (meta/main.yml): its defaults are the template's too.
            Write("roles/patroni/meta/main.yml", "---\ndependencies:\n  - role: acme.db.common\n");
            string common = Write("roles/common/defaults/main.yml", "patroni_ttl: 10\npatroni_loop_wait: 10\npatroni_retry_timeout: 10\n");
            Assert.Equal(new[] { "1:14 EL1090", "2:20 EL1091" }, LintAt(common));
            // …unless the dependent role sets the variable itself.
            Write("roles/patroni/vars/main.yml", "patroni_ttl: 30\n");
            Assert.Empty(LintAt(common));
        }

        [Fact]
        public void A_j2_env_file_is_read_as_the_variables_systemd_passes_on()
        {
            string path = Write("etcd.env.j2", "# {{ ansible_managed }}\n{% if etcd_tls %}\nETCD_CERT_FILE=/etc/ssl/etcd.pem\n{% endif %}\nETCD_HEARTBEAT_INTERVAL=\"300\"\nETCD_ELECTION_TIMEOUT=1000\n");
            LintDiagnostic d = Assert.Single(Diagnostics(path));
            Assert.Equal("6:23 EL1001", $"{d.Span.StartLine}:{d.Span.StartColumn} {d.RuleId}");
            Assert.StartsWith("ETCD_ELECTION_TIMEOUT 1000 ms is 3.33× ETCD_HEARTBEAT_INTERVAL 300 ms;", d.Message);
            Assert.Equal("5:26", $"{d.Related.Single().Span.StartLine}:{d.Related.Single().Span.StartColumn}");

            // An unwritten variable is unknown (the unit's flags may set it), a {{ }} value is unknown, and so is one
            // written twice or in a loop.
            Assert.Empty(LintAt(Write("a/etcd.env.j2", "ETCD_HEARTBEAT_INTERVAL=300\n")));
            Assert.Empty(LintAt(Write("b/etcd.env.j2", "ETCD_HEARTBEAT_INTERVAL=300\nETCD_ELECTION_TIMEOUT={{ etcd_election_timeout }}\n")));
            Assert.Empty(LintAt(Write("c/etcd.conf.j2", "ETCD_HEARTBEAT_INTERVAL=300\n{% if slow %}\nETCD_ELECTION_TIMEOUT=5000\n{% else %}\nETCD_ELECTION_TIMEOUT=1000\n{% endif %}\n")));
            Assert.Empty(LintAt(Write("d/etcd.env.j2", "ETCD_HEARTBEAT_INTERVAL=300\n{% for x in xs %}\nETCD_ELECTION_TIMEOUT=1000\n{% endfor %}\n")));
            // etcd.conf.j2 is the RHEL package's EnvironmentFile name: read the same way.
            Assert.Equal(new[] { "2:23 EL1001" }, LintAt(Write("e/etcd.conf.j2", "ETCD_HEARTBEAT_INTERVAL=300\nETCD_ELECTION_TIMEOUT=1000\n")));
            // A role's defaults bind through it as before.
            Write("roles/etcd/templates/etcd.env.j2", "{% if x %}\nETCD_NAME=a\n{% endif %}\nETCD_HEARTBEAT_INTERVAL={{ hb }}\nETCD_ELECTION_TIMEOUT=\"{{ et }}\"\n");
            Assert.Equal(new[] { "2:5 EL1001" }, LintAt(Write("roles/etcd/defaults/main.yml", "hb: 300\net: 1000\n")));
            Assert.True(ConfigFileNames.IsConfigFile("roles/etcd/templates/etcd.env.j2"));
            Assert.False(ConfigFileNames.IsConfigFile("app/.env"));
        }
    }
}
