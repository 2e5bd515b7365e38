using CodeLeakGuard.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CodeLeakGuard.Analyzers.BannedSdk;

/// <summary>
/// <c>var client = factory.GetChatClient()</c>: no banned name is written, but the inferred type is banned. Skipped
/// where the same statement already spells the type out (<c>var c = new ChatClient(...)</c>), which is reported there.
/// </summary>
internal static class ImplicitTypeCheck
{
    public static void Analyze(SemanticModelAnalysisContext context, IdentifierNameSyntax varName, SymbolJudge judge)
    {
        if (SpellsOutType(varName))
        {
            return;
        }

        var type = context.SemanticModel.GetTypeInfo(varName, context.CancellationToken).Type;
        if (type is null || type.TypeKind == TypeKind.Error || judge.JudgeTypeDeep(type) is not { } found)
        {
            return;
        }

        context.ReportDiagnostic(VerdictDiagnostics.Create(
            Descriptors.BannedSdkUsage, varName.GetLocation(), BannedSdkUsageAnalyzer.Display(found.Type), found.Verdict));
    }

    private static bool SpellsOutType(IdentifierNameSyntax varName) =>
        varName.Parent is VariableDeclarationSyntax { Variables: { Count: 1 } variables } &&
        variables[0].Initializer?.Value is ObjectCreationExpressionSyntax or ArrayCreationExpressionSyntax or CastExpressionSyntax
            or BinaryExpressionSyntax { RawKind: (int)Microsoft.CodeAnalysis.CSharp.SyntaxKind.AsExpression };
}
