using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ElectionLint.Analyzers.Collection
{
    /// <summary>
    /// Where a local's name is written in a block. The first names asked for are found by a search of the block's text (the
    /// positions then also hold the name in comments and strings, which only costs reading a statement for nothing); a
    /// block asked about more names is indexed once, every identifier of it, so a method of thousands of locals stays
    /// linear. One per body analysed (not shared between threads).
    /// </summary>
    internal sealed class NameMentions
    {
        private const int SearchesPerBlock = 16;

        private readonly Dictionary<SyntaxNode, string> _texts = new Dictionary<SyntaxNode, string>();
        private readonly Dictionary<(SyntaxNode Block, string Name), int[]> _positions = new Dictionary<(SyntaxNode, string), int[]>();
        private readonly Dictionary<SyntaxNode, int> _searches = new Dictionary<SyntaxNode, int>();
        private readonly Dictionary<SyntaxNode, Dictionary<string, int[]>> _indexes = new Dictionary<SyntaxNode, Dictionary<string, int[]>>();

        /// <summary>The positions in the tree where <paramref name="name"/> stands as a whole word in <paramref name="block"/>, in order.</summary>
        public int[] Of(SyntaxNode block, string name)
        {
            if (_positions.TryGetValue((block, name), out int[]? found))
            {
                return found;
            }

            if (_indexes.TryGetValue(block, out Dictionary<string, int[]>? index))
            {
                return index.TryGetValue(name, out int[]? indexed) ? indexed : Positions.None;
            }

            _searches.TryGetValue(block, out int searches);
            _searches[block] = searches + 1;
            if (searches == SearchesPerBlock)
            {
                _indexes[block] = index = Index(block);
                _texts.Remove(block);
                return index.TryGetValue(name, out int[]? indexed) ? indexed : Positions.None;
            }

            if (!_texts.TryGetValue(block, out string? text))
            {
                _texts[block] = text = block.SyntaxTree.GetText().ToString(block.Span);
            }

            var positions = new List<int>();
            for (int at = text.IndexOf(name, StringComparison.Ordinal); at >= 0 && name.Length > 0; at = text.IndexOf(name, at + name.Length, StringComparison.Ordinal))
            {
                int end = at + name.Length;
                if ((at == 0 || !IsIdentifierPart(text[at - 1])) && (end == text.Length || !IsIdentifierPart(text[end])))
                {
                    positions.Add(block.Span.Start + at);
                }
            }

            int[] sorted = positions.ToArray();
            _positions[(block, name)] = sorted;
            return sorted;
        }

        private static bool IsIdentifierPart(char c) => char.IsLetterOrDigit(c) || c == '_';

        private static Dictionary<string, int[]> Index(SyntaxNode block)
        {
            var map = new Dictionary<string, List<int>>(StringComparer.Ordinal);
            foreach (IdentifierNameSyntax id in block.DescendantNodes().OfType<IdentifierNameSyntax>())
            {
                if (!map.TryGetValue(id.Identifier.ValueText, out List<int>? list))
                {
                    map[id.Identifier.ValueText] = list = new List<int>();
                }

                list.Add(id.SpanStart);
            }

            return map.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);
        }
    }
}
