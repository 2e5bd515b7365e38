using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using CodeLeakGuard.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CodeLeakGuard.Analyzers.Policy;

/// <summary>
/// CLG9001/CLG9002: problems in a policy file, reported at its file:line through the additional-file action, so the
/// IDE shows them in the policy file itself. CLG9003: a policy file named by the <c>CodeLeakGuardPolicyFile</c> MSBuild
/// property that did not arrive as an additional file — a missing policy is an error, never a silent pass.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class PolicyFileAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Full paths of the policy files the project names (<c>;</c>-separated), set by the package's targets.</summary>
    internal const string PolicyFileProperty = "build_property.CodeLeakGuardNamedPolicyFiles";

    /// <summary>True in a real build, where the package check task reports CLG9003 itself.</summary>
    internal const string CheckedInBuildProperty = "build_property.CodeLeakGuardPackageCheckInBuild";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        Descriptors.PolicyMalformedLine, Descriptors.PolicyIneffectiveLine, Descriptors.PolicyFileMissing);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterAdditionalFileAction(AnalyzePolicyFile);
        context.RegisterCompilationAction(CheckNamedPolicyFiles);
    }

    private static void AnalyzePolicyFile(AdditionalFileAnalysisContext context)
    {
        if (!PolicyFiles.IsPolicyFile(context.AdditionalFile.Path))
        {
            return;
        }

        var text = context.AdditionalFile.GetText(context.CancellationToken);
        var document = CodeLeakGuard.Policy.PolicyParser.Parse(text?.ToString(), context.AdditionalFile.Path);
        foreach (var problem in document.Diagnostics)
        {
            var descriptor = problem.Id == RuleIdentifiers.PolicyMalformedLine ? Descriptors.PolicyMalformedLine : Descriptors.PolicyIneffectiveLine;
            context.ReportDiagnostic(Diagnostic.Create(descriptor, PolicyFiles.ToLocation(problem.Location, text), problem.Message));
        }
    }

    private static void CheckNamedPolicyFiles(CompilationAnalysisContext context)
    {
        var globals = context.Options.AnalyzerConfigOptionsProvider.GlobalOptions;
        if (!globals.TryGetValue(PolicyFileProperty, out var named) || string.IsNullOrWhiteSpace(named)
            || (globals.TryGetValue(CheckedInBuildProperty, out var inBuild) && string.Equals(inBuild, "true", StringComparison.OrdinalIgnoreCase)))
        {
            return;
        }

        var present = context.Options.AdditionalFiles.Select(f => Normalize(f.Path)).ToImmutableHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var path in named.Split(new[] { ';' }, StringSplitOptions.RemoveEmptyEntries).Select(p => p.Trim()).Where(p => p.Length > 0))
        {
            if (!present.Contains(Normalize(path)))
            {
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.PolicyFileMissing, Location.None, path));
            }
        }
    }

    private static string Normalize(string path) => path.Replace('\\', '/');
}
