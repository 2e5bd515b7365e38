using System.ComponentModel;
using System.Diagnostics;
using CodeLeakGuard.Cli.Export;
using CodeLeakGuard.Matching;

namespace CodeLeakGuard.Cli.Tests;

/// <summary>How policy globs are translated into each dialect.</summary>
public class ExportGlobTests
{
    [Theory]
    [InlineData("src/Pricing/**", true, false, "src/Pricing/**")]
    [InlineData("/Secrets", true, false, "Secrets")]
    [InlineData("*.secret.cs", false, false, "*.secret.cs")]
    [InlineData("docs/internal/", true, true, "docs/internal")]
    [InlineData("generated/", false, true, "generated")]
    [InlineData(@"src\Pricing\**", true, false, "src/Pricing/**")]
    [InlineData("src/**.cs", true, false, "src/*.cs|src/*/**/*.cs")]
    [InlineData("Pricing**", false, false, "Pricing*|Pricing*/**/*")]
    [InlineData("x**/b.cs", true, false, "xb.cs|x*/**/b.cs")]
    [InlineData("**/Pricing/**", true, false, "**/Pricing/**")]
    public void Glob_is_read_as_PathGlob_reads_it(string pattern, bool anchored, bool folder, string variants)
    {
        var glob = ExportGlob.Parse(pattern)!;

        Assert.Equal(anchored, glob.Anchored);
        Assert.Equal(folder, glob.Folder);
        Assert.Equal(variants.Split('|'), glob.Variants);
    }

    [Fact]
    public void Glob_without_a_body_exports_nothing() => Assert.Null(ExportGlob.Parse("/"));

    [Fact]
    public void Each_dialect_renders_anchoring_folders_escapes_and_split_globs()
    {
        var inventory = new ProprietaryInventory(
            new[] { "src/Pricing/", "generated/", "src/**.cs", "[draft]*.cs", "#notes.cs" },
            new[] { "src/Odd [1]/Weird*.cs" },
            new[] { "src/pricing/Rates.cs" },
            ScannedSourceFiles: 3);

        var gitignore = IgnoreFileFormat.All.Single(f => f.FileName == ".cursorignore").RenderBlock(inventory);
        var claude = ClaudeSettingsMerger.RenderRules(inventory).Where(r => r.StartsWith("Read(", StringComparison.Ordinal));
        var copilot = CopilotExclusionWriter.RenderBlock(inventory).Where(l => l.StartsWith('-'));

        Assert.Equal(
            new[]
            {
                "# Cursor: proprietary code under the CodeLeakGuard policy. Advisory only: shells, scripts and copy-paste bypass it.",
                "# proprietary path globs of the policy",
                "/src/Pricing/",
                "generated/",
                "/src/*.cs",
                "/src/*/**/*.cs",
                @"\[draft]*.cs",
                @"\#notes.cs",
                "# files with proprietary code (in-source markers, policy namespace/type/member rules)",
                @"/src/Odd \[1]/Weird\*.cs",
                "# files a policy glob covers only when letter case is ignored (this format matches case exactly)",
                "/src/pricing/Rates.cs",
            },
            gitignore);
        Assert.Equal(
            new[]
            {
                "Read(/src/Pricing/**)",
                "Read(/**/generated/**)",
                "Read(/src/*.cs)",
                "Read(/src/*/**/*.cs)",
                @"Read(/**/\[draft]*.cs)",
                "Read(/**/#notes.cs)",
                @"Read(/src/Odd \[1]/Weird\*.cs)",
                "Read(/src/pricing/Rates.cs)",
            },
            claude);
        Assert.Equal(
            new[]
            {
                "- \"/src/Pricing/**\"",
                "- \"**/generated/**\"",
                "- \"/src/*.cs\"",
                "- \"/src/*.cs/**\"",
                "- \"/src/*/**/*.cs\"",
                "- \"/src/*/**/*.cs/**\"",
                @"- ""\\[draft]*.cs""",
                @"- ""**/\\[draft]*.cs/**""",
                "- \"#notes.cs\"",
                "- \"**/#notes.cs/**\"",
                @"- ""/src/Odd \\[1]/Weird\\*.cs""",
            },
            copilot);
    }

    [Fact]
    public void No_format_ever_gets_a_negation()
    {
        var inventory = new ProprietaryInventory(new[] { "!important.cs", "src/!draft/**" }, Array.Empty<string>(), Array.Empty<string>(), 0);

        Assert.Equal(new[] { ".aiexclude" }, IgnoreFileFormat.All.Where(f => !f.SupportsNegation).Select(f => f.FileName));
        foreach (var format in IgnoreFileFormat.All)
        {
            var patterns = format.RenderBlock(inventory).Where(l => !l.StartsWith('#')).ToList();
            Assert.Equal(new[] { @"\!important.cs", "/src/!draft/**" }, patterns);
        }

        Assert.All(ClaudeSettingsMerger.RenderRules(inventory), r => Assert.DoesNotContain("(!", r));
    }

