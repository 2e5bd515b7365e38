namespace CodeLeakGuard.Cli.Tests;

/// <summary>`codeleakguard proxy` refuses bad configurations at once (the server itself is tested in the gateway tests).</summary>
public class ProxyCommandTests
{
    [Theory]
    [InlineData("--upstream", "ftp://api.anthropic.com", "not an upstream")]
    [InlineData("--listen", "http://0.0.0.0:8787", "loopback")]
    [InlineData("--mode", "shred", "not mask or block")]
    [InlineData("--policy", "/nonexistent/ai.clgpolicy", "does not exist")]
    public void Bad_configuration_exits_2_with_a_clear_message(string option, string value, string message)
    {
        var args = option == "--upstream"
            ? new[] { "proxy", option, value }
            : new[] { "proxy", "--upstream", "https://api.anthropic.com", option, value };

        var result = CliRunner.Run(args);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Stderr);
    }

    [Fact]
    public void An_upstream_is_required()
    {
        var result = CliRunner.Run("proxy");

        Assert.Equal(2, result.ExitCode);
    }
}
