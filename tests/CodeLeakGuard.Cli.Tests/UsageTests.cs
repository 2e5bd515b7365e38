namespace CodeLeakGuard.Cli.Tests;

public class UsageTests
{
    [Fact]
    public void Unknown_option_exits_2()
    {
        using var dir = new TempDirectory();
        dir.Write("App.cs", "class App { }");

        var result = CliRunner.Run("scan", dir.Path, "--frobnicate");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("--frobnicate", result.Stderr);
    }

    [Fact]
    public void Missing_path_exits_2()
    {
        var result = CliRunner.Run("scan");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("path", result.Stderr);
    }

    [Fact]
    public void Nonexistent_path_exits_2()
    {
        var missing = Path.Combine(Path.GetTempPath(), "clg-cli-missing-" + Guid.NewGuid().ToString("N"));

        var result = CliRunner.Run("scan", missing);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("does not exist", result.Stderr);
    }

    [Fact]
    public void Unknown_format_exits_2()
    {
        using var dir = new TempDirectory();

        var result = CliRunner.Run("scan", dir.Path, "--format", "xml");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("xml", result.Stderr);
    }

    [Fact]
    public void No_command_exits_2()
    {
        var result = CliRunner.Run();

        Assert.True(result.ExitCode == 2, result.ToString());
    }

    [Fact]
    public void Help_exits_0_and_documents_the_options()
    {
        var result = CliRunner.Run("scan", "--help");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("--policy", result.Stdout);
        Assert.Contains("--format", result.Stdout);
        Assert.Contains("--output", result.Stdout);
    }
}
