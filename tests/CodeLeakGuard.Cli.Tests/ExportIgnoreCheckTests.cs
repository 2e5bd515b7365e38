namespace CodeLeakGuard.Cli.Tests;

/// <summary><c>export-ignore</c> reruns, <c>--check</c> for CI, and the errors that stop it from writing anything.</summary>
public class ExportIgnoreCheckTests
{
    [Fact]
    public void Second_run_changes_no_byte_and_check_passes()
    {
        using var sample = new ExportSample();
        sample.Write(".cursorignore", "# mine\n*.log\n");
        sample.Write(".claude/settings.json", "{\n  \"model\": \"opus\"\n}\n");
        Assert.Equal(0, sample.Export().ExitCode);
        var first = sample.Snapshot();

        var second = sample.Export();
        var check = sample.Export("--check");

        Assert.True(second.ExitCode == 0, second.ToString());
        ExportSample.AssertSame(first, sample.Snapshot());
        foreach (var file in ExportSample.OutputFiles)
        {
            Assert.Contains($"unchanged {file}", second.Stdout);
        }

        Assert.True(check.ExitCode == 0, check.ToString());
        Assert.Contains("the exclusion files are up to date (10 checked)", check.Stdout);
    }

    [Fact]
    public void Check_fails_after_a_new_proprietary_file_and_writes_nothing()
    {
        using var sample = new ExportSample();
        Assert.Equal(0, sample.Export().ExitCode);
        sample.Write("src/Shipping/Routes.cs", "namespace Contoso.Shipping;\n\n[Proprietary]\npublic static class Routes { }\n");
        var before = sample.Snapshot();

        var check = sample.Export("--check");

        Assert.True(check.ExitCode == 1, check.ToString());
        Assert.Contains("out of date", check.Stdout);
        foreach (var file in new[] { ".aiexclude", ".geminiignore", ".cursorignore", ".aiignore", ".codeiumignore", ".aiderignore", ".continueignore", ".github/copilot-content-exclusion.yml", ".claude/settings.json", ".claude/codeleakguard.generated.json" })
        {
            Assert.Contains($"  {file} (would be updated)", check.Stdout);
        }

        Assert.Contains("Run 'codeleakguard export-ignore'", check.Stdout);
        ExportSample.AssertSame(before, sample.Snapshot());

        // Exporting brings it up to date.
        Assert.Equal(0, sample.Export().ExitCode);
        Assert.Contains("/src/Shipping/Routes.cs\n", sample.Read(".aiexclude"));
        Assert.Equal(0, sample.Export("--check").ExitCode);
    }

    [Fact]
    public void Check_before_the_first_export_fails_and_creates_nothing()
    {
        using var sample = new ExportSample();
        var before = sample.Snapshot();

        var check = sample.Export("--check");

        Assert.True(check.ExitCode == 1, check.ToString());
        Assert.Contains("  .aiexclude (would be created)", check.Stdout);
        ExportSample.AssertSame(before, sample.Snapshot());
    }

    [Fact]
    public void Check_fails_when_a_user_edits_inside_the_block()
    {
        using var sample = new ExportSample();
        Assert.Equal(0, sample.Export().ExitCode);
        sample.Write(".geminiignore", sample.Read(".geminiignore").Replace("/src/Legacy/TaxTables.cs\n", string.Empty, StringComparison.Ordinal));

        var check = sample.Export("--check");

        Assert.True(check.ExitCode == 1, check.ToString());
        Assert.Contains("  .geminiignore (would be updated)", check.Stdout);
        Assert.DoesNotContain(".aiexclude", check.Stdout);
    }

    [Fact]
    public void Malformed_claude_settings_are_an_error_and_nothing_is_written()
    {
        using var sample = new ExportSample();
        const string broken = "{\n  \"model\": \"opus\",\n  \"permissions\": { \"deny\": [ \"Bash(curl:*)\" ]\n";
        sample.Write(".claude/settings.json", broken);
        var before = sample.Snapshot();

        var result = sample.Export();

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("codeleakguard: .claude/settings.json is not valid JSON", result.Stderr);
        Assert.Contains("nothing was written", result.Stderr);
        Assert.Equal(broken, sample.Read(".claude/settings.json"));
        Assert.False(sample.Exists(".aiexclude"));
        ExportSample.AssertSame(before, sample.Snapshot());
    }

