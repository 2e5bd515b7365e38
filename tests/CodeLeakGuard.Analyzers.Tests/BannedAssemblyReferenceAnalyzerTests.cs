using CodeLeakGuard.Analyzers.BannedSdk;
using CodeLeakGuard.Analyzers.Tests.Verifiers;

namespace CodeLeakGuard.Analyzers.Tests;

public class BannedAssemblyReferenceAnalyzerTests
{
    [Fact]
    public async Task A_referenced_banned_assembly_is_reported_once_even_without_use()
    {
        var test = new AnalyzerTest<BannedAssemblyReferenceAnalyzer> { Markup = "class C { }" };

        var diagnostics = await test.GetDiagnosticsAsync();

        Assert.Equal(["Anthropic", "OpenAI"], diagnostics.Select(d => d.GetMessage().Split('\'')[1]).Order());
        Assert.All(diagnostics, d => Assert.Equal(RuleIdentifiers.BannedAssemblyReference, d.Id));
    }

    [Fact]
    public async Task Neutral_abstractions_and_runtime_assemblies_are_not_reported()
    {
        var test = new AnalyzerTest<BannedAssemblyReferenceAnalyzer>
        {
            Markup = "class C { }",
            References = [.. TestReferences.Runtime, TestReferences.FromTestOutput("Microsoft.Extensions.AI.Abstractions")],
        };

        Assert.Empty(await test.GetDiagnosticsAsync());
    }

    [Fact]
    public async Task A_policy_can_allow_the_provider()
    {
        var test = new AnalyzerTest<BannedAssemblyReferenceAnalyzer>
        {
            Markup = "class C { }",
            AdditionalFiles = [("/repo/codeleakguard.policy", "allow provider Anthropic\n")],
        };

        var diagnostic = Assert.Single(await test.GetDiagnosticsAsync());
        Assert.Contains("'OpenAI'", diagnostic.GetMessage());
    }
}
