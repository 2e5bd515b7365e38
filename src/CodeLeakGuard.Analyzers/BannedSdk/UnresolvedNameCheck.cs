using System;
using System.Collections.Generic;
using System.Linq;
using CodeLeakGuard.Analyzers.Infrastructure;
using CodeLeakGuard.Policy;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CodeLeakGuard.Analyzers.BannedSdk;

/// <summary>
/// <c>OpenAI.Chat.ChatClient client;</c> before the SDK is referenced (or in a scan without references): a qualified
/// name that does not resolve is judged by its written text, like an unresolved using. Only names whose first part is
/// the root of a banned namespace are looked at, and only those the policy would ban are bound.
/// </summary>
internal sealed class UnresolvedNameCheck
{
    private readonly AiPolicy _policy;
    private readonly HashSet<string> _roots;

    public UnresolvedNameCheck(AiPolicy policy)
    {
        _policy = policy;
        _roots = new HashSet<string>(
            policy.BannedNamespacePatterns.Select(p => p.Split('.')[0]).Where(r => r.IndexOfAny(new[] { '*', '?' }) < 0),
            StringComparer.Ordinal);
    }

    public void Analyze(NodeContext context)
    {
        var name = (QualifiedNameSyntax)context.Node;
        if (name.Parent is QualifiedNameSyntax or UsingDirectiveSyntax || !_roots.Contains(Leftmost(name)))
        {
            return; // only whole names; usings have their own check
        }

        var written = name.ToString().Replace(" ", string.Empty);
        var verdict = _policy.CheckTypeName(written, null) ?? _policy.CheckNamespace(written);
        if (verdict is null)
        {
            return;
        }

        var symbol = context.SemanticModel.GetSymbolInfo(name, context.CancellationToken);
        if (symbol.Symbol is null or IErrorTypeSymbol && symbol.CandidateSymbols.IsEmpty)
        {
            context.ReportDiagnostic(VerdictDiagnostics.Create(Descriptors.BannedSdkUsage, name.GetLocation(), written, verdict));
        }
    }

    private static string Leftmost(QualifiedNameSyntax name)
    {
        NameSyntax current = name;
        while (current is QualifiedNameSyntax qualified)
        {
            current = qualified.Left;
        }

        return current is AliasQualifiedNameSyntax alias ? alias.Name.Identifier.ValueText : ((SimpleNameSyntax)current).Identifier.ValueText;
    }
}
