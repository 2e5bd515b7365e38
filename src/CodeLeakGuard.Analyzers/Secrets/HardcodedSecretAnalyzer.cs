using System;
using System.Collections.Immutable;
using System.Linq;
using CodeLeakGuard.Analyzers.Infrastructure;
using CodeLeakGuard.Policy;
using CodeLeakGuard.Secrets;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace CodeLeakGuard.Analyzers.Secrets;

/// <summary>
/// CLG3001: a credential in a string — the well-known formats and the policy's <c>secret</c> rules in every kind of
/// literal, in constants and concatenations that fold into one (<c>"sk-proj-" + Rest</c>), and secret-like values
/// assigned to sensitive names (<c>password = "..."</c>, <c>ApiKey: "..."</c>, <c>["ClientSecret"] = "..."</c>).
/// The rules are Core's <see cref="SecretScanner"/>, shared with the masker and the CLI. Reports the kind, never the value.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class HardcodedSecretAnalyzer : PolicyAnalyzerBase
{
    /// <summary>The diagnostic property holding the secret kind (e.g. <c>OpenAIKey</c>), for fixers and SARIF consumers.</summary>
    public const string KindProperty = "SecretKind";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.HardcodedSecret);

    protected override void OnCompilationStart(CompilationStartAnalysisContext context, AiPolicy policy)
    {
        var scanner = SecretScanner.For(policy);
        SyntaxCensusCache.RegisterVisit(context, (file, census) =>
        {
            NodeContext.ForEach(file, census.Strings, c => AnalyzeLiteral(c, scanner));
            NodeContext.ForEach(file, census.Concatenations, c => AnalyzeFolded(c, scanner));
            NodeContext.ForEach(file, census.Assignments, c => AnalyzeAssignment(c, scanner));
        });
    }

    private static void AnalyzeLiteral(NodeContext context, SecretScanner scanner)
    {
        var token = context.Node is InterpolatedStringTextSyntax text ? text.TextToken : ((LiteralExpressionSyntax)context.Node).Token;
        if (!ReportFormats(context, scanner, token))
        {
            AnalyzePositionalArgument(context, token);
        }
    }

    // The known formats and policy rules in the literal; true when one was reported.
    private static bool ReportFormats(NodeContext context, SecretScanner scanner, SyntaxToken token)
    {
        var raw = token.Text;
        if (raw.IndexOf('\\') < 0 && !scanner.MightContainSecret(raw, 0, raw.Length))
        {
            return false; // most literals: nothing that could start a secret, decided without decoding
        }

        var content = LiteralContent.Of(token);
        if (content is null || !scanner.MightContainSecret(content.Value, 0, content.Value.Length))
        {
            return false;
        }

        var reported = false;
        foreach (var match in scanner.Scan(content.Value).Where(IsReported))
        {
            var (start, end) = content.SourceSpan(match.Start, match.Length);
            Report(context, Location.Create(context.Node.SyntaxTree, TextSpan.FromBounds(token.SpanStart + start, token.SpanStart + end)), match.Format);
            reported = true;
        }

        return reported;
    }

    // A literal given to a parameter by position is judged as a value given to the parameter's name, as a named
    // argument is: new NetworkCredential("svc", "...") gives it to `password`, new ClientSecretCredential(t, c, "...")
    // to `clientSecret`. The semantic model is asked only about a value that could be a secret for some name, and
    // arguments are mostly messages and names: a value with white space in it (a sentence) is passed over first.
    private static void AnalyzePositionalArgument(NodeContext context, SyntaxToken token)
    {
        if (context.Node is not LiteralExpressionSyntax { Parent: ArgumentSyntax { NameColon: null } argument }
            || token.ValueText is not { Length: >= 6 and <= 512 } value
            || HasWhiteSpace(value)
            || !(SecretHeuristics.IsLikelySecretValue(value) || SecretHeuristics.IsGeneratedKey(value)))
        {
            return;
        }

        if (context.SemanticModel.GetOperation(argument, context.CancellationToken) is IArgumentOperation { Parameter: { } parameter }
            && SecretHeuristics.IsSecretAssignedTo(parameter.Name, value))
        {
            Report(context, context.Node.GetLocation(), SecretAssignmentFormat);
        }
    }

    private static void AnalyzeFolded(NodeContext context, SecretScanner scanner)
    {
        var node = context.Node;
        if (node.Parent is BinaryExpressionSyntax { RawKind: (int)SyntaxKind.AddExpression } or ParenthesizedExpressionSyntax or InterpolationSyntax
            || (node is InterpolatedStringExpressionSyntax interpolated && !interpolated.Contents.Any(c => c is InterpolationSyntax))
            || !node.DescendantTokens().Any(StringTokens.IsString)
            || !ConstantShape.CanBeConstant(node))
        {
            return;
        }

        if (context.SemanticModel.GetConstantValue(node, context.CancellationToken) is not { HasValue: true, Value: string folded })
        {
            return;
        }

        foreach (var match in scanner.Scan(folded).Where(IsReported))
        {
            var secret = folded.Substring(match.Start, match.Length);
            if (!node.DescendantTokens().Any(t => StringTokens.IsString(t) && t.ValueText.IndexOf(secret, StringComparison.Ordinal) >= 0))
            {
                Report(context, node.GetLocation(), match.Format); // not already reported on one literal
            }
        }
    }

    private static void AnalyzeAssignment(NodeContext context, SecretScanner scanner)
    {
        // Named arguments and members are reached through their name (rare) rather than every argument (frequent).
        var node = context.Node is NameColonSyntax or NameEqualsSyntax ? context.Node.Parent! : context.Node;
        var (name, value) = SensitiveAssignment.Find(node);
        if (value is null || !SecretHeuristics.MayNameSecret(name) || !ConstantShape.CanBeConstant(value))
        {
            return;
        }

        // The judgment the scanner and the masker make of a value given to a name (a passphrase for a password, a
        // generated key for a name that is only a key: JwtKey).
        if (context.SemanticModel.GetConstantValue(value, context.CancellationToken) is not { HasValue: true, Value: string text }
            || !SecretHeuristics.IsSecretAssignedTo(name, text)
            || scanner.Scan(text).Any(IsReported))
        {
            return; // not a secret, or a known format the literal itself is reported for
        }

        Report(context, value.GetLocation(), SecretAssignmentFormat);
    }

    private static bool HasWhiteSpace(string value)
    {
        foreach (var c in value)
        {
            if (char.IsWhiteSpace(c))
            {
                return true;
            }
        }

        return false;
    }

    private static readonly SecretFormat SecretAssignmentFormat = BuiltInSecretFormats.All.First(f => f.Kind == "SecretAssignment");

    private static bool IsReported(SecretMatch match) => match.Format.IsCredential;

    private static void Report(NodeContext context, Location location, SecretFormat format)
    {
        var severity = format.Severity is { } policySeverity ? VerdictDiagnostics.ToRoslyn(policySeverity) : Descriptors.HardcodedSecret.DefaultSeverity;
        context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.HardcodedSecret, location, severity, additionalLocations: null,
            ImmutableDictionary<string, string?>.Empty.Add(KindProperty, format.Kind),
            format.Description, format.Kind));
    }
}
