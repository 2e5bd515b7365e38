using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using CodeLeakGuard.Cli.Scanning;
using CodeLeakGuard.Policy;

namespace CodeLeakGuard.Cli.Export;

/// <summary>
/// <c>codeleakguard export-ignore [&lt;repo&gt;] [--policy &lt;file&gt;] [--check]</c>: writes the policy's proprietary
/// paths and the files with proprietary code into the exclusion format of each AI coding tool, or with
/// <c>--check</c> only says whether the files on disk are current. Exit codes: 0 written or current; 1 out of date
/// (<c>--check</c>) or an existing file that cannot be merged (nothing is written then); 2 bad usage or a bad policy.
/// </summary>
internal static class ExportIgnoreCommand
{
    /// <summary>Out of date, or an existing file that cannot be merged: the "something to fix" code, as for findings.</summary>
    private const int NeedsAttention = ExitCodes.ErrorFindings;

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var repo = new Argument<string>("repo")
        {
            Description = "The repository root the files are written to (default: the current directory). Every *.cs file under it is read, skipping bin/, obj/, .git/ and node_modules/.",
            Arity = ArgumentArity.ZeroOrOne,
            DefaultValueFactory = _ => ".",
        };

        var policy = new Option<string?>("--policy")
        {
            Description = "The policy file. Default: codeleakguard.policy or *.clgpolicy at the repository root, else the built-in catalog (which names nothing proprietary).",
            HelpName = "file",
        };

        var check = new Option<bool>("--check")
        {
            Description = "Write nothing; exit 1 when any exclusion file is out of date (for CI), 0 when all are current.",
        };

        var command = new Command(
            "export-ignore",
            "Write the policy's proprietary paths and the files with proprietary markers into AI tools' exclusion files: .aiexclude, .geminiignore, .cursorignore, .aiignore, .codeiumignore, .aiderignore, .continueignore, Claude Code's .claude/settings.json deny rules and the GitHub Copilot content-exclusion list. Advisory: they steer the tools, they do not enforce.")
        {
            repo, policy, check,
        };

        command.SetAction(parseResult => Execute(parseResult.GetValue(repo) ?? ".", parseResult.GetValue(policy), parseResult.GetValue(check), stdout, stderr));
        return command;
    }

    public static int Execute(string repo, string? policyPath, bool check, TextWriter stdout, TextWriter stderr)
    {
        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(repo));
        if (!Directory.Exists(root))
        {
            stderr.WriteLine(File.Exists(root)
                ? $"codeleakguard: '{repo}' is a file; export-ignore takes the repository's root folder."
                : $"codeleakguard: the repository '{repo}' does not exist.");
            return ExitCodes.UsageOrPolicyError;
        }

        var selection = PolicyLocator.Locate(root, policyPath, out var policyError);
        if (selection is null)
        {
            stderr.WriteLine($"codeleakguard: {policyError}");
            return ExitCodes.UsageOrPolicyError;
        }

        var policy = selection.Files.Count == 0
            ? AiPolicy.Default
            : new AiPolicy(selection.Files.OrderBy(f => f.AnalyzerPath, StringComparer.Ordinal).Select(f => PolicyParser.Parse(f.Text, f.FullPath)));
        if (policy.HasErrors)
        {
            foreach (var diagnostic in policy.Diagnostics.Where(d => d.Severity == FindingSeverity.Error))
            {
                stderr.WriteLine(diagnostic.ToString());
            }

            stderr.WriteLine("codeleakguard: the policy has errors (CLG9001), so nothing was exported: fix the policy lines reported above.");
            return ExitCodes.UsageOrPolicyError;
        }

        ProprietaryInventory inventory;
        ExportPlan plan;
        try
        {
            inventory = ProprietaryFileCollector.Collect(root, policy);
            plan = IgnoreExporter.Plan(root, inventory);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"codeleakguard: cannot read the repository: {ex.Message}");
            return ExitCodes.UsageOrPolicyError;
        }

        if (plan.Errors.Count > 0)
        {
            foreach (var error in plan.Errors)
            {
                stderr.WriteLine($"codeleakguard: {error}");
            }

            stderr.WriteLine("codeleakguard: nothing was written.");
            return NeedsAttention;
        }

        return check ? Check(plan, stdout) : Write(root, plan, inventory, selection.Description, stdout, stderr);
    }

    private static int Check(ExportPlan plan, TextWriter stdout)
    {
        var stale = plan.Files.Where(f => f.IsOutOfDate).ToList();
        if (stale.Count == 0)
        {
            stdout.WriteLine($"codeleakguard export-ignore --check: the exclusion files are up to date ({plan.Files.Count} checked).");
            return ExitCodes.Success;
        }

        stdout.WriteLine($"codeleakguard export-ignore --check: {stale.Count} exclusion file(s) out of date:");
        foreach (var file in stale)
        {
            stdout.WriteLine($"  {file.RelativePath} (would be {Verb(file.Status)})");
        }

        stdout.WriteLine("Run 'codeleakguard export-ignore' and commit the result.");
        return NeedsAttention;
    }

    private static int Write(string root, ExportPlan plan, ProprietaryInventory inventory, string policyDescription, TextWriter stdout, TextWriter stderr)
    {
        try
        {
            foreach (var file in plan.Files)
            {
                file.Apply(root);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"codeleakguard: cannot write the exclusion files: {ex.Message}");
            return ExitCodes.UsageOrPolicyError;
        }

        stdout.WriteLine(
            $"codeleakguard export-ignore: {Count(inventory.PathGlobs.Count, "proprietary path glob")}, {Count(inventory.MarkedFiles.Count, "file")} with proprietary code outside them"
            + $" ({Count(inventory.ScannedSourceFiles, "C# file")} read; policy: {policyDescription}).");
        foreach (var file in plan.Files.Where(f => f.Status != ExportFileStatus.Unchanged || f.Current is not null))
        {
            stdout.WriteLine($"  {Verb(file.Status),-9} {file.RelativePath}{(file.Note is null ? string.Empty : " (" + file.Note + ")")}");
        }

        if (inventory.IsEmpty)
        {
            stdout.WriteLine("Nothing is proprietary under this policy, so no exclusion is written.");
            return ExitCodes.Success;
        }

        stdout.WriteLine("These files are advisory: the AI tools that honour them keep these paths out of their context, but an agent's shell,");
        stdout.WriteLine("scripts and copy-paste bypass them. The masking library and the gateway are the enforcement.");
        stdout.WriteLine($"GitHub Copilot does not read {CopilotExclusionWriter.FileName}: a repository admin pastes it into Settings > Copilot > Content exclusion.");
        return ExitCodes.Success;
    }

    private static string Verb(ExportFileStatus status) => status switch
    {
        ExportFileStatus.Created => "created",
        ExportFileStatus.Updated => "updated",
        ExportFileStatus.Removed => "removed",
        ExportFileStatus.Kept => "kept",
        _ => "unchanged",
    };

    private static string Count(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";
}
