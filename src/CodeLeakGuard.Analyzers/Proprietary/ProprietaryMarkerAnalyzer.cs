using System.Collections.Immutable;
using CodeLeakGuard.Analyzers.Infrastructure;
using CodeLeakGuard.Policy;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CodeLeakGuard.Analyzers.Proprietary;

/// <summary>
/// CLG2001: malformed proprietary markers (unbalanced, nested, overlapping, misplaced). CLG2004 (hidden by default):
/// where each proprietary piece starts, so the IDE can show it.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ProprietaryMarkerAnalyzer : PolicyAnalyzerBase
{
    public const string UnclosedBeginProperty = "UnclosedBegin";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.ProprietaryMarkerMalformed, Descriptors.ProprietaryRegion);

    protected override void OnCompilationStart(CompilationStartAnalysisContext context, AiPolicy policy)
    {
        var index = ProprietaryCodeIndex.For(policy, context.Compilation, context.CancellationToken);
        context.RegisterSyntaxTreeAction(c => Analyze(c, index));
    }

    private static void Analyze(SyntaxTreeAnalysisContext context, ProprietaryCodeIndex index)
    {
        var document = index.Get(context.Tree, context.CancellationToken);
        foreach (var problem in document.Problems)
        {
            var properties = problem.IsUnclosedBegin
                ? ImmutableDictionary<string, string?>.Empty.Add(UnclosedBeginProperty, "true")
                : ImmutableDictionary<string, string?>.Empty;
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.ProprietaryMarkerMalformed, Location.Create(context.Tree, problem.Span), properties, problem.Message));
        }

        foreach (var span in document.Spans)
        {
            var reason = span.Reason is null ? string.Empty : ": " + span.Reason;
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.ProprietaryRegion, Location.Create(context.Tree, span.MarkerSpan), Describe(span.Kind), reason));
        }
    }

    private static string Describe(ProprietaryMarkerKind kind) => kind switch
    {
        ProprietaryMarkerKind.Attribute => "[Proprietary]",
        ProprietaryMarkerKind.AssemblyAttribute => "[assembly: Proprietary]",
        ProprietaryMarkerKind.Region => "#region Proprietary",
        ProprietaryMarkerKind.CommentPair => "codeleakguard:proprietary-begin",
        ProprietaryMarkerKind.PolicyPath => "policy path",
        ProprietaryMarkerKind.Unreadable => "code too deep to read",
        _ => "policy",
    };
}
