using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

// Benchmark instruments, never shipped nor loaded by a compiler: no [DiagnosticAnalyzer] (RS1001), no release
// tracking (RS2008), and the compilation-start probe registers nothing on purpose (RS1012).
#pragma warning disable RS1001, RS1012, RS2008

namespace CodeLeakGuard.Benchmarks;

/// <summary>
/// Analyzers that do nothing, to measure what the analyzer driver itself costs for each kind of registration: the
/// floor under any analyzer that registers the same kind of action, however cheap its callbacks are. Instantiated
/// directly (no [DiagnosticAnalyzer] attribute): they are never loaded by a compiler.
/// </summary>
internal static class ProbeAnalyzers
{
    private static readonly DiagnosticDescriptor Never = new(
        "PROBE001", "Probe", "Probe", "Benchmark", DiagnosticSeverity.Hidden, isEnabledByDefault: true);

    /// <summary>The floor of each registration kind, one analyzer at a time.</summary>
    public static IReadOnlyList<(string Name, ImmutableArray<DiagnosticAnalyzer> Analyzers)> Floors() => new (string, ImmutableArray<DiagnosticAnalyzer>)[]
    {
        ("no-op: compilation start only", ImmutableArray.Create<DiagnosticAnalyzer>(new CompilationStartOnly())),
        ("no-op: syntax tree action", ImmutableArray.Create<DiagnosticAnalyzer>(new SyntaxTreeAction())),
        ("no-op: syntax node action (UsingDirective)", ImmutableArray.Create<DiagnosticAnalyzer>(new SyntaxNodeAction())),
        ("no-op: operation action (Invocation)", ImmutableArray.Create<DiagnosticAnalyzer>(new OperationAction())),
        ("no-op: 6 analyzers with a syntax node action each", Enumerable.Range(0, 6).Select(_ => (DiagnosticAnalyzer)new SyntaxNodeAction()).ToImmutableArray()),
        ("no-op: 5 analyzers, node actions on the literal/invocation kinds", Enumerable.Range(0, 5).Select(_ => (DiagnosticAnalyzer)new RuleKindsNodeActions()).ToImmutableArray()),
        ("no-op: 5 analyzers, semantic-model action over one shared walk", Enumerable.Range(0, 5).Select(_ => (DiagnosticAnalyzer)new SharedWalk()).ToImmutableArray()),
    };

    private static readonly SyntaxKind[] RuleKinds =
    {
        SyntaxKind.StringLiteralExpression, SyntaxKind.Utf8StringLiteralExpression, SyntaxKind.InterpolatedStringText, SyntaxKind.AddExpression,
        SyntaxKind.InterpolatedStringExpression, SyntaxKind.InvocationExpression, SyntaxKind.ObjectCreationExpression, SyntaxKind.VariableDeclarator,
        SyntaxKind.SimpleAssignmentExpression, SyntaxKind.UsingDirective, SyntaxKind.QualifiedName,
    };

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<SyntaxTree, List<SyntaxNode>> Walks = new();

    private abstract class Probe : DiagnosticAnalyzer
    {
        public sealed override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Never);

        public sealed override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
            context.RegisterCompilationStartAction(Register);
        }

        protected abstract void Register(CompilationStartAnalysisContext context);
    }

    private sealed class CompilationStartOnly : Probe
    {
        protected override void Register(CompilationStartAnalysisContext context)
        {
        }
    }

    private sealed class SyntaxTreeAction : Probe
    {
        protected override void Register(CompilationStartAnalysisContext context) =>
            context.RegisterSyntaxTreeAction(static _ => { });
    }

    private sealed class SyntaxNodeAction : Probe
    {
        protected override void Register(CompilationStartAnalysisContext context) =>
            context.RegisterSyntaxNodeAction(static _ => { }, SyntaxKind.UsingDirective);
    }

    private sealed class RuleKindsNodeActions : Probe
    {
        protected override void Register(CompilationStartAnalysisContext context) =>
            context.RegisterSyntaxNodeAction(static _ => { }, RuleKinds);
    }

    private sealed class SharedWalk : Probe
    {
        protected override void Register(CompilationStartAnalysisContext context) =>
            context.RegisterSemanticModelAction(static c =>
            {
                var nodes = Walks.GetValue(c.SemanticModel.SyntaxTree, static tree =>
                {
                    var kinds = new HashSet<SyntaxKind>(RuleKinds);
                    return tree.GetRoot().DescendantNodes().Where(n => kinds.Contains(n.Kind())).ToList();
                });
                var count = 0;
                foreach (var node in nodes)
                {
                    count += node.RawKind & 1;
                }

                GC.KeepAlive(count);
            });
    }

    private sealed class OperationAction : Probe
    {
        protected override void Register(CompilationStartAnalysisContext context) =>
            context.RegisterOperationAction(static _ => { }, OperationKind.Invocation);
    }
}