    [Fact]
    public void Empty_inventory_renders_no_block_anywhere()
    {
        var empty = new ProprietaryInventory(Array.Empty<string>(), Array.Empty<string>(), Array.Empty<string>(), 0);

        Assert.All(IgnoreFileFormat.All, f => Assert.Empty(f.RenderBlock(empty)));
        Assert.Empty(CopilotExclusionWriter.RenderBlock(empty));
        Assert.Empty(ClaudeSettingsMerger.RenderRules(empty));
    }

    [Theory]
    [InlineData("src/Pricing/**", "src/Pricing/Engine.cs", true)]
    [InlineData("src/Pricing/**", "src/pricing/Engine.cs", false)]
    [InlineData("src/?ricing/**", "src/Pricing/Engine.cs", true)]
    [InlineData("src/?ricing/**", "src/pricing/Engine.cs", true)]
    [InlineData("*.Secret.cs", "a/b/Keys.Secret.cs", true)]
    [InlineData("*.Secret.cs", "a/b/Keys.secret.cs", false)]
    [InlineData("Ärger/**", "Ärger/x.cs", true)]
    [InlineData("Ärger/**", "ärger/x.cs", false)]
    public void Exact_case_match_reuses_PathGlob(string glob, string path, bool expected)
    {
        Assert.True(PathGlob.Parse(glob).IsMatch(path), "precondition: every row matches when case is ignored");
        Assert.Equal(expected, ExactCaseGlob.IsMatch(glob, path));
    }

    /// <summary>
    /// The gitignore-style output, read by git itself (core.ignorecase off), excludes exactly the paths the policy glob
    /// covers with the exact letter case.
    /// </summary>
    [Fact]
    public void Git_reads_the_gitignore_output_as_the_policy_reads_the_globs()
    {
        var globs = new[] { "src/Pricing/**", "*.secret.cs", "docs/internal/", "src/**.gen.cs", "Tools/Scripts", "Drafts**" };
        var paths = new[]
        {
            "src/Pricing/Engine.cs", "src/Pricing/Deep/Er/Rates.cs", "src/PricingX/Engine.cs", "lib/src/Pricing/Engine.cs",
            "Keys.secret.cs", "a/b/Keys.secret.cs", "a/b/Keys.secret.csx", "a/b.secret.cs/Inner.cs",
            "docs/internal/Plan.md", "docs/internal/x/y.md", "other/docs/internal/Plan.md", "docs/internals.md",
            "src/A.gen.cs", "src/x/y/A.gen.cs", "lib/src/A.gen.cs", "src/A.cs",
            "Tools/Scripts/run.sh", "x/Tools/Scripts/run.sh",
            "Drafts.md", "Drafts/a/b.md", "x/Drafts2/c.md", "x/y/Draft.md",
            "src/pricing/Engine.cs",
        };
        using var repo = new TempDirectory();
        foreach (var path in paths)
        {
            repo.Write(path, "x\n");
        }

        var inventory = new ProprietaryInventory(globs, Array.Empty<string>(), Array.Empty<string>(), 0);
        repo.Write(".gitignore", string.Join("\n", IgnoreFileFormat.All[0].RenderBlock(inventory)) + "\n");
        if (!Git(repo.Path, out _, "init", "-q") || !Git(repo.Path, out _, "config", "core.ignorecase", "false"))
        {
            return; // no git on this machine: nothing to compare against
        }

        Git(repo.Path, out var ignored, new[] { "check-ignore", "--no-index", "--" }.Concat(paths).ToArray());
        var byGit = ignored.Split('\n', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        Assert.Contains("src/Pricing/Deep/Er/Rates.cs", byGit);
        foreach (var path in paths)
        {
            var byPolicy = globs.Any(g => ExactCaseGlob.IsMatch(g, path));
            Assert.True(byPolicy == byGit.Contains(path), $"{path}: policy says {byPolicy}, git says {byGit.Contains(path)}");
        }
    }

    private static bool Git(string directory, out string stdout, params string[] arguments)
    {
        stdout = string.Empty;
        var start = new ProcessStartInfo("git") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            using var process = Process.Start(start)!;
            stdout = process.StandardOutput.ReadToEnd();
            process.StandardError.ReadToEnd();
            process.WaitForExit();
            return process.ExitCode is 0 or 1;
        }
        catch (Win32Exception)
        {
            return false;
        }
    }
}
