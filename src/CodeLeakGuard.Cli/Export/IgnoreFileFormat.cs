using System.Collections.Generic;

namespace CodeLeakGuard.Cli.Export;

/// <summary>
/// One AI tool's gitignore-style exclusion file at the repository root, with the dialect facts its documentation
/// states (docs/export-ignore.md lists them with their sources). What every one of them shares, and what the export
/// relies on: <c>#</c> comments, <c>*</c> <c>?</c> and whole-segment <c>**</c>, a trailing <c>/</c> for folders, a
/// leading <c>/</c> anchoring at the file's folder, a pattern without a slash matching at any depth, and a match on a
/// folder covering everything below it. The export never writes a negation (<c>!</c>), so formats without negation
/// read it the same way.
/// </summary>
/// <param name="FileName">The file name at the repository root.</param>
/// <param name="Tool">The tool (or tools) that read it, for the header and the summary.</param>
/// <param name="SupportsNegation">The documentation says <c>!</c> re-includes; informational (never written).</param>
/// <param name="CaseSensitive">
/// Matches letter case exactly. No documentation of these formats promises case-insensitive matching (.gitignore on a
/// case-sensitive file system matches exactly), so all are treated as case-sensitive: files a policy glob covers only
/// when case is ignored are named on their own.
/// </param>
/// <param name="EmptyFileExcludesEverything">
/// An existing file with no pattern at all excludes everything (documented for .aiexclude): adding patterns to it would
/// narrow the exclusion, so such a file is left as it is.
/// </param>
internal sealed record IgnoreFileFormat(string FileName, string Tool, bool SupportsNegation, bool CaseSensitive, bool EmptyFileExcludesEverything)
{
    /// <summary>Characters a gitignore-style pattern treats specially inside a name: escaped when meant literally.</summary>
    private const string GlobSpecials = "[";
    private const string LiteralSpecials = "\\*?[";

    public static IReadOnlyList<IgnoreFileFormat> All { get; } = new[]
    {
        new IgnoreFileFormat(".aiexclude", "Gemini Code Assist and Android Studio", SupportsNegation: false, CaseSensitive: true, EmptyFileExcludesEverything: true),
        new IgnoreFileFormat(".geminiignore", "Gemini CLI", SupportsNegation: true, CaseSensitive: true, EmptyFileExcludesEverything: false),
        new IgnoreFileFormat(".cursorignore", "Cursor", SupportsNegation: true, CaseSensitive: true, EmptyFileExcludesEverything: false),
        new IgnoreFileFormat(".aiignore", "JetBrains AI Assistant", SupportsNegation: true, CaseSensitive: true, EmptyFileExcludesEverything: false),
        new IgnoreFileFormat(".codeiumignore", "Windsurf", SupportsNegation: true, CaseSensitive: true, EmptyFileExcludesEverything: false),
        new IgnoreFileFormat(".aiderignore", "Aider", SupportsNegation: true, CaseSensitive: true, EmptyFileExcludesEverything: false),
        new IgnoreFileFormat(".continueignore", "Continue", SupportsNegation: true, CaseSensitive: true, EmptyFileExcludesEverything: false),
    };

    /// <summary>The lines between the generated block's markers; empty when there is nothing to exclude.</summary>
    public IReadOnlyList<string> RenderBlock(ProprietaryInventory inventory)
    {
        var lines = new List<string>();
        var globs = new List<string>();
        foreach (var pattern in inventory.PathGlobs)
        {
            if (ExportGlob.Parse(pattern) is { } glob)
            {
                foreach (var variant in glob.Variants)
                {
                    AddOnce(globs, RenderGlob(glob, variant));
                }
            }
        }

        var files = new List<string>();
        foreach (var file in inventory.MarkedFiles)
        {
            AddOnce(files, RenderLiteral(file));
        }

        var caseFiles = new List<string>();
        if (CaseSensitive)
        {
            foreach (var file in inventory.CaseMismatchedFiles)
            {
                AddOnce(caseFiles, RenderLiteral(file));
            }
        }

        if (globs.Count + files.Count + caseFiles.Count == 0)
        {
            return lines;
        }

        lines.Add($"# {Tool}: proprietary code under the CodeLeakGuard policy. Advisory only: shells, scripts and copy-paste bypass it.");
        AddSection(lines, "# proprietary path globs of the policy", globs);
        AddSection(lines, "# files with proprietary code (in-source markers, policy namespace/type/member rules)", files);
        AddSection(lines, "# files a policy glob covers only when letter case is ignored (this format matches case exactly)", caseFiles);
        return lines;
    }

    private static string RenderGlob(ExportGlob glob, string variant)
    {
        var text = ExportGlob.Escape(variant, GlobSpecials);
        if (glob.Anchored)
        {
            text = "/" + text;
        }
        else if (variant.Contains('/', System.StringComparison.Ordinal))
        {
            text = "**/" + text; // a slash would anchor it: keep "at any depth"
        }
        else if (text.StartsWith('!') || text.StartsWith('#'))
        {
            text = "\\" + text;
        }

        return glob.Folder ? text + "/" : text;
    }

    private static string RenderLiteral(string path)
    {
        var text = "/" + ExportGlob.Escape(path, LiteralSpecials);
        return text.EndsWith(' ') ? text.Substring(0, text.Length - 1) + "\\ " : text;
    }

    private static void AddSection(List<string> lines, string heading, List<string> entries)
    {
        if (entries.Count > 0)
        {
            lines.Add(heading);
            lines.AddRange(entries);
        }
    }

    private static void AddOnce(List<string> list, string entry)
    {
        if (!list.Contains(entry))
        {
            list.Add(entry);
        }
    }
}
