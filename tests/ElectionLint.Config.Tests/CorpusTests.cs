using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using ElectionLint.Config.Linting;
using ElectionLint.Rules.Profile;
using Xunit;

namespace ElectionLint.Config.Tests
{
    /// <summary>The corpus of real files (tests/corpus): no crash, no EL9001 on files that parse, only findings checked by hand.</summary>
    public class CorpusTests
    {
        private static List<LintDiagnostic> LintFolder(string folder) =>
            Directory.EnumerateFiles(Path.Combine(Lint.CorpusRoot, folder), "*", SearchOption.AllDirectories)
                .Where(f => !f.EndsWith("MANIFEST.tsv", StringComparison.Ordinal) && !f.EndsWith("INDEX.tsv", StringComparison.Ordinal))
                .OrderBy(f => f, StringComparer.Ordinal)
                .SelectMany(f => ConfigLinter.LintFile(f, ProfileDocument.Empty, Path.GetFileName(f)).Diagnostics)
                .ToList();

        [Fact]
        public void Real_configs_give_only_the_findings_checked_by_hand()
        {
            List<LintDiagnostic> all = LintFolder("real");
            var findings = all.Where(d => d.RuleId != "EL9004").Select(d => $"{Path.GetFileName(d.Path)}:{d.Span.StartLine}:{d.Span.StartColumn} {d.RuleId}").ToArray();
            Assert.Equal(
                new[]
                {
                    // No EL2001 on cert-manager (80s/30s, 40s/15s), kube-vip 5/3/1 or OpenShift 107s/26s: client-go's renewal
                    // attempts (renewDeadline ÷ retryPeriod) are 3 or 4, and leaseDuration ÷ retryPeriod is no rule of client-go.
                    // Kubespray's etcd: election 5000 ms is 20 heartbeats of 250 ms, above 10× (info: failover slower than needed on a LAN).
                    "kubernetes-sigs__kubespray__roles__etcd_defaults__defaults__main.yml:34:25 EL2002",
                    "kubernetes-sigs__kubespray__roles__kubernetes__control-plane__defaults__main__etcd.yml:15:25 EL2002",
                    "kubernetes-sigs__kubespray__roles__kubespray_defaults__defaults__main__main.yml:739:25 EL2002",
                },
                findings);
            // Every skip is a template (Helm, Jinja) that does not parse as it stands, or repeats a key before rendering.
            Assert.All(all.Where(d => d.RuleId == "EL9004"), d => Assert.Matches("^file skipped: (template syntax that does not parse as|a template whose unrendered text repeats a key)", d.Message));
        }

        [Fact]
        public void The_reader_finds_no_problem_in_the_large_corpus_except_real_duplicate_keys()
        {
            var problems = Directory.EnumerateFiles(Path.Combine(Lint.CorpusRoot, "large"))
                .Where(f => ConfigFileNames.IsConfigFile(f))
                .OrderBy(f => f, StringComparer.Ordinal)
                .SelectMany(f => Lint.Problems(f, File.ReadAllText(f)).Select(p => Path.GetFileName(f) + ":" + p))
                .ToArray();
            // These repeat a key; Kubernetes' decoder (sigs.k8s.io/yaml) rejects them ("key already set in map").
            Assert.Equal(
                new[]
                {
                    "argoproj__argo-workflows__examples__k8s-patch-json-workflow.yaml:13:3 EL9001 duplicate key 'annotations' (first defined on line 6); YAML requires unique keys and Go's YAML decoders (Kubernetes, etcd) reject the file",
                    "kubernetes__examples___archived__openshift-origin__etcd-controller.yaml:12:3 EL9001 duplicate key 'selector' (first defined on line 6); YAML requires unique keys and Go's YAML decoders (Kubernetes, etcd) reject the file",
                    "kubernetes__examples___archived__openshift-origin__etcd-discovery-controller.yaml:12:3 EL9001 duplicate key 'selector' (first defined on line 6); YAML requires unique keys and Go's YAML decoders (Kubernetes, etcd) reject the file",
                    "kubernetes__examples___archived__openshift-origin__openshift-controller.yaml:12:3 EL9001 duplicate key 'selector' (first defined on line 8); YAML requires unique keys and Go's YAML decoders (Kubernetes, etcd) reject the file",
                    "kubernetes__examples___archived__volumes__scaleio__sc-pvc.yaml:12:3 EL9001 duplicate key 'storageClassName' (first defined on line 6); YAML requires unique keys and Go's YAML decoders (Kubernetes, etcd) reject the file",
                },
                problems.Where(p => !p.Contains(" EL9004 ")).ToArray());
        }

        [Fact]
        public void The_linter_parses_only_the_large_corpus_files_that_can_hold_a_setting()
        {
            List<LintDiagnostic> all = LintFolder("large");
            // None of the files with a duplicate key above mentions a timing word: the linter does not parse them.
            Assert.Equal(
                new string[0],
                all.Select(d => $"{Path.GetFileName(d.Path)}:{d.Span.StartLine}:{d.Span.StartColumn} {d.RuleId}").Where(d => !d.EndsWith("EL9004", StringComparison.Ordinal)).ToArray());
            Assert.All(all.Where(d => d.RuleId == "EL9004"), d => Assert.Contains("template syntax", d.Message));
        }

        [Fact]
        public void Yaml_test_suite_never_crashes_and_rejects_invalid_cases_with_a_position()
        {
            string dir = Path.Combine(Lint.CorpusRoot, "yaml-test-suite");
            var index = File.ReadAllLines(Path.Combine(dir, "INDEX.tsv")).Skip(1).Select(l => l.Split('\t')).ToList();
            int rejected = 0;
            foreach (string[] row in index)
            {
                string[] problems = Lint.Problems(row[0], File.ReadAllText(Path.Combine(dir, row[0])));
                if (row[1] == "no" && problems.Length > 0)
                {
                    rejected++;
                    Assert.All(problems, p => Assert.Matches(@"^[1-9][0-9]*:[1-9][0-9]* EL900[14] ", p));
                }
            }

            Assert.Equal(94, index.Count(r => r[1] == "no"));
            // Accepted invalid cases: tabs and directive variants YamlDotNet tolerates, and QB6E (a quoted scalar's
            // continuation at the parent's indentation), accepted on purpose like libyaml and so Kubernetes.
            Assert.True(rejected >= 85, $"only {rejected} of 94 invalid cases rejected");
        }
    }
}
