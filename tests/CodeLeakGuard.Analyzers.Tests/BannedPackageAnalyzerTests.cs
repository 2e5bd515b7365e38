using CodeLeakGuard.Analyzers.Packages;
using CodeLeakGuard.Analyzers.Policy;
using CodeLeakGuard.Analyzers.Tests.Verifiers;
using CodeLeakGuard.PackageCheck;
using Microsoft.CodeAnalysis;

namespace CodeLeakGuard.Analyzers.Tests;

/// <summary>CLG1010 in the IDE: findings the package check handed to the compiler are reported at the reference line.</summary>
public class BannedPackageAnalyzerTests
{
    private static readonly string ResultFile = string.Join("\n",
        PackageFinding.ResultHeader + "stamp",
        new PackageFinding("CLG1010", "error", "/repo/App/App.csproj", 12, 5, "Package 'OpenAI' 2.15.0 is banned: 'App' -> 'OpenAI' 2.15.0").ToLine(),
        new PackageFinding("CLG1010", "warning", "/repo/Directory.Packages.props", 4, 5, "Package 'Newtonsoft.Json' 13.0.3 is banned").ToLine(),
        PackageFinding.Wrapped("Anthropic").ToLine(),
        string.Empty);

    [Fact]
    public async Task Findings_are_reported_at_their_project_file_lines_with_their_severity()
    {
        var test = new AnalyzerTest<BannedPackageAnalyzer>
        {
            Markup = "class C { }",
            References = TestReferences.Runtime,
            AdditionalFiles = [("/repo/App/obj/Debug/net10.0/" + PackageFinding.ResultFileName, ResultFile)],
        };

        var diagnostics = (await test.GetDiagnosticsAsync()).OrderBy(d => d.Severity).ToList();

        Assert.Equal(2, diagnostics.Count);
        var error = diagnostics.Single(d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal(("/repo/App/App.csproj", 11, 4), (error.Location.GetLineSpan().Path, error.Location.GetLineSpan().StartLinePosition.Line, error.Location.GetLineSpan().StartLinePosition.Character));
        Assert.Contains("'App' -> 'OpenAI' 2.15.0", error.GetMessage());
        Assert.Equal(RuleIdentifiers.BannedPackage, error.Id);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostics.Single(d => d.Id == RuleIdentifiers.BannedPackage && d.Severity != DiagnosticSeverity.Error).Severity);
    }

    [Fact]
    public async Task Nothing_is_reported_in_a_real_build_where_the_task_reports()
    {
        var test = new AnalyzerTest<BannedPackageAnalyzer>
        {
            Markup = "class C { }",
            References = TestReferences.Runtime,
            AdditionalFiles = [("/repo/App/obj/" + PackageFinding.ResultFileName, ResultFile)],
            GlobalOptions = new Dictionary<string, string> { [PolicyFileAnalyzer.CheckedInBuildProperty] = "true" },
        };

        Assert.Empty(await test.GetDiagnosticsAsync());
    }

    [Fact]
    public async Task A_damaged_result_file_is_ignored_without_crashing()
    {
        var test = new AnalyzerTest<BannedPackageAnalyzer>
        {
            Markup = "class C { }",
            References = TestReferences.Runtime,
            AdditionalFiles = [("/repo/App/obj/" + PackageFinding.ResultFileName, "not a result file\n\t\t\t")],
        };

        Assert.Empty(await test.GetDiagnosticsAsync());
    }
}
