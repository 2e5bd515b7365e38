using System;
using System.Collections.Immutable;
using CodeLeakGuard.PackageCheck;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace CodeLeakGuard.Analyzers.Packages;

/// <summary>
/// CLG1010 in the IDE: the package check of the CodeLeakGuard targets writes its findings (banned packages with their
/// dependency paths, at the line of the reference) to an additional file, and this analyzer reports them, so the
/// error list shows them without a command-line build. In a real build the task reports them itself and this stays quiet.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class BannedPackageAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.BannedPackage, Descriptors.PolicyFileMissing);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterAdditionalFileAction(Analyze);
    }

    private static void Analyze(AdditionalFileAnalysisContext context)
    {
        if (!string.Equals(System.IO.Path.GetFileName(context.AdditionalFile.Path), PackageFinding.ResultFileName, StringComparison.OrdinalIgnoreCase)
            || (context.Options.AnalyzerConfigOptionsProvider.GlobalOptions.TryGetValue(Policy.PolicyFileAnalyzer.CheckedInBuildProperty, out var inBuild)
                && string.Equals(inBuild, "true", StringComparison.OrdinalIgnoreCase)))
        {
            return;
        }

        var text = context.AdditionalFile.GetText(context.CancellationToken)?.ToString();
        var findings = text is null ? null : PackageFinding.ParseAll(text);
        if (findings is null)
        {
            return;
        }

        foreach (var finding in findings)
        {
            if (finding.IsWrappedPackage)
            {
                continue;
            }

            var descriptor = finding.Id == RuleIdentifiers.PolicyFileMissing ? Descriptors.PolicyFileMissing : Descriptors.BannedPackage;
            var position = new LinePosition(Math.Max(0, finding.Line - 1), Math.Max(0, finding.Column - 1));
            var location = Location.Create(finding.File, default, new LinePositionSpan(position, position));
            var severity = finding.Severity switch
            {
                "warning" => DiagnosticSeverity.Warning,
                "info" => DiagnosticSeverity.Info,
                _ => DiagnosticSeverity.Error,
            };
            var message = descriptor == Descriptors.PolicyFileMissing ? ExtractPath(finding.Message) : finding.Message;
            context.ReportDiagnostic(Diagnostic.Create(descriptor, location, severity, null, null, message));
        }
    }

    private static string ExtractPath(string message)
    {
        var start = message.IndexOf('\'');
        var end = start >= 0 ? message.IndexOf('\'', start + 1) : -1;
        return end > start ? message.Substring(start + 1, end - start - 1) : message;
    }
}
