using System;
using System.Text;
using System.Text.RegularExpressions;

namespace CodeLeakGuard.Matching;

/// <summary>
/// A repository-relative path glob: <c>**</c> spans folders, <c>*</c> and <c>?</c> stay inside one segment; a
/// pattern without a slash matches a file or folder name at any depth (as in .gitignore); a trailing slash means
/// "everything under this folder". Separators are normalised to '/'; matching is case-insensitive.
/// </summary>
public sealed class PathGlob
{
    private readonly Regex _regex;

    private PathGlob(string text, Regex regex)
    {
        Text = text;
        _regex = regex;
    }

    public string Text { get; }

    public static PathGlob Parse(string text)
    {
        var pattern = text.Replace('\\', '/').Trim();
        var anchored = pattern.StartsWith("/", StringComparison.Ordinal) || pattern.TrimEnd('/').Contains("/");
        pattern = pattern.TrimStart('/');
        if (pattern.EndsWith("/", StringComparison.Ordinal))
        {
            pattern += "**";
        }

        var regex = new StringBuilder(anchored ? "^" : "^(?:.*/)?");
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '*' && i + 1 < pattern.Length && pattern[i + 1] == '*')
            {
                i++;
                var slashFollows = i + 1 < pattern.Length && pattern[i + 1] == '/';
                if (slashFollows)
                {
                    i++;
                    regex.Append("(?:.*/)?");
                }
                else
                {
                    regex.Append(".*");
                }
            }
            else if (c == '*')
            {
                regex.Append("[^/]*");
            }
            else if (c == '?')
            {
                regex.Append("[^/]");
            }
            else
            {
                regex.Append(Regex.Escape(c.ToString()));
            }
        }

        // A folder pattern also covers what lies below it.
        regex.Append("(?:/.*)?$");
        return new PathGlob(text, new Regex(regex.ToString(), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)));
    }

    public bool IsMatch(string relativePath)
    {
        // Drop "./" and "/" prefixes only: a leading dot is part of a name (.github/, .env).
        var path = relativePath.Replace('\\', '/');
        while (path.StartsWith("./", StringComparison.Ordinal))
        {
            path = path.Substring(2);
        }

        return _regex.IsMatch(path.TrimStart('/'));
    }

    public override string ToString() => Text;
}
