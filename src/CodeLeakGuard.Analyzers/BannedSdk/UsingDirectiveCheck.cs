using CodeLeakGuard.Analyzers.Infrastructure;
using CodeLeakGuard.Policy;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CodeLeakGuard.Analyzers.BannedSdk;

/// <summary>
/// <c>using OpenAI.Chat;</c>, <c>global using</c>, <c>using static</c> and aliases. When the name does not resolve (the
/// SDK is not referenced yet, or the CLI scans without references) the written name is judged against the policy's
/// namespace rules, so the squiggle appears before the first restore.
/// </summary>
internal static class UsingDirectiveCheck
{
    public static void Analyze(NodeContext context, AiPolicy policy, SymbolJudge judge)
    {
        var directive = (UsingDirectiveSyntax)context.Node;
        var target = directive.NamespaceOrType;
        if (target is null)
        {
            return;
        }

        var symbol = context.SemanticModel.GetSymbolInfo(target, context.CancellationToken).Symbol;
        Verdict? verdict;
        string display;
        if (symbol is not null and not IErrorTypeSymbol)
        {
            verdict = judge.Judge(symbol);
            display = BannedSdkUsageAnalyzer.Display(symbol);
        }
        else
        {
            display = WrittenName(target);
            verdict = directive.StaticKeyword.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.StaticKeyword) || directive.Alias is not null
                ? policy.CheckTypeName(display, null) ?? policy.CheckNamespace(display)
                : policy.CheckNamespace(display);
        }

        if (verdict is not null)
        {
            context.ReportDiagnostic(VerdictDiagnostics.Create(Descriptors.BannedSdkUsage, target.GetLocation(), display, verdict));
        }
    }

    private static string WrittenName(TypeSyntax target)
    {
        var text = target.ToString();
        var global = text.IndexOf("::", System.StringComparison.Ordinal);
        return (global >= 0 ? text.Substring(global + 2) : text).Replace(" ", string.Empty);
    }
}
