using System;
using System.Collections.Generic;
using System.IO;

namespace CodeLeakGuard.Cli.Export;

/// <summary>Every file the export touches, and the problems that stop it from touching any.</summary>
internal sealed record ExportPlan(IReadOnlyList<ExportFile> Files, IReadOnlyList<string> Errors);

/// <summary>
/// Computes what every exclusion file should hold for an inventory, from what is on disk now. Nothing is written
/// here: the command writes the plan, or with <c>--check</c> only compares it, and a plan with errors is never written.
/// </summary>
internal static class IgnoreExporter
{
    public static ExportPlan Plan(string root, ProprietaryInventory inventory)
    {
        var files = new List<ExportFile>();
        var errors = new List<string>();
        foreach (var format in IgnoreFileFormat.All)
        {
            PlanBlockFile(root, format.FileName, format.RenderBlock(inventory), format.EmptyFileExcludesEverything, files, errors);
        }

        PlanBlockFile(root, CopilotExclusionWriter.FileName, CopilotExclusionWriter.RenderBlock(inventory), emptyFileExcludesEverything: false, files, errors);
        PlanClaude(root, ClaudeSettingsMerger.RenderRules(inventory), files, errors);
        return new ExportPlan(files, errors);
    }

    private static void PlanBlockFile(string root, string relativePath, IReadOnlyList<string> body, bool emptyFileExcludesEverything, List<ExportFile> files, List<string> errors)
    {
        if (!TryRead(root, relativePath, out var current, out var text, errors))
        {
            return;
        }

        if (emptyFileExcludesEverything && text is not null && !GeneratedBlock.HasBlock(text) && !GeneratedBlock.HasPatterns(text))
        {
            files.Add(new ExportFile(relativePath, current, current, $"left as it is: a {relativePath} without patterns already excludes everything"));
            return;
        }

        var desired = GeneratedBlock.Apply(text, body, out var error);
        if (error is not null)
        {
            errors.Add($"{relativePath}: {error}");
            return;
        }

        files.Add(new ExportFile(relativePath, current, ExportFile.Encode(desired, current)));
    }

    private static void PlanClaude(string root, IReadOnlyList<string> rules, List<ExportFile> files, List<string> errors)
    {
        var settingsRead = TryRead(root, ClaudeSettingsMerger.SettingsPath, out var settingsBytes, out var settings, errors);
        var ledgerRead = TryRead(root, ClaudeSettingsMerger.LedgerPath, out var ledgerBytes, out var ledger, errors);
        if (!settingsRead || !ledgerRead)
        {
            return;
        }

        var merge = ClaudeSettingsMerger.Merge(settings, ledger, rules);
        if (merge.Error is not null)
        {
            errors.Add(merge.Error + "; fix it by hand and rerun");
            return;
        }

        files.Add(new ExportFile(ClaudeSettingsMerger.SettingsPath, settingsBytes, ReferenceEquals(merge.Settings, settings) ? settingsBytes : ExportFile.Encode(merge.Settings, settingsBytes)));
        files.Add(new ExportFile(ClaudeSettingsMerger.LedgerPath, ledgerBytes, ExportFile.Encode(merge.Ledger, ledgerBytes)));
    }

    private static bool TryRead(string root, string relativePath, out byte[]? bytes, out string? text, List<string> errors)
    {
        bytes = null;
        text = null;
        try
        {
            bytes = ExportFile.ReadBytes(root, relativePath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            errors.Add($"{relativePath}: cannot read it: {ex.Message}");
            return false;
        }

        text = ExportFile.Decode(bytes, out var error);
        if (error is not null)
        {
            errors.Add($"{relativePath} {error}");
            return false;
        }

        return true;
    }
}
