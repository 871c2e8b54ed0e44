using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using ElectionLint.Analyzers.Bindings;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace ElectionLint.Analyzers.Collection
{
    /// <summary>
    /// Where in a syntax tree a bound type can be configured: the positions of identifiers that name a bound type, a subclass
    /// of one (in source or in the bound library), an alias, a bound member, a bound method or an options registration method.
    /// Read from the tree's text, once per tree (an unchanged tree is not read again by the next compilation); a body with
    /// none of them is not analysed, and the operations of a body with one still decide (aliases and subclasses by symbol).
    /// </summary>
    internal sealed class TriggerIndex
    {
        /// <summary>The methods that register options (their positions are kept apart for <see cref="OptionsRegistrations"/>).</summary>
        public static readonly string[] RegistrationMethods = { "Configure", "PostConfigure", "ConfigureAll", "PostConfigureAll", "AddOptions", "AddOptionsWithValidateOnStart", "Bind", "BindConfiguration" };

        private static readonly ConditionalWeakTable<SyntaxTree, Entry> PerTree = new ConditionalWeakTable<SyntaxTree, Entry>();
        private static readonly ConditionalWeakTable<IAssemblySymbol, string[]> LibrarySubclasses = new ConditionalWeakTable<IAssemblySymbol, string[]>();

        private readonly Compilation _compilation;
        private readonly BoundTypes _types;
        private readonly Names _names;

        /// <summary>Collects the compilation's trigger names at once (at compilation start), so no tree's callback waits for them.</summary>
        public TriggerIndex(Compilation compilation, BoundTypes types, IEnumerable<TypeBinding> bindings, IEnumerable<MethodBinding> methods, CancellationToken cancellation)
        {
            _compilation = compilation;
            _types = types;
            _names = Collect(bindings, methods, cancellation);
        }

        /// <summary>The trigger positions of one tree: all of them, and those of registration methods.</summary>
        internal sealed class Entry
        {
            public Entry(string signature, int[] all, int[] registrations, int[] walk)
            {
                Signature = signature;
                All = all;
                Registrations = registrations;
                Walk = walk;
            }

            public string Signature { get; }

            public int[] All { get; }

            public int[] Registrations { get; }

            /// <summary>
            /// Where an operation that configures a bound type can be: the trigger names and every target-typed <c>new(</c>
            /// and <c>with {</c> (which name no type). An operation whose span holds none of them holds no such operation.
            /// </summary>
            public int[] Walk { get; }
        }

        public Entry For(SyntaxTree tree, CancellationToken cancellation)
        {
            Names names = _names;
            if (PerTree.TryGetValue(tree, out Entry? cached) && cached.Signature == names.Signature)
            {
                return cached;
            }

            Entry entry = Scan(tree, names, cancellation);
            if (cached != null)
            {
                PerTree.Remove(tree); // computed for other names: each call takes the table's lock, so only then
            }

            try
            {
                PerTree.Add(tree, entry);
            }
            catch (ArgumentException)
            {
                // another thread added it meanwhile: equal positions
            }

            return entry;
        }

        /// <summary>True when <paramref name="name"/> is a trigger name (or an alias declared in <paramref name="tree"/>).</summary>
        public bool IsName(string name, SyntaxTree tree, CancellationToken cancellation) =>
            _names.Set.Contains(name) || LocalAliases(tree.GetRoot(cancellation)).Contains(name);

        /// <summary>The compilation's trigger names, from the bound types' libraries and the declarations and using directives of its files.</summary>
        private Names Collect(IEnumerable<TypeBinding> bindings, IEnumerable<MethodBinding> methods, CancellationToken cancellation)
        {
            var set = new HashSet<string>(StringComparer.Ordinal);
            var registrations = new HashSet<string>(RegistrationMethods, StringComparer.Ordinal);
            var members = new HashSet<string>(StringComparer.Ordinal);
            set.UnionWith(RegistrationMethods);
            foreach (TypeBinding b in bindings)
            {
                set.Add(SimpleName(b.MetadataName));
                foreach (MemberBinding m in b.Members)
                {
                    members.Add(m.Member); // target-typed new(): only the members name the type
                }
            }

            foreach (MethodBinding m in methods)
            {
                set.Add(SimpleName(m.ContainingType));
                set.UnionWith(m.Methods);
            }

            if (_types.HasSubclasses)
            {
                var assemblies = new HashSet<IAssemblySymbol>(SymbolEqualityComparer.Default);
                foreach (INamedTypeSymbol bound in _types.Symbols)
                {
                    if (bound.ContainingAssembly is IAssemblySymbol a && assemblies.Add(a) && !SymbolEqualityComparer.Default.Equals(a, _compilation.Assembly))
                    {
                        set.UnionWith(LibrarySubclasses.GetValue(a, x => Subclasses(x.GlobalNamespace, cancellation).ToArray()));
                    }
                }

            }

            var bases = _types.HasSubclasses ? new List<(string Name, string Base)>() : null;
            foreach (SyntaxTree tree in _compilation.SyntaxTrees)
            {
                // global using X = …; names a type in every file; only the using directives at the top of a file are read
                if (tree.GetRoot(cancellation) is CompilationUnitSyntax unit)
                {
                    foreach (UsingDirectiveSyntax u in unit.Usings)
                    {
                        if (u.Alias != null && u.GlobalKeyword.IsKind(SyntaxKind.GlobalKeyword))
                        {
                            set.Add(u.Alias.Name.Identifier.ValueText);
                        }
                    }

                    if (bases != null)
                    {
                        ClassBases(unit, bases, cancellation);
                    }
                }
            }

            if (bases != null)
            {
                // The user's own subclasses, read from declarations (no symbol is built): a class whose base's name is a trigger
                // name or any alias is one, to a fixed point. A superset is harmless: the semantic check confirms each.
                var seeds = new HashSet<string>(set, StringComparer.Ordinal);
                foreach (SyntaxTree tree in _compilation.SyntaxTrees)
                {
                    seeds.UnionWith(LocalAliases(tree.GetRoot(cancellation)));
                }

                ILookup<string, string> derived = bases.ToLookup(b => b.Base, b => b.Name, StringComparer.Ordinal);
                var pending = new Stack<string>(seeds);
                while (pending.Count > 0)
                {
                    foreach (string name in derived[pending.Pop()])
                    {
                        if (seeds.Add(name))
                        {
                            set.Add(name);
                            pending.Push(name);
                        }
                    }
                }
            }

            members.ExceptWith(set);
            set.UnionWith(members);
            return new Names(set, registrations) { Members = members };
        }

        /// <summary>Each class or record declared in a file (nested ones too) with each name in its base list.</summary>
        private static void ClassBases(CompilationUnitSyntax unit, List<(string Name, string Base)> bases, CancellationToken cancellation)
        {
            var pending = new Stack<SyntaxList<MemberDeclarationSyntax>>();
            pending.Push(unit.Members);
            while (pending.Count > 0)
            {
                cancellation.ThrowIfCancellationRequested();
                foreach (MemberDeclarationSyntax member in pending.Pop())
                {
                    switch (member)
                    {
                        case BaseNamespaceDeclarationSyntax ns:
                            pending.Push(ns.Members);
                            break;
                        case TypeDeclarationSyntax type:
                            if (type is ClassDeclarationSyntax or RecordDeclarationSyntax && type.BaseList != null)
                            {
                                foreach (BaseTypeSyntax b in type.BaseList.Types)
                                {
                                    bases.Add((type.Identifier.ValueText, OptionsRegistrations.SimpleName(b.Type)));
                                }
                            }

                            pending.Push(type.Members);
                            break;
                    }
                }
            }
        }

        private IEnumerable<string> Subclasses(INamespaceSymbol ns, CancellationToken cancellation)
        {
            var stack = new Stack<INamespaceOrTypeSymbol>();
            stack.Push(ns);
            while (stack.Count > 0)
            {
                cancellation.ThrowIfCancellationRequested();
                INamespaceOrTypeSymbol current = stack.Pop();
                if (current is INamespaceSymbol n)
                {
                    foreach (INamespaceOrTypeSymbol member in n.GetMembers())
                    {
                        stack.Push(member);
                    }

                    continue;
                }

                var type = (INamedTypeSymbol)current;
                if (type.TypeKind == TypeKind.Class && _types.TryGet(type, out _))
                {
                    yield return type.Name;
                }

                foreach (INamedTypeSymbol nested in type.GetTypeMembers())
                {
                    stack.Push(nested);
                }
            }
        }

        private static string SimpleName(string metadataName)
        {
            int cut = Math.Max(metadataName.LastIndexOf('.'), metadataName.LastIndexOf('+'));
            string name = metadataName.Substring(cut + 1);
            int arity = name.IndexOf('`');
            return arity < 0 ? name : name.Substring(0, arity);
        }

        /// <summary>The alias names declared in one file (its top and its namespaces): <c>using KC = Confluent.Kafka.ConsumerConfig;</c>.</summary>
        private static HashSet<string> LocalAliases(SyntaxNode root)
        {
            var aliases = new HashSet<string>(StringComparer.Ordinal);
            var pending = new Stack<SyntaxNode>();
            pending.Push(root);
            while (pending.Count > 0)
            {
                SyntaxNode node = pending.Pop();
                SyntaxList<UsingDirectiveSyntax> usings = node is CompilationUnitSyntax cu ? cu.Usings : ((BaseNamespaceDeclarationSyntax)node).Usings;
                SyntaxList<MemberDeclarationSyntax> members = node is CompilationUnitSyntax c ? c.Members : ((BaseNamespaceDeclarationSyntax)node).Members;
                foreach (UsingDirectiveSyntax u in usings)
                {
                    if (u.Alias != null)
                    {
                        aliases.Add(u.Alias.Name.Identifier.ValueText);
                    }
                }

                foreach (MemberDeclarationSyntax m in members)
                {
                    if (m is BaseNamespaceDeclarationSyntax ns)
                    {
                        pending.Push(ns);
                    }
                }
            }

            return aliases;
        }

        private static Entry Scan(SyntaxTree tree, Names names, CancellationToken cancellation)
        {
            SourceText text = tree.GetText(cancellation);
            Names own = names;
            HashSet<string> aliases = LocalAliases(tree.GetRoot(cancellation));
            aliases.ExceptWith(names.Set);
            if (aliases.Count > 0)
            {
                own = new Names(new HashSet<string>(names.Set.Concat(aliases), StringComparer.Ordinal), names.Registrations) { Members = names.Members };
            }

            var all = new List<int>();
            var registrations = new List<int>();
            var memberHits = new List<int>();
            var typeless = new List<int>();
            bool named = false, targetTyped = false;
            char[] buffer = Buffer(text.Length);
            text.CopyTo(0, buffer, 0, text.Length);
            int length = text.Length;
            int i = 0;
            while (i < length)
            {
                if (!IsIdentifierStart(buffer[i]))
                {
                    i++;
                    continue;
                }

                int s = i++;
                while (i < length && IsIdentifierPart(buffer[i]))
                {
                    i++;
                }

                bool isNew = i - s == 3 && buffer[s] == 'n' && buffer[s + 1] == 'e' && buffer[s + 2] == 'w';
                if (isNew || (i - s == 4 && buffer[s] == 'w' && buffer[s + 1] == 'i' && buffer[s + 2] == 't' && buffer[s + 3] == 'h'))
                {
                    int k = i;
                    while (k < length && (buffer[k] == ' ' || buffer[k] == '\t' || buffer[k] == '\r' || buffer[k] == '\n'))
                    {
                        k++;
                    }

                    if (k < length && buffer[k] == (isNew ? '(' : '{')) // new(…) or x with { … }: the type is not named
                    {
                        targetTyped = true;
                        typeless.Add(s);
                    }
                }
                else if (own.Match(buffer, s, i - s) is string hit)
                {
                    if (own.Members.Contains(hit))
                    {
                        memberHits.Add(s);
                        continue;
                    }

                    named = true;
                    all.Add(s);
                    if (own.Registrations.Contains(hit))
                    {
                        registrations.Add(s);
                    }
                }
            }

            // A bound member's name alone (TTL, LeaseDuration) marks a body only in a file that names a bound type (or a
            // registration method) or writes a target-typed new() or a with: elsewhere it is another type's member (a health
            // check's TTL).
            if (memberHits.Count > 0 && (named || targetTyped))
            {
                all.AddRange(memberHits);
                all.Sort();
            }

            int[] walk = all.ToArray();
            if (typeless.Count > 0)
            {
                typeless.AddRange(all);
                typeless.Sort();
                walk = typeless.ToArray();
            }

            return new Entry(names.Signature, all.ToArray(), registrations.ToArray(), walk);
        }

        [ThreadStatic]
        private static char[]? _buffer;

        /// <summary>One buffer per thread for the text of the tree being read (a tree's text is not copied into a new string).</summary>
        private static char[] Buffer(int length)
        {
            if (length > 1 << 20)
            {
                return new char[length]; // not kept: a rare large file
            }

            if (_buffer == null || _buffer.Length < length)
            {
                _buffer = new char[Math.Max(length, 4096)];
            }

            return _buffer;
        }

        private static bool IsIdentifierStart(char c) => (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_' || (c > 127 && char.IsLetter(c));

        private static bool IsIdentifierPart(char c) => IsIdentifierStart(c) || (c >= '0' && c <= '9') || (c > 127 && char.IsLetterOrDigit(c));

        /// <summary>A set of names matched against characters without allocating: by length, then by characters.</summary>
        private sealed class Names
        {
            private readonly string[][] _byLength;

            public Names(HashSet<string> set, HashSet<string> registrations)
            {
                Set = set;
                Registrations = registrations;
                int max = set.Count == 0 ? 0 : set.Max(s => s.Length);
                var lists = new List<string>[max + 1];
                foreach (string s in set)
                {
                    (lists[s.Length] ??= new List<string>()).Add(s);
                }

                _byLength = lists.Select(l => l?.ToArray() ?? new string[0]).ToArray();
                Signature = string.Join("\n", set.OrderBy(s => s, StringComparer.Ordinal));
            }

            public HashSet<string> Set { get; }

            public HashSet<string> Registrations { get; }

            /// <summary>Bound members' names: triggers only in a file that names a bound type or writes a target-typed new().</summary>
            public HashSet<string> Members { get; init; } = new HashSet<string>(StringComparer.Ordinal);

            /// <summary>Equal for equal sets: a tree's positions computed for one compilation serve the next.</summary>
            public string Signature { get; }

            public string? Match(char[] buffer, int start, int length)
            {
                if (length >= _byLength.Length)
                {
                    return null;
                }

                foreach (string candidate in _byLength[length])
                {
                    if (candidate[0] != buffer[start])
                    {
                        continue;
                    }

                    int k = 1;
                    while (k < length && candidate[k] == buffer[start + k])
                    {
                        k++;
                    }

                    if (k == length)
                    {
                        return candidate;
                    }
                }

                return null;
            }
        }
    }
}
