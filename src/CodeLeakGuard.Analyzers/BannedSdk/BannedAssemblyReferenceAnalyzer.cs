using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using CodeLeakGuard.PackageCheck;
using CodeLeakGuard.Analyzers.Infrastructure;
using CodeLeakGuard.Policy;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CodeLeakGuard.Analyzers.BannedSdk;

/// <summary>
/// CLG1002: the compilation references a banned AI assembly — through NuGet, or as a raw DLL that no package check
/// sees. Reported once per assembly, whether or not any code uses it yet.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class BannedAssemblyReferenceAnalyzer : PolicyAnalyzerBase
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.BannedAssemblyReference);

    // RS1013 would have a compilation action instead; the start action is where every rule loads the policy once.
#pragma warning disable RS1013
    protected override void OnCompilationStart(CompilationStartAnalysisContext context, AiPolicy policy)
    {
        var banned = new List<(string Name, Verdict Verdict)>();
        var compilation = context.Compilation;
        var wrapped = WrappedPackages(context.Options, context.CancellationToken);
        foreach (var reference in compilation.References)
        {
            if (compilation.GetAssemblyOrModuleSymbol(reference) is IAssemblySymbol assembly && !wrapped.Contains(assembly.Name) && policy.CheckAssembly(assembly.Name) is { } verdict)
            {
                banned.Add((assembly.Name, verdict));
            }
        }

        if (banned.Count == 0)
        {
            return;
        }

        context.RegisterCompilationEndAction(end =>
        {
            foreach (var (name, verdict) in banned)
            {
                end.ReportDiagnostic(VerdictDiagnostics.Create(Descriptors.BannedAssemblyReference, Location.None, name, verdict));
            }
        });
    }
#pragma warning restore RS1013

    /// <summary>Packages the package check found to be brought in only by approved wrappers: their assemblies are expected.</summary>
    private static HashSet<string> WrappedPackages(AnalyzerOptions options, System.Threading.CancellationToken cancellationToken)
    {
        var wrapped = new HashSet<string>(System.StringComparer.OrdinalIgnoreCase);
        foreach (var file in options.AdditionalFiles)
        {
            if (string.Equals(System.IO.Path.GetFileName(file.Path), PackageFinding.ResultFileName, System.StringComparison.OrdinalIgnoreCase)
                && file.GetText(cancellationToken)?.ToString() is { } text
                && PackageFinding.ParseAll(text) is { } findings)
            {
                wrapped.UnionWith(findings.Where(f => f.IsWrappedPackage).Select(f => f.Message));
            }
        }

        return wrapped;
    }
}
