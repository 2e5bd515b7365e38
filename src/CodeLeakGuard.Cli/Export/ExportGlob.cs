using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace CodeLeakGuard.Cli.Export;

/// <summary>
/// A policy <c>proprietary path</c> glob, read exactly as <see cref="CodeLeakGuard.Matching.PathGlob"/> reads it, in
/// the pieces every exclusion format needs: anchored or not (a leading slash or one in the middle anchors at the
/// repository root; without one the pattern matches at any depth, as in .gitignore), a folder pattern or not (trailing
/// slash), and the body split into <see cref="Variants"/> that gitignore-like matchers read the same way.
/// </summary>
/// <remarks>
/// The one construct that differs: in a policy glob <c>**</c> always crosses folders, while gitignore-like matchers
/// treat a <c>**</c> that is not a whole path segment (<c>src/**.cs</c>, <c>Pricing**</c>) as a plain <c>*</c>. Such a
/// glob is split into variants: <c>src/**.cs</c> becomes <c>src/*.cs</c> and <c>src/*/**/*.cs</c>.
/// </remarks>
internal sealed class ExportGlob
{
    private ExportGlob(string pattern, bool anchored, bool folder, IReadOnlyList<string> variants)
    {
        Pattern = pattern;
        Anchored = anchored;
        Folder = folder;
        Variants = variants;
    }

    /// <summary>The glob as the policy wrote it.</summary>
    public string Pattern { get; }

    /// <summary>Matches from the repository root only.</summary>
    public bool Anchored { get; }

    /// <summary>Written with a trailing slash: everything below the folder.</summary>
    public bool Folder { get; }

    /// <summary>Bodies without leading or trailing slash, in which every <c>**</c> is a whole segment.</summary>
    public IReadOnlyList<string> Variants { get; }

    /// <summary>Null when the glob has no body (<c>/</c>): it matches nothing to export.</summary>
    public static ExportGlob? Parse(string pattern)
    {
        var text = pattern.Replace('\\', '/').Trim();
        var anchored = text.StartsWith('/') || text.TrimEnd('/').Contains('/', StringComparison.Ordinal);
        var folder = text.EndsWith('/');
        var body = text.Trim('/');
        if (body.Length == 0)
        {
            return null;
        }

        var variants = new List<string>();
        foreach (var variant in Expand(body))
        {
            if (!variants.Contains(variant, StringComparer.Ordinal))
            {
                variants.Add(variant);
            }
        }

        return new ExportGlob(pattern, anchored, folder, variants);
    }

    /// <summary>Backslash-escapes the characters <paramref name="special"/> names, which a literal path or glob must not use unescaped.</summary>
    public static string Escape(string text, string special)
    {
        var builder = new StringBuilder(text.Length + 4);
        foreach (var c in text)
        {
            if (special.Contains(c, StringComparison.Ordinal))
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    private static IEnumerable<string> Expand(string body)
    {
        for (var i = 0; i + 1 < body.Length; i++)
        {
            if (body[i] != '*' || body[i + 1] != '*')
            {
                continue;
            }

            var startsSegment = i == 0 || body[i - 1] == '/';
            var slashFollows = i + 2 < body.Length && body[i + 2] == '/';
            if (startsSegment && (slashFollows || i + 2 == body.Length))
            {
                i++; // a whole-segment ** already means the same everywhere
                continue;
            }

            var head = body.Substring(0, i);
            string[] replacements;
            if (slashFollows)
            {
                // PathGlob: "**/" after other characters is "zero or more of anything ending in a slash".
                var tail = body.Substring(i + 3);
                replacements = new[] { head + tail, head + "*/**/" + tail };
            }
            else
            {
                // PathGlob: any other "**" is "anything, slashes included".
                var tail = body.Substring(i + 2);
                replacements = new[] { head + "*" + tail, head + "*/**/*" + tail };
            }

            return replacements.SelectMany(Expand);
        }

        return new[] { body };
    }
}
