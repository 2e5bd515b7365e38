using System;
using System.Collections.Immutable;
using System.Linq;
using CodeLeakGuard.Analyzers.Infrastructure;
using CodeLeakGuard.Policy;
using CodeLeakGuard.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace CodeLeakGuard.Analyzers.Endpoints;

/// <summary>
/// CLG1003: a banned AI API host in a string — regular, verbatim, raw, UTF-8 and interpolated literals, and
/// concatenations or interpolations whose constant value folds into one (<c>"https://api." + "openai.com"</c>). Hosts
/// compare case-insensitively and honour wildcards; approved endpoints and loopback are allowed; comments are not code.
/// Literals are scanned as text; only concatenations that mention a banned host's keyword are constant-folded.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class AiEndpointAnalyzer : PolicyAnalyzerBase
{
    public const string ApprovedEndpointProperty = "ApprovedEndpoint";
    public const string MatchedUrlProperty = "MatchedUrl";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.AiEndpoint);

    protected override void OnCompilationStart(CompilationStartAnalysisContext context, AiPolicy policy)
    {
        var keywords = policy.EndpointKeywordSearch;
        if (keywords.IsEmpty)
        {
            return; // no banned host at all
        }

        SyntaxCensusCache.RegisterVisit(context, (file, census) =>
        {
            NodeContext.ForEach(file, census.Strings, c => AnalyzeLiteral(c, policy, keywords));
            NodeContext.ForEach(file, census.Concatenations, c => AnalyzeFolded(c, policy, keywords));
        });
    }

    private static void AnalyzeLiteral(NodeContext context, AiPolicy policy, KeywordSearch keywords)
    {
        var token = context.Node is InterpolatedStringTextSyntax text ? text.TextToken : ((LiteralExpressionSyntax)context.Node).Token;
        var value = token.ValueText;
        if (!keywords.ContainsAny(value))
        {
            return; // names no banned host's distinctive word: no URL scan
        }
        foreach (var match in policy.FindEndpoints(value))
        {
            var url = value.Substring(match.Start, match.Length);
            var offset = token.Text.IndexOf(url, StringComparison.Ordinal);
            var location = offset >= 0
                ? Location.Create(context.Node.SyntaxTree, new TextSpan(token.SpanStart + offset, url.Length))
                : context.Node.GetLocation();
            Report(context, location, url, match.Verdict, policy);
        }
    }

    private static void AnalyzeFolded(NodeContext context, AiPolicy policy, KeywordSearch keywords)
    {
        var node = context.Node;
        if (node.Parent is BinaryExpressionSyntax { RawKind: (int)SyntaxKind.AddExpression } or ParenthesizedExpressionSyntax
            || !HasNonLiteralPart(node)
            || !ConstantShape.CanBeConstant(node)
            || !MentionsKeyword(node, keywords))
        {
            return;
        }

        var constant = context.SemanticModel.GetConstantValue(node, context.CancellationToken);
        if (!constant.HasValue || constant.Value is not string folded)
        {
            return;
        }

        foreach (var match in policy.FindEndpoints(folded))
        {
            if (!AnyLiteralPartContains(node, match.Host))
            {
                Report(context, node.GetLocation(), folded.Substring(match.Start, match.Length), match.Verdict, policy);
            }
        }
    }

    private static void Report(NodeContext context, Location location, string url, Verdict verdict, AiPolicy policy)
    {
        var properties = ImmutableDictionary<string, string?>.Empty
            .Add(MatchedUrlProperty, url)
            .Add(ApprovedEndpointProperty, policy.PreferredApprovedEndpoint());
        context.ReportDiagnostic(VerdictDiagnostics.Create(Descriptors.AiEndpoint, location, url, verdict, properties));
    }

    // A concatenation of plain literals is reported literal by literal unless the host is split between them.
    private static bool HasNonLiteralPart(SyntaxNode node) => node switch
    {
        InterpolatedStringExpressionSyntax interpolated => interpolated.Contents.Any(c => c is InterpolationSyntax),
        _ => true,
    };

    /// <summary>
    /// Cheap gate before constant folding: some string part, and some token (a literal or a constant's name such as
    /// <c>OpenAiHost</c>) that mentions a banned host's keyword. Arithmetic and ordinary messages stop here.
    /// </summary>
    private static bool MentionsKeyword(SyntaxNode node, KeywordSearch keywords)
    {
        bool hasString = false, hasKeyword = false;
        foreach (var token in node.DescendantTokens())
        {
            hasString |= StringTokens.IsString(token);
            if (!hasKeyword && (token.IsKind(SyntaxKind.IdentifierToken) || StringTokens.IsString(token)))
            {
                hasKeyword = keywords.ContainsAny(token.Text);
            }

            if (hasString && hasKeyword)
            {
                return true;
            }
        }

        return false;
    }

    private static bool AnyLiteralPartContains(SyntaxNode node, string host) =>
        node.DescendantTokens().Any(t => StringTokens.IsString(t) && t.ValueText.IndexOf(host, StringComparison.OrdinalIgnoreCase) >= 0);
}
