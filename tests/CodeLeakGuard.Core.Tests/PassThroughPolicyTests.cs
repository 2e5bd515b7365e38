using CodeLeakGuard.Policy;

namespace CodeLeakGuard.Core.Tests;

/// <summary><c>allow passthrough &lt;host[/path]&gt;</c>: which requests the masking handler may let through unmasked.</summary>
public class PassThroughPolicyTests
{
    private const string Path = "policy/codeleakguard.policy";

    [Fact]
    public void Passthrough_lines_parse_into_endpoint_rules()
    {
        var document = PolicyParser.Parse("""
            allow passthrough api.anthropic.com/v1/models reason="model list, no code"
            allow passthrough *.contoso.internal
            ALLOW PASSTHROUGH https://api.openai.com:443/v1/files
            """, Path);

        Assert.Empty(document.Diagnostics);
        Assert.Empty(document.Entries); // not a ban/allow entry: the analyzers never see it
        Assert.Equal(["api.anthropic.com/v1/models", "*.contoso.internal", "api.openai.com/v1/files"], document.PassThrough.Select(r => r.Endpoint.Text));
        Assert.Equal("model list, no code", document.PassThrough[0].Reason);
        Assert.Equal((1, 19), (document.PassThrough[0].Location.Line, document.PassThrough[0].Location.Column));
    }

    [Theory]
    [InlineData("https://api.anthropic.com/v1/models", true)]
    [InlineData("https://API.Anthropic.com/v1/models/claude-sonnet-4-5", true)]
    [InlineData("https://api.anthropic.com/v1/messages", false)]
    [InlineData("https://evil.example/v1/models", false)]
    [InlineData("http://ai.gateway.contoso.internal:8080/anything", true)]
    [InlineData("https://contoso.internal.evil.example/anything", false)]
    public void A_policy_allows_passthrough_only_where_a_line_says(string url, bool allowed)
    {
        var policy = new AiPolicy([
            PolicyParser.Parse("allow passthrough api.anthropic.com/v1/models", "a.clgpolicy"),
            PolicyParser.Parse("allow passthrough *.contoso.internal", "b.clgpolicy"),
        ]);

        Assert.Equal(allowed, policy.AllowsPassThrough(new Uri(url)));
    }

    [Fact]
    public void Without_a_line_nothing_passes()
    {
        Assert.False(AiPolicy.Default.AllowsPassThrough(new Uri("https://api.anthropic.com/v1/models")));
    }

    [Theory]
    [InlineData("ban passthrough api.anthropic.com", 1, "only 'allow passthrough")]
    [InlineData("allow passthrough", 7, "needs an endpoint")]
    [InlineData("allow passthrough api..anthropic.com", 19, "empty DNS label")]
    [InlineData("allow passthrough *", 19, "every host")]
    [InlineData("allow passthrough *.*/v1", 19, "every host")]
    [InlineData("allow passthrough api.anthropic.com api.openai.com", 37, "one endpoint a line")]
    [InlineData("allow passthrough api.anthropic.com mode=all", 37, "unknown option 'mode'")]
    [InlineData("allow passthrough api.anthropic.com reason=a reason=b", 46, "given twice")]
    public void Malformed_passthrough_lines_are_reported_at_file_line_and_column(string line, int column, string message)
    {
        var document = PolicyParser.Parse("# header\n" + line + "\n", Path);

        var diagnostic = Assert.Single(document.Diagnostics);
        Assert.Equal(PolicyDiagnostic.MalformedLineId, diagnostic.Id);
        Assert.Equal((Path, 2, column), (diagnostic.Location.Path, diagnostic.Location.Line, diagnostic.Location.Column));
        Assert.Contains(message, diagnostic.Message);
        Assert.Empty(document.PassThrough);
    }

    [Fact]
    public void A_repeated_line_is_a_warning()
    {
        var document = PolicyParser.Parse("allow passthrough api.anthropic.com/v1/models\nallow passthrough API.anthropic.com/v1/models\n", Path);

        var diagnostic = Assert.Single(document.Diagnostics);
        Assert.Equal((PolicyDiagnostic.IneffectiveLineId, FindingSeverity.Warning, 2), (diagnostic.Id, diagnostic.Severity, diagnostic.Location.Line));
        Assert.Contains("already on line 1", diagnostic.Message);
        Assert.Single(document.PassThrough);
    }
}
