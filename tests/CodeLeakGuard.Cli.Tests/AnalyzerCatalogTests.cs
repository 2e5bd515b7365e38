using System.Reflection;
using CodeLeakGuard.Cli.Scanning;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CodeLeakGuard.Cli.Tests;

public class AnalyzerCatalogTests
{
    [Fact]
    public void Every_analyzer_of_the_analyzer_assembly_is_run()
    {
        var declared = AnalyzerCatalog.AnalyzerAssembly.GetTypes()
            .Where(t => !t.IsAbstract && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
            .Select(t => t.Name)
            .Order()
            .ToArray();
        var run = AnalyzerCatalog.CreateAll().Select(a => a.GetType().Name).Order().ToArray();

        Assert.Equal(declared, run);
        Assert.Contains("BannedSdkUsageAnalyzer", run);
        Assert.Contains("AiEndpointAnalyzer", run);
        Assert.Contains("AiApiKeyVariableAnalyzer", run);
        Assert.Contains("PolicyFileAnalyzer", run);
    }

    [Fact]
    public void Rules_are_unique_and_include_the_policy_rules()
    {
        var ids = AnalyzerCatalog.Rules.Select(r => r.Id).ToArray();

        Assert.Equal(ids.Distinct().Count(), ids.Length);
        Assert.Contains("CLG1001", ids);
        Assert.Contains("CLG1003", ids);
        Assert.Contains("CLG1005", ids);
        Assert.Contains("CLG9001", ids);
        Assert.Contains("CLG9002", ids);
    }
}
