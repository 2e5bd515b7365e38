using CodeLeakGuard.Matching;
using CodeLeakGuard.Versioning;

namespace CodeLeakGuard.Core.Tests;

public class MatchingTests
{
    [Theory]
    [InlineData("OpenAI", "openai", true)]
    [InlineData("OpenAI.*", "OpenAI.Chat", true)]
    [InlineData("OpenAI.*", "OpenAI", false)]
    [InlineData("Betalgo.OpenAI*", "Betalgo.OpenAI.Utilities", true)]
    [InlineData("A?C", "ABC", true)]
    [InlineData("A?C", "AC", false)]
    [InlineData("*", "", true)]
    public void Wildcard_names_match_case_insensitively(string pattern, string value, bool expected) =>
        Assert.Equal(expected, new WildcardPattern(pattern).IsMatch(value));

    [Fact]
    public void Namespace_patterns_can_be_case_sensitive_and_cover_children()
    {
        var pattern = new WildcardPattern("OpenAI", ignoreCase: false);
        Assert.True(pattern.IsMatchOrParentOf("OpenAI.Chat.Internal"));
        Assert.False(pattern.IsMatchOrParentOf("openai.Chat"));
        Assert.False(pattern.IsMatchOrParentOf("OpenAIExtensions"));
    }

    [Theory]
    [InlineData("api.openai.com", "API.OpenAI.com", "", true)]
    [InlineData("*.openai.azure.com", "contoso.openai.azure.com", "", true)]
    [InlineData("*.openai.azure.com", "a.b.openai.azure.com", "", true)]
    [InlineData("*.openai.azure.com", "openai.azure.com", "", false)]
    [InlineData("bedrock-runtime.*.amazonaws.com", "bedrock-runtime.eu-west-1.amazonaws.com", "", true)]
    [InlineData("*-aiplatform.googleapis.com", "us-central1-aiplatform.googleapis.com", "", true)]
    [InlineData("*-aiplatform.googleapis.com", "aiplatform.googleapis.com", "", false)]
    [InlineData("openrouter.ai/api", "openrouter.ai", "/api/v1/chat", true)]
    [InlineData("openrouter.ai/api", "openrouter.ai", "/docs", false)]
    [InlineData("https://ai.contoso.internal:8443/v1", "ai.contoso.internal", "/v1/messages", true)]
    public void Host_patterns_match_hosts_and_paths(string pattern, string host, string path, bool expected)
    {
        var parsed = HostPattern.TryParse(pattern, out var error);
        Assert.Null(error);
        Assert.Equal(expected, parsed!.Matches(host, path));
    }

    [Theory]
    [InlineData("src/Pricing/**", "src/Pricing/Engine/Rules.cs", true)]
    [InlineData("src/Pricing/**", "src/PricingTests/A.cs", false)]
    [InlineData("*.secret.cs", "deep/folder/Keys.secret.cs", true)]
    [InlineData("/Rules.cs", "sub/Rules.cs", false)]
    [InlineData("Pricing/", "src/Pricing/A.cs", true)]
    [InlineData("src/*/Internal/*.cs", "src/Billing/Internal/Tax.cs", true)]
    [InlineData("src/*/Internal/*.cs", "src/Billing/Sub/Internal/Tax.cs", false)]
    [InlineData("hidden/**", ".hidden/secret.cs", false)]
    [InlineData(".github/**", "./.github/workflows/ci.yml", true)]
    public void Path_globs_follow_gitignore_conventions(string glob, string path, bool expected) =>
        Assert.Equal(expected, PathGlob.Parse(glob).IsMatch(path));

    [Theory]
    [InlineData("[2.0,3.0)", "2.15.0", true)]
    [InlineData("[2.0,3.0)", "3.0.0", false)]
    [InlineData("[2.0,3.0)", "3.0.0-beta.1", true)]
    [InlineData("(,2.0]", "2.0", true)]
    [InlineData("(1.0,)", "1.0", false)]
    [InlineData("[13.12.0]", "13.12.0", true)]
    [InlineData("[13.12.0]", "13.12.1", false)]
    [InlineData("2.0", "1.9.9", false)]
    [InlineData("2.0", "10.0.0", true)]
    [InlineData("*", "0.0.1-alpha", true)]
    public void Version_ranges_follow_nuget_semantics(string range, string version, bool expected)
    {
        var parsed = VersionRange.TryParse(range, out var error);
        Assert.Null(error);
        Assert.True(PackageVersion.TryParse(version, out var v));
        Assert.Equal(expected, parsed!.Contains(v));
    }

    [Fact]
    public void Prerelease_versions_sort_before_their_release()
    {
        string[] ordered = ["1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta.2", "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0", "1.0.1"];
        var parsed = ordered.Select(v => { PackageVersion.TryParse(v, out var p); return p; }).ToList();
        Assert.Equal(ordered, parsed.OrderBy(p => p, PackageVersion.Comparer).Select(p => p.Text));
    }
}
