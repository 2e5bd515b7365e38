namespace CodeLeakGuard.Cli.Tests;

public class TableOutputTests
{
    [Fact]
    public void Banned_using_exits_1_and_the_table_names_the_rule_and_the_file()
    {
        using var dir = new TempDirectory();
        dir.Write("Services/Bot.cs", """
            using System;
            using OpenAI;

            namespace Shop.Services;

            public class Bot { }
            """);

        var result = CliRunner.Run("scan", dir.Path);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("CLG1001", result.Stdout);
        Assert.Contains("Services/Bot.cs:2:7", result.Stdout);
        Assert.Contains("error", result.Stdout);
        Assert.Contains("'OpenAI' belongs to a banned AI SDK", result.Stdout);
        Assert.Contains("1 error, 0 warnings, 0 notes in 1 file", result.Stdout);
    }

    [Fact]
    public void Clean_directory_exits_0_with_no_findings()
    {
        using var dir = new TempDirectory();
        dir.Write("Program.cs", """
            using System;
            using System.Net.Http;

            // Talks to our own service, not to OpenAI.
            class Program
            {
                static void Main() => Console.WriteLine(new Uri("https://assistant.internal.example/v1/chat"));
            }
            """);
        dir.Write("Lib/Math.cs", "namespace Lib; public static class MathUtil { public static int Twice(int x) => 2 * x; }");

        var result = CliRunner.Run("scan", dir.Path);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.DoesNotContain("CLG", result.Stdout);
        Assert.Contains("No findings in 2 files", result.Stdout);
    }

    [Fact]
    public void Warning_only_findings_exit_0_but_are_listed()
    {
        using var dir = new TempDirectory();
        const string source = """
            class Config
            {
                string? Key => System.Environment.GetEnvironmentVariable("OPENAI_API_KEY");
            }
            """;
        dir.Write("Config.cs", source);
        var column = source.Split('\n')[2].IndexOf("\"OPENAI_API_KEY\"", StringComparison.Ordinal) + 1;

        var result = CliRunner.Run("scan", dir.Path);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("CLG1005", result.Stdout);
        Assert.Contains("warning", result.Stdout);
        Assert.Contains($"Config.cs:3:{column}", result.Stdout);
    }

    [Fact]
    public void Bin_obj_git_and_node_modules_are_not_scanned()
    {
        using var dir = new TempDirectory();
        const string leaky = "using OpenAI;\nclass Leak { }\n";
        dir.Write("bin/Debug/Leak.cs", leaky);
        dir.Write("obj/Leak.g.cs", leaky);
        dir.Write(".git/hooks/Leak.cs", leaky);
        dir.Write("web/node_modules/pkg/Leak.cs", leaky);
        dir.Write("src/Ok.cs", "class Ok { }");

        var result = CliRunner.Run("scan", dir.Path);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("No findings in 1 file", result.Stdout);
    }

    [Fact]
    public void A_single_file_can_be_scanned()
    {
        using var dir = new TempDirectory();
        var file = dir.Write("One.cs", "using Anthropic;\nclass One { }\n");
        dir.Write("Other.cs", "using OpenAI;\nclass Other { }\n");

        var result = CliRunner.Run("scan", file);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("One.cs:1:7", result.Stdout);
        Assert.DoesNotContain("Other.cs", result.Stdout);
    }

    [Fact]
    public void Output_option_writes_the_table_to_a_file_and_a_summary_to_stdout()
    {
        using var dir = new TempDirectory();
        dir.Write("src/Bot.cs", "using OpenAI.Chat;\nclass Bot { }\n");
        var report = Path.Combine(dir.Path, "reports", "scan.txt");

        var result = CliRunner.Run("scan", Path.Combine(dir.Path, "src"), "--output", report);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("Bot.cs:1:7", File.ReadAllText(report));
        Assert.Contains("CLG1001", File.ReadAllText(report));
        Assert.Contains("1 error", result.Stdout);
        Assert.Contains(report, result.Stdout);
    }
}
