using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
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
    // Names an assembly exposes do not change; metadata assembly symbols are shared across an IDE's compilations.
    private static readonly ConditionalWeakTable<IAssemblySymbol, HashSet<string>> NamesByAssembly = new();

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

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var assembly in assemblies)
        {
            names.UnionWith(NamesByAssembly.GetValue(assembly, CollectNames));
        }

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
        return new BannedNameIndex(names, matchAll, CreateGate(compilation, assemblies, aliases, openForAll: matchAll || symbolEntries.Count > 0));
    }

    /// <summary>The namespaces banned assemblies declare types in, their roots that nothing else uses, and global usings.</summary>
    private static TreeGate CreateGate(Compilation compilation, List<IAssemblySymbol> assemblies, HashSet<string> aliases, bool openForAll)
    {
        var namespaces = new HashSet<string>(StringComparer.Ordinal);
        foreach (var assembly in assemblies)
        {
            CollectNamespaces(assembly.GlobalNamespace, namespaces);
        }

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

    private static void CollectNamespaces(INamespaceSymbol ns, HashSet<string> namespaces)
    {
        foreach (var member in ns.GetNamespaceMembers())
        {
            if (member.GetTypeMembers().Any(t => t.DeclaredAccessibility == Accessibility.Public))
            {
                namespaces.Add(member.ToDisplayString());
            }

            CollectNamespaces(member, namespaces);
        }
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

    /// <summary>
    /// Namespace, type and member names of one assembly. Member names come from <see cref="INamedTypeSymbol.MemberNames"/>,
    /// which metadata answers from its name tables without creating a symbol per member: decoding every member of
    /// OpenAI's and Anthropic's thousands of types was most of what a compilation that references them paid for this
    /// rule. The set is a pre-filter (a name in it is bound, then judged), so the few non-public names it adds only
    /// mean a few more identifiers bound, in files that can reach banned code at all.
    /// </summary>
    private static HashSet<string> CollectNames(IAssemblySymbol assembly)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<INamespaceOrTypeSymbol>();
        pending.Push(assembly.GlobalNamespace);
        while (pending.Count > 0)
        {
            var container = pending.Pop();
            if (container is INamespaceSymbol ns)
            {
                foreach (var child in ns.GetNamespaceMembers())
                {
                    names.Add(child.Name);
                    pending.Push(child);
                }
            }
            else
            {
                AddMemberNames((INamedTypeSymbol)container, names);
            }

            foreach (var type in container.GetTypeMembers())
            {
                if (IsVisible(type))
                {
                    names.Add(type.Name);
                    if (type.Name.EndsWith("Attribute", StringComparison.Ordinal) && type.Name.Length > "Attribute".Length)
                    {
                        names.Add(type.Name.Substring(0, type.Name.Length - "Attribute".Length));
                    }

                    pending.Push(type);
                }
            }
        }

        return names;
    }

    private static void AddMemberNames(INamedTypeSymbol type, HashSet<string> names)
    {
        foreach (var name in type.MemberNames)
        {
            // Explicit implementations ("System.IDisposable.Dispose"), constructors and compiler names cannot be written
            // as a simple name; object's members on a banned type are judged where the type is written, not per call.
            if (name.Length > 0 && name.IndexOfAny(NotInSimpleNames) < 0 && !ObjectMembers.Contains(name))
            {
                names.Add(name);
            }
        }
    }

    private static readonly char[] NotInSimpleNames = { '.', '<', '>', '$' };

    private static readonly HashSet<string> ObjectMembers = new(StringComparer.Ordinal)
    {
        "ToString", "Equals", "GetHashCode", "GetType", "Finalize", "MemberwiseClone", "ReferenceEquals",
    };

    private static bool IsVisible(ISymbol symbol) =>
        symbol.DeclaredAccessibility is Accessibility.Public or Accessibility.Protected or Accessibility.ProtectedOrInternal
        && !symbol.IsImplicitlyDeclared;

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
