using System;
using ElectionLint.Config.Documents;

namespace ElectionLint.Config.Linting
{
    /// <summary>
    /// Which files are configuration and how each is read, from its name: the one list behind the CLI's walk, the package's
    /// ElectionLintConfigFiles glob and the pre-commit hook's <c>files:</c> pattern (ConfigFileListTests holds them equal).
    /// </summary>
    public static class ConfigFileNames
    {
        /// <summary>The extensions of config files.</summary>
        public static readonly string[] Extensions = { ".yaml", ".yml", ".json", ".properties", ".cfg", ".hcl" };

        /// <summary>Suffixes of templates and examples of a config file (etcd.conf.yml.j2), read as the file they end.</summary>
        public static readonly string[] TemplateSuffixes = { ".j2", ".jinja", ".jinja2", ".tmpl", ".tpl", ".gotmpl", ".sample", ".example", ".dist" };

        /// <summary>A config file ElectionLint lints: by extension (template suffixes ignored), not the profile, not npm or schema JSON.</summary>
        public static bool IsConfigFile(string path)
        {
            string name = Strip(path);
            if (name == ProfileFile.ProfileLoader.FileName || name == ProfileFile.ProfileLoader.AlternateFileName || name == "package.json" || name == "package-lock.json" || name.EndsWith(".schema.json", StringComparison.Ordinal))
            {
                return false;
            }

            foreach (string e in Extensions)
            {
                if (name.EndsWith(e, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return IsSentinelConf(name) || EnvFileReader.IsEnvTemplateName(path);
        }

        /// <summary>A template of an environment file by its name alone (*.env.j2): not read as YAML when it is no env file.</summary>
        public static bool IsEnvName(string path) => EnvFileReader.IsEnvTemplateName(path) && System.IO.Path.GetFileName(path).ToLowerInvariant().IndexOf(".env.", StringComparison.Ordinal) >= 0;

        /// <summary>sentinel.conf, redis-sentinel.conf, valkey-sentinel.conf…: a .conf file with "sentinel" in its name.</summary>
        private static bool IsSentinelConf(string name) => name.EndsWith(".conf", StringComparison.Ordinal) && name.IndexOf("sentinel", StringComparison.Ordinal) >= 0;

        /// <summary>A config file or a template of one (_helpers.tpl, etcd.conf.j2): where "{{" is template syntax.</summary>
        public static bool MayBeTemplate(string path)
        {
            string name = System.IO.Path.GetFileName(path).ToLowerInvariant();
            foreach (string suffix in TemplateSuffixes)
            {
                if (name.EndsWith(suffix, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return IsConfigFile(path);
        }

        /// <summary>How a file is read: JSON, properties (zoo.cfg too), sentinel.conf, HCL, or YAML.</summary>
        public static FileKind KindOf(string path)
        {
            string name = Strip(path);
            if (name.EndsWith(".json", StringComparison.Ordinal))
            {
                return FileKind.Json;
            }

            if (IsSentinelConf(name))
            {
                return FileKind.SentinelConf;
            }

            if (name.EndsWith(".hcl", StringComparison.Ordinal))
            {
                return FileKind.Hcl;
            }

            return name.EndsWith(".properties", StringComparison.Ordinal) || name.EndsWith(".cfg", StringComparison.Ordinal) ? FileKind.Properties : FileKind.Yaml;
        }

        /// <summary>The lower-case file name without its template suffixes (etcd.conf.yml.j2.sample → etcd.conf.yml).</summary>
        private static string Strip(string path)
        {
            string name = System.IO.Path.GetFileName(path).ToLowerInvariant();
            for (bool stripped = true; stripped;)
            {
                stripped = false;
                foreach (string suffix in TemplateSuffixes)
                {
                    if (name.EndsWith(suffix, StringComparison.Ordinal))
                    {
                        name = name.Substring(0, name.Length - suffix.Length);
                        stripped = true;
                    }
                }
            }

            return name;
        }
    }
}
