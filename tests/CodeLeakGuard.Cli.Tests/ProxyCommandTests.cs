using CodeLeakGuard.Cli.Proxy;

namespace CodeLeakGuard.Cli.Tests;

/// <summary>`codeleakguard proxy` refuses bad configurations at once (the server itself is tested in the gateway tests).</summary>
public class ProxyCommandTests
{
    [Theory]
    [InlineData("--upstream", "ftp://api.anthropic.com", "not an upstream")]
    [InlineData("--listen", "http://0.0.0.0:8787", "loopback")]
    [InlineData("--mode", "shred", "not mask or block")]
    [InlineData("--policy", "/nonexistent/ai.clgpolicy", "does not exist")]
    [InlineData("--upstream-proxy", "socks5://proxy.corp:1080", "not a proxy address")]
    [InlineData("--timeout", "0", "at least 1 second")]
    [InlineData("--max-body", "10", "at least 1024 bytes")]
    [InlineData("--max-concurrent", "0", "at least 1")]
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
    public void Two_upstreams_of_the_same_name_are_refused()
    {
        var result = CliRunner.Run("proxy", "--listen", "http://127.0.0.1:0", "--upstream", "http://127.0.0.1:9901", "--upstream", "http://127.0.0.1:9902");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("two upstreams are named '127'", result.Stderr);
    }

    [Fact]
    public void An_audit_file_that_cannot_be_written_is_a_clear_error()
    {
        var directory = Directory.CreateTempSubdirectory().FullName;

        var result = CliRunner.Run("proxy", "--listen", "http://127.0.0.1:0", "--upstream", "https://api.anthropic.com", "--audit", directory);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"the audit file '{directory}' cannot be opened", result.Stderr);
        Assert.DoesNotContain("internal error", result.Stderr);
    }

    [Fact]
    public void A_port_already_taken_is_a_clear_error()
    {
        using var taken = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        taken.Start();
        var port = ((System.Net.IPEndPoint)taken.LocalEndpoint).Port;

        var result = CliRunner.Run("proxy", "--listen", $"http://127.0.0.1:{port}", "--upstream", "https://api.anthropic.com");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"cannot listen on http://127.0.0.1:{port}/", result.Stderr);
        Assert.DoesNotContain("internal error", result.Stderr);
    }

    [Fact]
    public void An_upstream_is_required()
    {
        var result = CliRunner.Run("proxy");

        Assert.Equal(2, result.ExitCode);
    }

    [Fact]
    public void The_policys_passthrough_lines_reach_the_gateway()
    {
        var policy = Path.Combine(Directory.CreateTempSubdirectory().FullName, "ai.clgpolicy");
        File.WriteAllText(policy, "allow passthrough api.anthropic.com/v1/models\n");

        var options = ProxyCommand.Options("http://127.0.0.1:8787", ["https://api.anthropic.com"], "mask", null, policy, 300, 1 << 20, 4, [], false);

        Assert.True(options.AllowPassThrough(new Uri("https://api.anthropic.com/v1/models")));
        Assert.False(options.AllowPassThrough(new Uri("https://api.anthropic.com/v1/files")));
    }

    [Fact]
    public void The_policys_image_setting_reaches_the_gateway()
    {
        var policy = Path.Combine(Directory.CreateTempSubdirectory().FullName, "ai.clgpolicy");
        File.WriteAllText(policy, "set images=withhold\n");

        var options = ProxyCommand.Options("http://127.0.0.1:8787", ["https://api.anthropic.com"], "mask", null, policy, 300, 1 << 20, 4, [], false);

        Assert.Equal(CodeLeakGuard.Policy.ImageHandling.Withhold, options.Images);
    }

    [Fact]
    public void A_malformed_passthrough_line_is_a_policy_error()
    {
        var policy = Path.Combine(Directory.CreateTempSubdirectory().FullName, "ai.clgpolicy");
        File.WriteAllText(policy, "allow passthrough *\n");

        var result = CliRunner.Run("proxy", "--upstream", "https://api.anthropic.com", "--policy", policy);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("ai.clgpolicy(1,19)", result.Stderr);
        Assert.Contains("every host", result.Stderr);
    }
}
