using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using CodeLeakGuard.Text;

namespace CodeLeakGuard.Analyzers.BannedSdk;

/// <summary>
/// Which files can name banned code at all. A type or extension method of a banned assembly is reachable only through
/// a using of one of its namespaces, a qualified name starting with a namespace root only banned assemblies use, an
/// alias, or a global using; a file with none of these is skipped by the identifier checks (one token scan instead of
/// binding every candidate). What such a file can still hold — a <c>var</c> whose type comes from a helper declared
/// elsewhere — is reported at that helper's declaration.
/// </summary>
internal sealed class TreeGate
{
    private readonly HashSet<string> _bannedNamespaces;
    private readonly HashSet<string> _exclusiveRootsAndAliases;
    private readonly KeywordSearch _exclusiveWords;
    private readonly bool _openForAll;
    private readonly ConcurrentDictionary<SyntaxTree, bool> _open = new();

    public TreeGate(HashSet<string> bannedNamespaces, HashSet<string> exclusiveRootsAndAliases, bool openForAll)
    {
        _bannedNamespaces = bannedNamespaces;
        _exclusiveRootsAndAliases = exclusiveRootsAndAliases;
        _exclusiveWords = new KeywordSearch(exclusiveRootsAndAliases, ignoreCase: false);
        _openForAll = openForAll;
    }

    public bool IsOpen(SyntaxTree tree) => _openForAll || _open.GetOrAdd(tree, Compute);

    private bool Compute(SyntaxTree tree)
    {
        var root = tree.GetRoot();
        if (root is CompilationUnitSyntax unit && (ImportsBanned(unit.Usings) || NamespacesImportBanned(unit.Members)))
        {
            return true;
        }

        var text = tree.GetText().ToString();
        if (!_exclusiveWords.ContainsAny(text))
        {
            return false; // the file's text never spells a root or alias: no token can
        }

        foreach (var token in root.DescendantTokens(descendIntoTrivia: true)) // cref in doc comments too
        {
            if (token.IsKind(SyntaxKind.IdentifierToken) && _exclusiveRootsAndAliases.Contains(token.ValueText))
            {
                return true;
            }
        }

        return false;
    }

    private bool NamespacesImportBanned(SyntaxList<MemberDeclarationSyntax> members) =>
        members.OfType<BaseNamespaceDeclarationSyntax>().Any(ns => ImportsBanned(ns.Usings) || NamespacesImportBanned(ns.Members));

    private bool ImportsBanned(SyntaxList<UsingDirectiveSyntax> usings) =>
        usings.Any(u => u.NamespaceOrType is { } name && _bannedNamespaces.Contains(Normalize(name.ToString())));

    internal static string Normalize(string name)
    {
        var global = name.IndexOf("::", StringComparison.Ordinal);
        return (global >= 0 ? name.Substring(global + 2) : name).Replace(" ", string.Empty);
    }
}
