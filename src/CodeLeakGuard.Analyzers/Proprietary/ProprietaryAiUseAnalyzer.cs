using System.Collections.Generic;
using System.Collections.Immutable;
using CodeLeakGuard.Analyzers.BannedSdk;
using CodeLeakGuard.Analyzers.Infrastructure;
using CodeLeakGuard.Policy;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace CodeLeakGuard.Analyzers.Proprietary;

/// <summary>
/// CLG2002: inside proprietary code, using a hosted AI SDK or naming an AI endpoint is an error even where the policy
/// approves it for ordinary code (an approval for proprietary code says <c>proprietary=true</c>). Where CLG1001/CLG1003
/// already report an error, this rule stays quiet; it adds what they allow, and raises what they only warn about.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ProprietaryAiUseAnalyzer : PolicyAnalyzerBase
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.AiUseInProprietaryCode);

    protected override void OnCompilationStart(CompilationStartAnalysisContext context, AiPolicy policy)
    {
        var index = ProprietaryCodeIndex.Create(policy, context.Compilation, context.CancellationToken);
        if (index is null)
        {
            return;
        }

        var sourceAssembly = context.Compilation.Assembly;
        context.RegisterSemanticModelAction(file => NodeContext.ForEach(file, ProprietaryNodes(file, index), c =>
        {
            if (c.Node is SimpleNameSyntax)
            {
                AnalyzeName(c, index, policy, sourceAssembly);
            }
            else
            {
                AnalyzeLiteral(c, index, policy);
            }
        }));
    }

    /// <summary>
    /// The names and strings inside the file's proprietary spans: only those parts are walked, rather than a callback
    /// on every identifier of every file of a compilation that has some proprietary code.
    /// </summary>
    private static List<SyntaxNode> ProprietaryNodes(SemanticModelAnalysisContext file, ProprietaryCodeIndex index)
    {
        var nodes = new List<SyntaxNode>();
        var tree = file.SemanticModel.SyntaxTree;
        var document = index.Get(tree, file.CancellationToken);
        if (!document.HasProprietaryCode)
        {
            return nodes;
        }

        var root = tree.GetRoot(file.CancellationToken);
        var seen = new HashSet<SyntaxNode>();
        foreach (var span in document.Spans)
        {
            if ((file.FilterSpan is { } filter ? span.Span.Intersection(filter) : span.Span) is not { } walked)
            {
                continue;
            }

            foreach (var node in root.DescendantNodes(walked, descendIntoTrivia: true))
            {
                if (node.Kind() is SyntaxKind.IdentifierName or SyntaxKind.GenericName or SyntaxKind.StringLiteralExpression or SyntaxKind.InterpolatedStringText
                    && seen.Add(node))
                {
                    nodes.Add(node);
                }
            }
        }

        return nodes;
    }

    private static void AnalyzeName(NodeContext context, ProprietaryCodeIndex index, AiPolicy policy, IAssemblySymbol sourceAssembly)
    {
        var name = (SimpleNameSyntax)context.Node;
        if (name.Parent is QualifiedNameSyntax { Left: var left } && left == name || name.Parent is MemberAccessExpressionSyntax { Expression: var receiver } && receiver == name
            || index.FindContaining(name, context.CancellationToken) is null)
        {
            return;
        }

        var symbol = BannedSdkUsageAnalyzer.BoundSymbol(context.SemanticModel, name, context.CancellationToken);
        symbol = symbol is IAliasSymbol alias ? alias.Target : symbol;
        if (symbol is null or ILocalSymbol or IParameterSymbol or ITypeParameterSymbol or IRangeVariableSymbol)
        {
            return;
        }

        if (symbol is IMethodSymbol { ReducedFrom: { } reduced })
        {
            symbol = reduced;
        }

        var definition = symbol.OriginalDefinition;
        var type = definition as INamedTypeSymbol ?? definition.ContainingType;
        var fromSource = SymbolEqualityComparer.Default.Equals(definition.ContainingAssembly, sourceAssembly);
        var ns = SymbolJudge.NamespaceOf(type?.ContainingNamespace ?? definition.ContainingNamespace);
        var typeName = type is null ? null : SymbolJudge.FullTypeName(type);
        var memberName = definition is INamedTypeSymbol ? null : definition.MetadataName;
        var ordinary = policy.CheckSymbol(definition.ContainingAssembly?.Name, ns, typeName, memberName, fromSource);
        if (ordinary is { Severity: FindingSeverity.Error })
        {
            return; // CLG1001 reports it already
        }

        if (policy.CheckSymbolInProprietaryCode(definition.ContainingAssembly?.Name, ns, typeName, memberName, fromSource) is { } verdict)
        {
            context.ReportDiagnostic(VerdictDiagnostics.Create(Descriptors.AiUseInProprietaryCode, name.GetLocation(), BannedSdkUsageAnalyzer.Display(definition), verdict));
        }
    }

    private static void AnalyzeLiteral(NodeContext context, ProprietaryCodeIndex index, AiPolicy policy)
    {
        if (index.FindContaining(context.Node, context.CancellationToken) is null)
        {
            return;
        }

        var token = context.Node is InterpolatedStringTextSyntax text ? text.TextToken : ((LiteralExpressionSyntax)context.Node).Token;
        var value = token.ValueText;
        foreach (var candidate in CodeLeakGuard.Endpoints.HostMentions.Find(value))
        {
            if (policy.CheckEndpoint(candidate.Host, candidate.Path) is { Severity: FindingSeverity.Error }
                || policy.CheckEndpointInProprietaryCode(candidate.Host, candidate.Path) is not { } verdict)
            {
                continue;
            }

            var offset = token.Text.IndexOf(candidate.Text, System.StringComparison.Ordinal);
            var location = offset >= 0 ? Location.Create(context.Node.SyntaxTree, new TextSpan(token.SpanStart + offset, candidate.Text.Length)) : context.Node.GetLocation();
            context.ReportDiagnostic(VerdictDiagnostics.Create(Descriptors.AiUseInProprietaryCode, location, candidate.Text, verdict));
        }
    }
}
