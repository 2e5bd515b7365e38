using System;
using System.Collections.Generic;
using System.Linq;
using CodeLeakGuard.Policy;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CodeLeakGuard.Analyzers.BannedSdk;

/// <summary>
/// The simple names (namespaces, types, attribute short names, members) that banned code can be reached by in one
/// compilation, so the usage analyzer binds only identifiers that could possibly be banned. Built once per
/// compilation from the referenced assemblies the policy bans (by name or by namespace), the policy's own symbol lines
/// and the using-aliases in the source; null when nothing in the compilation can be banned, and the analyzer stays idle.
/// </summary>
internal sealed class BannedNameIndex
{
    private readonly HashSet<string> _names;

    private BannedNameIndex(HashSet<string> names, bool matchAll, TreeGate gate)
    {
        _names = names;
        MatchAll = matchAll;
        Gate = gate;
    }

    /// <summary>A wildcard in a policy line's last segment: every identifier must be checked.</summary>
    public bool MatchAll { get; }

    public bool MayBeBanned(string identifier) => MatchAll || _names.Contains(identifier);

    /// <summary>Which files can name banned code at all.</summary>
    public TreeGate Gate { get; }

    public static BannedNameIndex? Build(Compilation compilation, AiPolicy policy)
    {
        var assemblies = FindBannedAssemblies(compilation, policy);
        var symbolEntries = policy.Entries.Where(e => e.Action == PolicyAction.Ban &&
            e.Target is PolicyTarget.Namespace or PolicyTarget.Type or PolicyTarget.Member).ToList();
        if (assemblies.Count == 0 && symbolEntries.Count == 0)
        {
            return null;
        }

        var banned = AssemblyNames.Union(assemblies.Select(a => AssemblyNames.For(compilation, a)));
        var names = banned.Names;
        var namespaces = banned.PublicNamespaces;

        var matchAll = false;
        foreach (var entry in symbolEntries)
        {
            var last = entry.MemberName ?? LastSegment(entry.Name!.Text);
            if (last.IndexOfAny(new[] { '*', '?' }) >= 0 || last is "#ctor" or "#cctor")
            {
                matchAll |= last.IndexOfAny(new[] { '*', '?' }) >= 0;
                names.Add(LastSegment(entry.MemberType?.Text ?? entry.Name!.Text));
                continue;
            }

            names.Add(last);
            names.Add(last.EndsWith("Attribute", StringComparison.Ordinal) ? last.Substring(0, last.Length - "Attribute".Length) : last);
        }

        var aliases = new HashSet<string>(StringComparer.Ordinal);
        AddAliasNames(compilation, aliases);
        names.UnionWith(aliases);
        return new BannedNameIndex(names, matchAll, CreateGate(compilation, assemblies, namespaces, aliases, openForAll: matchAll || symbolEntries.Count > 0));
    }

    /// <summary>The namespaces banned assemblies declare types in, their roots that nothing else uses, and global usings.</summary>
    private static TreeGate CreateGate(
        Compilation compilation, List<IAssemblySymbol> assemblies, HashSet<string> namespaces, HashSet<string> aliases, bool openForAll)
    {
        var exclusive = new HashSet<string>(aliases, StringComparer.Ordinal);
        foreach (var top in compilation.GlobalNamespace.GetNamespaceMembers())
        {
            if (top.ConstituentNamespaces.All(c => c.ContainingAssembly is null || assemblies.Contains(c.ContainingAssembly, SymbolEqualityComparer.Default)))
            {
                exclusive.Add(top.Name);
            }
        }

        var globalImport = compilation.SyntaxTrees.Any(t => t.GetRoot() is CompilationUnitSyntax unit
            && unit.Usings.Any(u => u.GlobalKeyword.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.GlobalKeyword)
                && u.NamespaceOrType is { } name && namespaces.Contains(TreeGate.Normalize(name.ToString()))));
        return new TreeGate(namespaces, exclusive, openForAll || globalImport);
    }

    private static List<IAssemblySymbol> FindBannedAssemblies(Compilation compilation, AiPolicy policy)
    {
        var found = new List<IAssemblySymbol>();
        foreach (var reference in compilation.References)
        {
            if (compilation.GetAssemblyOrModuleSymbol(reference) is IAssemblySymbol assembly && policy.CheckAssembly(assembly.Name) is not null)
            {
                found.Add(assembly);
            }
        }

        foreach (var pattern in policy.BannedNamespacePatterns)
        {
            var ns = compilation.GlobalNamespace;
            foreach (var segment in pattern.Split('.'))
            {
                if (segment.IndexOfAny(new[] { '*', '?' }) >= 0)
                {
                    break;
                }

                ns = ns?.GetNamespaceMembers().FirstOrDefault(n => n.Name == segment);
            }

            if (ns is null || ns.IsGlobalNamespace)
            {
                continue;
            }

            foreach (var constituent in ns.ConstituentNamespaces)
            {
                var assembly = constituent.ContainingAssembly;
                if (assembly is not null && !SymbolEqualityComparer.Default.Equals(assembly, compilation.Assembly) && !found.Contains(assembly, SymbolEqualityComparer.Default))
                {
                    found.Add(assembly);
                }
            }
        }

        return found;
    }

    /// <summary>Alias names (<c>using Chat = OpenAI.Chat.ChatClient;</c>) from every file's using directives, global ones included.</summary>
    private static void AddAliasNames(Compilation compilation, HashSet<string> names)
    {
        foreach (var tree in compilation.SyntaxTrees)
        {
            if (tree.GetRoot() is CompilationUnitSyntax unit)
            {
                AddAliases(unit.Usings, names);
                AddNamespaceAliases(unit.Members, names);
            }
        }
    }

    private static void AddNamespaceAliases(SyntaxList<MemberDeclarationSyntax> members, HashSet<string> names)
    {
        foreach (var member in members)
        {
            if (member is BaseNamespaceDeclarationSyntax ns)
            {
                AddAliases(ns.Usings, names);
                AddNamespaceAliases(ns.Members, names);
            }
        }
    }

    private static void AddAliases(SyntaxList<UsingDirectiveSyntax> usings, HashSet<string> names)
    {
        foreach (var directive in usings)
        {
            if (directive.Alias is not null)
            {
                names.Add(directive.Alias.Name.Identifier.ValueText);
            }
        }
    }

    private static string LastSegment(string dotted)
    {
        var dot = dotted.LastIndexOf('.');
        return dot >= 0 ? dotted.Substring(dot + 1) : dotted;
    }
}
