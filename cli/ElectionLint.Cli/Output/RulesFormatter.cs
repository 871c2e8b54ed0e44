using System.IO;
using System.Text.Json;
using ElectionLint.Rules.Catalogue;

namespace ElectionLint.Cli.Output
{
    /// <summary><c>electionlint rules</c>: the catalogue as text, markdown or JSON.</summary>
    internal static class RulesFormatter
    {
        public static void Text(TextWriter w)
        {
            foreach (Rule r in RuleCatalogue.Rules)
            {
                w.WriteLine($"{r.Id}  {RuleSeverityText.Name(r.DefaultSeverity),-7}  {r.Title}{(r.Fixable ? "  [fix]" : string.Empty)}");
            }
        }

        public static void Markdown(TextWriter w)
        {
            w.WriteLine("| id | severity | title | systems | fix |");
            w.WriteLine("|---|---|---|---|---|");
            foreach (Rule r in RuleCatalogue.Rules)
            {
                string systems = string.Join(", ", r.Systems).Replace("*", "all");
                w.WriteLine($"| [{r.Id}]({r.DocPath}) | {RuleSeverityText.Name(r.DefaultSeverity)} | {r.Title} | {systems} | {(r.Fixable ? "yes" : "no")} |");
            }
        }

        public static void Json(Stream output)
        {
            using var w = new Utf8JsonWriter(output, JsonFormatter.Options);
            w.WriteStartArray();
            foreach (Rule r in RuleCatalogue.Rules)
            {
                w.WriteStartObject();
                w.WriteString("id", r.Id);
                w.WriteString("title", r.Title);
                w.WriteString("category", r.Category);
                w.WriteString("severity", RuleSeverityText.Name(r.DefaultSeverity));
                w.WriteString("message", r.MessageTemplate);
                w.WriteString("description", r.Description);
                w.WriteString("helpUri", r.HelpLink);
                w.WriteBoolean("fixable", r.Fixable);
                w.WriteStartArray("systems");
                foreach (string s in r.Systems)
                {
                    w.WriteStringValue(s);
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }
    }
}
