using System.Text.Json;

namespace CodeLeakGuard.Cli.Tests;

/// <summary>The shipped samples/LeakySample, scanned as the README says.</summary>
public class SampleTests
{
    [Fact]
    public void Leaky_sample_fails_with_the_expected_findings_and_none_in_the_clean_file()
    {
        var sample = FindSample();
        Assert.True(File.Exists(Path.Combine(sample, "Diagnostics", "AssistantPolicyNotice.cs")), "the clean sample file is missing");

        var result = CliRunner.Run("scan", sample, "--format", "sarif");

        Assert.True(result.ExitCode == 1, result.ToString());
        using var log = JsonDocument.Parse(result.Stdout);
        var findings = Sarif.Results(log)
            .Select(r => (Rule: r.GetProperty("ruleId").GetString(), File: Sarif.Uri(r), Line: Sarif.Region(r).GetProperty("startLine").GetInt32()))
            .ToList();

        Assert.Contains(findings, f => f is { Rule: "CLG1001", File: "Support/SupportChatbot.cs", Line: 3 });
        Assert.Contains(findings, f => f is { Rule: "CLG1003", File: "ReleaseNotes/ReleaseNotesSummarizer.cs" });
        Assert.Contains(findings, f => f is { Rule: "CLG1005", File: "ReleaseNotes/ReleaseNotesSummarizer.cs" });
        Assert.DoesNotContain(findings, f => f.File == "Diagnostics/AssistantPolicyNotice.cs");
    }

    [Fact]
    public void Leaky_sample_table_lists_each_leaking_file()
    {
        var result = CliRunner.Run("scan", FindSample());

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("Support/SupportChatbot.cs:3:7", result.Stdout);
        Assert.Contains("ReleaseNotes/ReleaseNotesSummarizer.cs", result.Stdout);
        Assert.DoesNotContain("AssistantPolicyNotice", result.Stdout);
        Assert.Contains("in 3 files", result.Stdout);
    }

    private static string FindSample()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "samples", "LeakySample");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("samples/LeakySample not found above " + AppContext.BaseDirectory);
    }
}
