using System.Collections.Immutable;
using CodeLeakGuard.Analyzers.Infrastructure;
using CodeLeakGuard.Policy;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CodeLeakGuard.Analyzers.BannedSdk;

/// <summary>
/// CLG1001: any use of a symbol from a banned AI SDK — using directives (global, alias, static), qualified names,
/// creation, invocation (extension methods judged by the assembly that defines them), member access, types in every
/// declaration, <c>var</c> whose inferred type is banned, base types, attributes, typeof, nameof, patterns, casts,
/// default(T) and cref. Identifiers are filtered by name before anything is bound, so code that cannot reach a banned
/// SDK costs one hash lookup per identifier, and a compilation that references none costs nothing.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class BannedSdkUsageAnalyzer : PolicyAnalyzerBase
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.BannedSdkUsage);

    protected override void OnCompilationStart(CompilationStartAnalysisContext context, AiPolicy policy)
    {
        var judge = new SymbolJudge(policy, context.Compilation);
        var unresolved = new UnresolvedNameCheck(policy);
        var index = BannedNameIndex.Build(context.Compilation, policy);
        SyntaxCensusCache.RegisterVisit(context, (file, census) =>
        {
            NodeContext.ForEach(file, census.Usings, c => UsingDirectiveCheck.Analyze(c, policy, judge));
            NodeContext.ForEach(file, census.QualifiedNames, unresolved.Analyze);
            if (index is not null)
            {
                AnalyzeNames(file, index, judge);
            }
        });
    }

    /// <summary>
    /// Identifiers are the most frequent nodes: one callback per file that can name banned code at all, rather than one
    /// per identifier of every file, keeps the analyzer driver's per-callback overhead out of ordinary files.
    /// </summary>
    private static void AnalyzeNames(SemanticModelAnalysisContext context, BannedNameIndex index, SymbolJudge judge)
    {
        var tree = context.SemanticModel.SyntaxTree;
        if (!index.Gate.IsOpen(tree))
        {
            return;
        }

        var root = tree.GetRoot(context.CancellationToken);
        foreach (var node in root.DescendantNodes(context.FilterSpan ?? root.FullSpan, descendIntoTrivia: true))
        {
            if (node is IdentifierNameSyntax or GenericNameSyntax)
            {
                AnalyzeName(context, (SimpleNameSyntax)node, index, judge);
            }
        }
    }

    private static void AnalyzeName(SemanticModelAnalysisContext context, SimpleNameSyntax name, BannedNameIndex index, SymbolJudge judge)
    {
        if (name is IdentifierNameSyntax { IsVar: true } varName)
        {
            ImplicitTypeCheck.Analyze(context, varName, judge);
            return;
        }

        if (!index.MayBeBanned(name.Identifier.ValueText) || IsPrefixOfLongerName(name) || name.FirstAncestorOrSelf<UsingDirectiveSyntax>() is not null)
        {
            return;
        }

        var model = context.SemanticModel;
        var symbol = BoundSymbol(model, name, context.CancellationToken);
        if (judge.Judge(symbol) is not { } verdict)
        {
            return;
        }

        var reported = WidenToQualifiedName(model, name, context.CancellationToken);
        if (symbol is INamespaceOrTypeSymbol && IsQualifierOfBannedMember(model, reported, judge, context.CancellationToken))
        {
            return;
        }

        context.ReportDiagnostic(VerdictDiagnostics.Create(
            Descriptors.BannedSdkUsage, reported.GetLocation(), Display(symbol!), verdict));
    }

    internal static ISymbol? BoundSymbol(SemanticModel model, SyntaxNode node, System.Threading.CancellationToken cancellationToken)
    {
        var info = model.GetSymbolInfo(node, cancellationToken);
        if (info.Symbol is not null)
        {
            return info.Symbol;
        }

        // nameof(method group), ambiguous overloads, and code with errors still name a symbol.
        return info.CandidateSymbols.Length > 0 ? info.CandidateSymbols[0] : model.GetAliasInfo(node, cancellationToken);
    }

    internal static string Display(ISymbol symbol) =>
        (symbol is IAliasSymbol alias ? alias.Target : symbol).ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat);

    /// <summary>
    /// The <c>OpenAI</c> and <c>Chat</c> of <c>OpenAI.Chat.ChatClient</c>: the whole name is judged by its last part,
    /// so an allowed type in a banned namespace is not reported for its qualification.
    /// </summary>
    private static bool IsPrefixOfLongerName(SimpleNameSyntax name)
    {
        SyntaxNode top = name;
        while (top.Parent is QualifiedNameSyntax q && q.Right == top || top.Parent is AliasQualifiedNameSyntax a && a.Name == top)
        {
            top = top.Parent;
        }

        return top.Parent is QualifiedNameSyntax outer && outer.Left == top
            || top.Parent is QualifiedCrefSyntax cref && cref.Container == top;
    }

    /// <summary>Reports <c>OpenAI.Chat.ChatClient</c> once, not its three parts; likewise <c>Ns.Type.StaticMember</c>.</summary>
    private static SyntaxNode WidenToQualifiedName(SemanticModel model, SimpleNameSyntax name, System.Threading.CancellationToken cancellationToken)
    {
        SyntaxNode current = name;
        while (true)
        {
            switch (current.Parent)
            {
                case QualifiedNameSyntax q when q.Right == current:
                    current = q;
                    continue;
                case AliasQualifiedNameSyntax a when a.Name == current:
                    current = a;
                    continue;
                case NameMemberCrefSyntax member when member.Name == current:
                    current = member;
                    continue;
                case QualifiedCrefSyntax cref when cref.Member == current:
                    current = cref;
                    continue;
                case MemberAccessExpressionSyntax m when m.Name == current && IsNamespaceOrTypeName(model, m.Expression, cancellationToken):
                    current = m;
                    continue;
                default:
                    return current;
            }
        }
    }

    private static bool IsQualifierOfBannedMember(SemanticModel model, SyntaxNode reported, SymbolJudge judge, System.Threading.CancellationToken cancellationToken)
    {
        var outerName = reported.Parent switch
        {
            MemberAccessExpressionSyntax m when m.Expression == reported => m.Name,
            QualifiedNameSyntax q when q.Left == reported => q.Right,
            _ => null,
        };

        return outerName is not null && judge.Judge(BoundSymbol(model, outerName, cancellationToken)) is not null;
    }

    private static bool IsNamespaceOrTypeName(SemanticModel model, ExpressionSyntax expression, System.Threading.CancellationToken cancellationToken) =>
        expression is NameSyntax or MemberAccessExpressionSyntax &&
        model.GetSymbolInfo(expression, cancellationToken).Symbol is INamespaceOrTypeSymbol;
}