    [Fact]
    public void Claude_settings_with_comments_are_not_rewritten_without_them()
    {
        using var sample = new ExportSample();
        const string commented = "{\n  // my model\n  \"model\": \"opus\"\n}\n";
        sample.Write(".claude/settings.json", commented);

        var result = sample.Export();

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains(".claude/settings.json is not valid JSON", result.Stderr);
        Assert.Equal(commented, sample.Read(".claude/settings.json"));
    }

    [Fact]
    public void Deny_that_is_not_a_list_is_an_error()
    {
        using var sample = new ExportSample();
        sample.Write(".claude/settings.json", "{ \"permissions\": { \"deny\": \"Bash(curl:*)\" } }\n");

        var result = sample.Export();

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains(".claude/settings.json has a \"permissions.deny\" value that is not a list", result.Stderr);
    }

    [Fact]
    public void Broken_ledger_is_an_error()
    {
        using var sample = new ExportSample();
        sample.Write(".claude/codeleakguard.generated.json", "[]\n");

        var result = sample.Export();

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains(".claude/codeleakguard.generated.json is not a JSON object", result.Stderr);
        Assert.False(sample.Exists(".claude/settings.json"));
    }

    [Fact]
    public void Unterminated_block_is_an_error_and_the_file_is_untouched()
    {
        using var sample = new ExportSample();
        const string broken = "*.log\n# >>> codeleakguard (generated by 'codeleakguard export-ignore'; do not edit inside) >>>\n/src/Old.cs\n";
        sample.Write(".codeiumignore", broken);
        var before = sample.Snapshot();

        var result = sample.Export();

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains(".codeiumignore: its codeleakguard block is broken (marker lines 2)", result.Stderr);
        ExportSample.AssertSame(before, sample.Snapshot());
    }

    [Fact]
    public void Bad_policy_exits_2_and_writes_nothing()
    {
        using var sample = new ExportSample();
        sample.Write("codeleakguard.policy", "proprietary path src/Pricing/**\nproprietary folder src/Secret\n");
        var before = sample.Snapshot();

        var result = sample.Export();

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("CLG9001", result.Stderr);
        Assert.Contains("codeleakguard.policy", result.Stderr);
        ExportSample.AssertSame(before, sample.Snapshot());
    }

    [Fact]
    public void Missing_repository_or_policy_is_bad_usage()
    {
        using var sample = new ExportSample();

        var noRepo = CliRunner.Run("export-ignore", Path.Combine(sample.Root, "nope"));
        var noPolicy = sample.Export("--policy", Path.Combine(sample.Root, "missing.policy"));
        var unknownOption = sample.Export("--frobnicate");

        Assert.True(noRepo.ExitCode == 2, noRepo.ToString());
        Assert.Contains("does not exist", noRepo.Stderr);
        Assert.True(noPolicy.ExitCode == 2, noPolicy.ToString());
        Assert.Contains("does not exist", noPolicy.Stderr);
        Assert.True(unknownOption.ExitCode == 2, unknownOption.ToString());
        Assert.False(sample.Exists(".aiexclude"));
    }

    [Fact]
    public void Repository_without_proprietary_code_gets_no_files()
    {
        using var sample = new ExportSample(withSources: false);
        sample.Delete("codeleakguard.policy");
        sample.Write("src/App.cs", "public static class App { }\n");

        var result = sample.Export();
        var check = sample.Export("--check");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("policy: the built-in catalog", result.Stdout);
        Assert.Contains("Nothing is proprietary under this policy", result.Stdout);
        Assert.All(ExportSample.OutputFiles, file => Assert.False(sample.Exists(file), file));
        Assert.Equal(0, check.ExitCode);
    }

    [Fact]
    public void Help_lists_the_command()
    {
        var result = CliRunner.Run("export-ignore", "--help");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("--check", result.Stdout);
        Assert.Contains("--policy", result.Stdout);
        Assert.Contains(".claude/settings.json", result.Stdout);
    }
}
