using CodeLeakGuard.Policy;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CodeLeakGuard.Analyzers.Infrastructure;

/// <summary>
/// The base of every CodeLeakGuard analyzer: concurrent, analyses generated code too (generated code leaks as well),
/// and loads the policy once per compilation so no rule can forget any of it.
/// </summary>
public abstract class PolicyAnalyzerBase : DiagnosticAnalyzer
{
    public sealed override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationStartAction(start =>
        {
            var policy = PolicyFiles.Load(start.Options, start.CancellationToken);
            OnCompilationStart(start, policy);
        });
    }

    /// <summary>Registers the rule's actions for one compilation; register nothing when the rule cannot fire.</summary>
    protected abstract void OnCompilationStart(CompilationStartAnalysisContext context, AiPolicy policy);
}
