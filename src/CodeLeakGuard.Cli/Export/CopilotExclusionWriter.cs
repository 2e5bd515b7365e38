using System.Collections.Generic;

namespace CodeLeakGuard.Cli.Export;

/// <summary>
/// GitHub Copilot content exclusion for a repository is not a file Copilot reads: a repository administrator pastes
/// a YAML list of path patterns into Settings &gt; Copilot &gt; Content exclusion ("Paths to exclude in this
/// repository"). The export writes that list to <see cref="FileName"/>, inside a generated block, so it is reviewed
/// and versioned like the other files. Documented dialect: <c>- "/PATH"</c> items, <c>#</c> comments, fnmatch patterns
/// (Ruby <c>File.fnmatch</c>, braces included), case-insensitive, a leading <c>/</c> is the repository root, a pattern
/// without a slash matches a file name anywhere, <c>/dir/**</c> is everything in or below a folder. Patterns match
/// files, not folders, so every glob that does not already end in <c>**</c> gets a <c>/**</c> twin: a CodeLeakGuard
/// glob also covers everything below a folder it matches.
/// </summary>
internal static class CopilotExclusionWriter
{
    public const string FileName = ".github/copilot-content-exclusion.yml";

    private const string GlobSpecials = "[{}";
    private const string LiteralSpecials = "\\*?[{}";

    /// <summary>The lines between the generated block's markers; empty when there is nothing to exclude.</summary>
    public static IReadOnlyList<string> RenderBlock(ProprietaryInventory inventory)
    {
        var patterns = new List<string>();
        foreach (var pattern in inventory.PathGlobs)
        {
            if (ExportGlob.Parse(pattern) is not { } glob)
            {
                continue;
            }

            foreach (var variant in glob.Variants)
            {
                var text = ExportGlob.Escape(variant, GlobSpecials);
                var rooted = glob.Anchored ? "/" + text : variant.Contains('/', System.StringComparison.Ordinal) ? "**/" + text : text;
                if (!glob.Folder)
                {
                    AddOnce(patterns, rooted);
                }

                if (glob.Folder || !variant.EndsWith("**", System.StringComparison.Ordinal))
                {
                    AddOnce(patterns, (glob.Anchored || variant.Contains('/', System.StringComparison.Ordinal) ? rooted : "**/" + rooted) + "/**");
                }
            }
        }

        // Copilot ignores case, so files a glob covers only when case is ignored need no line of their own.
        foreach (var file in inventory.MarkedFiles)
        {
            AddOnce(patterns, "/" + ExportGlob.Escape(file, LiteralSpecials));
        }

        var lines = new List<string>();
        if (patterns.Count == 0)
        {
            return lines;
        }

        lines.Add("# GitHub Copilot content exclusion: proprietary code under the CodeLeakGuard policy. Copilot does not read this");
        lines.Add("# file: a repository administrator pastes the list below into the repository's Settings > Copilot >");
        lines.Add("# Content exclusion > \"Paths to exclude in this repository\". Patterns are fnmatch and case-insensitive;");
        lines.Add("# a leading / is the repository root. Advisory only: Copilot CLI, the cloud agent and agent mode ignore it.");
        foreach (var pattern in patterns)
        {
            lines.Add("- \"" + pattern.Replace("\\", "\\\\", System.StringComparison.Ordinal).Replace("\"", "\\\"", System.StringComparison.Ordinal) + "\"");
        }

        return lines;
    }

    private static void AddOnce(List<string> list, string entry)
    {
        if (!list.Contains(entry))
        {
            list.Add(entry);
        }
    }
}
