using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using CodeLeakGuard.Analyzers.Infrastructure;
using CodeLeakGuard.Policy;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CodeLeakGuard.Analyzers.Endpoints;

/// <summary>
/// CLG1005: a string that is exactly a banned provider's API-key variable (<c>"OPENAI_API_KEY"</c>), as read through
/// <c>Environment.GetEnvironmentVariable</c>, <c>IConfiguration</c> or a constant. A message that merely mentions the
/// variable is not reported: only the whole string counts.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class AiApiKeyVariableAnalyzer : PolicyAnalyzerBase
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.AiApiKeyVariable);

    protected override void OnCompilationStart(CompilationStartAnalysisContext context, AiPolicy policy)
    {
        var literalNames = new HashSet<string>(policy.BannedEnvironmentVariableNames.Where(n => n.IndexOfAny(new[] { '*', '?' }) < 0), StringComparer.OrdinalIgnoreCase);
        var hasPatterns = policy.Entries.Any(e => e.Target == PolicyTarget.EnvironmentVariable && e.Name!.HasWildcards);
        if (literalNames.Count == 0 && !hasPatterns)
        {
            return;
        }

        SyntaxCensusCache.RegisterVisit(context, (file, census) =>
            NodeContext.ForEach(file, census.Strings, c => Analyze(c, policy, literalNames, hasPatterns)));
    }

    private static void Analyze(NodeContext context, AiPolicy policy, HashSet<string> literalNames, bool hasPatterns)
    {
        if (context.Node is not LiteralExpressionSyntax { RawKind: (int)SyntaxKind.StringLiteralExpression } literal)
        {
            return;
        }

        var value = literal.Token.ValueText;
        if (value.Length == 0 || value.Length > 128 || !(literalNames.Contains(value) || (hasPatterns && LooksLikeVariableName(value))))
        {
            return;
        }

        if (policy.CheckEnvironmentVariable(value) is { } verdict)
        {
            context.ReportDiagnostic(VerdictDiagnostics.Create(Descriptors.AiApiKeyVariable, literal.GetLocation(), value, verdict));
        }
    }

    private static bool LooksLikeVariableName(string value) =>
        (char.IsLetter(value[0]) || value[0] == '_') && value.All(c => char.IsLetterOrDigit(c) || c == '_');
}
