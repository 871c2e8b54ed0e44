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
                }
            }
        }
    }
}
