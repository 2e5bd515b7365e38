namespace CodeLeakGuard.Cli.Tests;

public class PolicyTests
{
    [Fact]
    public void Malformed_policy_line_exits_2_and_names_the_policy_file_and_line()
    {
        using var dir = new TempDirectory();
        dir.Write("codeleakguard.policy", """
            # Company AI policy
            ban provider OpenAI
            ban sdk OpenAI reason="typo: sdk is not a target"
            """);
        dir.Write("App.cs", "class App { }");

        var result = CliRunner.Run("scan", dir.Path);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("CLG9001", result.Stdout);
        Assert.Contains("codeleakguard.policy:3:", result.Stdout);
        Assert.Contains("'sdk' is not something to ban", result.Stdout);
        Assert.Contains("policy", result.Stderr);
    }

    [Fact]
    public void Malformed_policy_in_sarif_is_a_result_at_the_policy_line()
    {
        using var dir = new TempDirectory();
        dir.Write("team.clgpolicy", "ban provider OpenAI\n\nfrobnicate everything\n");
        dir.Write("App.cs", "class App { }");

        var result = CliRunner.Run("scan", dir.Path, "--format", "sarif");

        Assert.True(result.ExitCode == 2, result.ToString());
        using var log = System.Text.Json.JsonDocument.Parse(result.Stdout);
        var problem = Assert.Single(Sarif.Results(log), r => r.GetProperty("ruleId").GetString() == "CLG9001");
        Assert.Equal("team.clgpolicy", Sarif.Uri(problem));
        Assert.Equal(3, Sarif.Region(problem).GetProperty("startLine").GetInt32());
    }

    [Fact]
    public void Ineffective_policy_line_is_a_warning_and_does_not_fail_the_scan()
    {
        using var dir = new TempDirectory();
        dir.Write("codeleakguard.policy", "ban namespace Contoso.Ai\nban namespace Contoso.Ai\n");
        dir.Write("App.cs", "class App { }");

        var result = CliRunner.Run("scan", dir.Path);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("CLG9002", result.Stdout);
        Assert.Contains("codeleakguard.policy:2:", result.Stdout);
    }

    [Fact]
    public void Policy_at_the_root_is_applied()
    {
        using var dir = new TempDirectory();
        dir.Write("codeleakguard.policy", "ban namespace Contoso.ShadowAi reason=\"unvetted internal fork\"\n");
        dir.Write("src/Uses.cs", "using Contoso.ShadowAi;\nclass Uses { }\n");

        var result = CliRunner.Run("scan", dir.Path);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("CLG1001", result.Stdout);
        Assert.Contains("src/Uses.cs:1:7", result.Stdout);
        Assert.Contains("unvetted internal fork", result.Stdout);
        Assert.Contains("policy: codeleakguard.policy", result.Stdout);
    }

    [Fact]
    public void Without_a_policy_the_same_code_is_clean()
    {
        using var dir = new TempDirectory();
        dir.Write("src/Uses.cs", "using Contoso.ShadowAi;\nclass Uses { }\n");

        var result = CliRunner.Run("scan", dir.Path);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("policy: the built-in catalog", result.Stdout);
    }

    [Fact]
    public void Policy_option_with_any_file_name_is_applied_and_its_problems_point_at_it()
    {
        using var dir = new TempDirectory();
        using var elsewhere = new TempDirectory();
        var policy = elsewhere.Write("company-ai-rules.txt", "ban namespace Contoso.ShadowAi\nnonsense line\n");
        dir.Write("codeleakguard.policy", "ban namespace Somebody.Else\n");
        dir.Write("Uses.cs", "using Contoso.ShadowAi;\nusing Somebody.Else;\nclass Uses { }\n");

        var result = CliRunner.Run("scan", dir.Path, "--policy", policy);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("Uses.cs:1:7", result.Stdout);
        Assert.DoesNotContain("Uses.cs:2:7", result.Stdout); // the root policy is replaced, not merged
        Assert.Contains(policy.Replace('\\', '/') + ":2:1", result.Stdout);
        Assert.DoesNotContain(".txt.clgpolicy", result.Stdout);
    }

    [Fact]
    public void Policy_option_naming_a_missing_file_exits_2()
    {
        using var dir = new TempDirectory();
        dir.Write("App.cs", "using OpenAI;\nclass App { }\n");
        var missing = Path.Combine(dir.Path, "no-such.clgpolicy");

        var result = CliRunner.Run("scan", dir.Path, "--policy", missing);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("no-such.clgpolicy", result.Stderr);
        Assert.Contains("does not exist", result.Stderr);
        Assert.DoesNotContain("CLG1001", result.Stdout);
    }
}
