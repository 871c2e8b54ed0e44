using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using ElectionLint.Config.Recognition;
using ElectionLint.Config.Source;

namespace ElectionLint.Config.Linting
{
    /// <summary>
    /// What the templates beside a values file do with its values, without rendering: a Helm chart's values.yaml (and
    /// values-*.yaml) against templates/ and its subcharts' templates (charts/NAME/ under the key NAME), an Ansible role's
    /// defaults/main.yml or vars/main.yml against the role's templates/*.j2.
    /// </summary>
    public static class ChartBindings
    {
        private const int MaxTemplates = 500;
        private const int MaxTemplateBytes = 1024 * 1024;

        public static IReadOnlyList<TemplateBinding> For(string path)
        {
            try
            {
                string? dir = Path.GetDirectoryName(Path.GetFullPath(path));
                string name = Path.GetFileName(path).ToLowerInvariant();
                if (dir == null)
                {
                    return Array.Empty<TemplateBinding>();
                }

                bool values = (name.StartsWith("values", StringComparison.Ordinal) && (name.EndsWith(".yaml", StringComparison.Ordinal) || name.EndsWith(".yml", StringComparison.Ordinal)));
                if (values && File.Exists(Path.Combine(dir, "Chart.yaml")))
                {
                    var found = new List<TemplateBinding>();
                    Scan(Path.Combine(dir, "templates"), dir, jinja: false, string.Empty, found);
                    string charts = Path.Combine(dir, "charts");
                    if (Directory.Exists(charts))
                    {
                        foreach (string sub in Directory.EnumerateDirectories(charts).OrderBy(d => d, StringComparer.Ordinal))
                        {
                            Scan(Path.Combine(sub, "templates"), dir, jinja: false, Path.GetFileName(sub) + ".", found);
                        }
                    }

                    return found;
                }

                string parent = Path.GetFileName(dir);
                if ((name == "main.yml" || name == "main.yaml") && (parent == "defaults" || parent == "vars") && Path.GetDirectoryName(dir) is string role)
                {
                    var found = new List<TemplateBinding>();
                    Scan(Path.Combine(role, "templates"), role, jinja: true, string.Empty, found);
                    DependentRoles(role, found);
                    return found;
                }
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is ArgumentException)
            {
                // An unreadable chart binds nothing: its values are linted as they stand.
            }

            return Array.Empty<TemplateBinding>();
        }

        /// <summary>
        /// True when the file is a template of a chart (templates/ beside Chart.yaml) or of an Ansible role (templates/
        /// beside defaults/ or vars/) that passes values on to settings ElectionLint reads: those values are linted in the
        /// values file, so the template is not "skipped" though it does not parse on its own.
        /// </summary>
        public static bool PassesValuesOn(string path, string text)
        {
            try
            {
                string full = Path.GetFullPath(path);
                for (string? dir = Path.GetDirectoryName(full); dir != null; dir = Path.GetDirectoryName(dir))
                {
                    if (Path.GetFileName(dir) != "templates" || Path.GetDirectoryName(dir) is not string root)
                    {
                        continue;
                    }

                    bool chart = File.Exists(Path.Combine(root, "Chart.yaml"));
                    bool role = !chart && (Directory.Exists(Path.Combine(root, "defaults")) || Directory.Exists(Path.Combine(root, "vars")));
                    string group = full.Substring(root.Length).TrimStart('/', '\\').Replace('\\', '/');
                    return (chart || role) && TemplateBindings.Scan(text, group, jinja: role, string.Empty, full).Count > 0;
                }
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is ArgumentException)
            {
            }

            return false;
        }

        /// <summary>
        /// Roles beside this one whose meta/main.yml lists it under dependencies (<c>- role: common</c>, a collection's
        /// <c>ns.coll.common</c>): Ansible runs it first and its defaults are theirs, so their templates bind them too. A
        /// variable the dependent role sets in its own defaults or vars is not bound: which one wins is not read here.
        /// </summary>
        private static void DependentRoles(string role, List<TemplateBinding> found)
        {
            string name = Path.GetFileName(role);
            if (Path.GetDirectoryName(role) is not string roles || name.Length == 0)
            {
                return;
            }

            var dependency = new System.Text.RegularExpressions.Regex(@"(?m)^[ \t]*-[ \t]*(?:\{[ \t]*)?(?:(?:role|name):[ \t]*)?[""']?(?:[A-Za-z0-9_]+\.[A-Za-z0-9_]+\.)?" + System.Text.RegularExpressions.Regex.Escape(name) + @"[""']?[ \t]*(?:[,}].*)?\r?$");
            int count = 0;
            foreach (string other in Directory.EnumerateDirectories(roles).OrderBy(d => d, StringComparer.Ordinal))
            {
                if (++count > MaxTemplates || other == role || Path.Combine(other, "meta", "main.yml") is not string meta || !File.Exists(meta) ||
                    BoundedFile.Read(meta, MaxTemplateBytes, out _) is not byte[] bytes || !dependency.IsMatch(System.Text.Encoding.UTF8.GetString(bytes)))
                {
                    continue;
                }

                var theirs = new List<TemplateBinding>();
                Scan(Path.Combine(other, "templates"), roles, jinja: true, string.Empty, theirs);
                string own = OwnVariables(other);
                found.AddRange(theirs.Where(b => !System.Text.RegularExpressions.Regex.IsMatch(own, "(?m)^" + System.Text.RegularExpressions.Regex.Escape(b.ValuesPath.Split('.')[0]) + @"[ \t]*:")));
            }
        }

        private static string OwnVariables(string role)
        {
            var text = new System.Text.StringBuilder();
            foreach (string dir in new[] { "defaults", "vars" })
            {
                foreach (string file in new[] { "main.yml", "main.yaml" })
                {
                    string path = Path.Combine(role, dir, file);
                    if (File.Exists(path) && BoundedFile.Read(path, MaxTemplateBytes, out _) is byte[] bytes)
                    {
                        text.Append(System.Text.Encoding.UTF8.GetString(bytes)).Append('\n');
                    }
                }
            }

            return text.ToString();
        }

        private static void Scan(string templates, string root, bool jinja, string prefix, List<TemplateBinding> found)
        {
            if (!Directory.Exists(templates))
            {
                return;
            }

            int count = 0;
            foreach (string file in Directory.EnumerateFiles(templates, "*", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal))
            {
                if (++count > MaxTemplates)
                {
                    return;
                }

                if (BoundedFile.Read(file, MaxTemplateBytes, out _) is byte[] bytes)
                {
                    string text = System.Text.Encoding.UTF8.GetString(bytes);
                    string group = (file.StartsWith(root, StringComparison.Ordinal) ? file.Substring(root.Length).TrimStart('/', '\\') : file).Replace('\\', '/');
                    found.AddRange(TemplateBindings.Scan(text, group, jinja, prefix, file));
                    if (jinja && Documents.JinjaText.IsJinjaName(file) && ConfigFileNames.KindOf(file) == Documents.FileKind.Yaml)
                    {
                        foreach (TemplateBinding b in TemplateBindings.ScanYaml(text, group, file))
                        {
                            if (!found.Exists(f => f.Group == b.Group && f.ValuesPath == b.ValuesPath && f.Surface.System == b.Surface.System && f.Surface.Setting == b.Surface.Setting))
                            {
                                found.Add(b);
                            }
                        }
                    }
                }
            }
        }
    }
}
