using CodeLeakGuard.Analyzers.Policy;
using CodeLeakGuard.Analyzers.Tests.Verifiers;

namespace CodeLeakGuard.Analyzers.Tests;

public class PolicyFileAnalyzerTests
{
    [Fact]
    public async Task Policy_problems_are_reported_at_their_file_line_and_column()
    {
        var test = new AnalyzerTest<PolicyFileAnalyzer>
        {
            Markup = "class C { }",
            References = TestReferences.Runtime,
            AdditionalFiles =
            [
                ("/repo/codeleakguard.policy", "# company policy\nban package OpenAI\nban pakage Anthropic\nban package OpenAI\n"),
                ("/repo/other.txt", "ban nonsense here\n"),
            ],
        };

        var diagnostics = (await test.GetDiagnosticsAsync()).OrderBy(d => d.Location.GetLineSpan().StartLinePosition.Line).ToList();

        Assert.Equal(2, diagnostics.Count);
        var malformed = diagnostics[0];
        Assert.Equal(RuleIdentifiers.PolicyMalformedLine, malformed.Id);
        Assert.Equal("/repo/codeleakguard.policy", malformed.Location.GetLineSpan().Path);
        Assert.Equal(2, malformed.Location.GetLineSpan().StartLinePosition.Line); // 0-based: line 3
        Assert.Equal(4, malformed.Location.GetLineSpan().StartLinePosition.Character); // 'pakage'
        Assert.Contains("'pakage'", malformed.GetMessage());

        var duplicate = diagnostics[1];
        Assert.Equal(RuleIdentifiers.PolicyIneffectiveLine, duplicate.Id);
        Assert.Contains("line 2", duplicate.GetMessage());
    }

    [Fact]
    public async Task A_named_policy_file_that_did_not_arrive_is_an_error()
    {
        var test = new AnalyzerTest<PolicyFileAnalyzer>
        {
            Markup = "class C { }",
            References = TestReferences.Runtime,
            GlobalOptions = new Dictionary<string, string> { [PolicyFileAnalyzer.PolicyFileProperty] = "/repo/missing.clgpolicy" },
        };

        var diagnostic = Assert.Single(await test.GetDiagnosticsAsync());
        Assert.Equal(RuleIdentifiers.PolicyFileMissing, diagnostic.Id);
        Assert.Contains("/repo/missing.clgpolicy", diagnostic.GetMessage());
    }

    [Fact]
    public async Task A_named_policy_file_that_arrived_is_fine()
    {
        var test = new AnalyzerTest<PolicyFileAnalyzer>
        {
            Markup = "class C { }",
            References = TestReferences.Runtime,
            AdditionalFiles = [("/repo/company.clgpolicy", "ban package Contoso.ShadowAI\n")],
            GlobalOptions = new Dictionary<string, string> { [PolicyFileAnalyzer.PolicyFileProperty] = "/repo/company.clgpolicy" },
        };

        Assert.Empty(await test.GetDiagnosticsAsync());
    }
}
