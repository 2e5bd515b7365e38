using System.Collections.Generic;
using CodeLeakGuard.Matching;

namespace CodeLeakGuard.Cli.Export;

/// <summary>
/// Asks <see cref="PathGlob"/> (which always ignores case) whether a glob matches with the exact letter case, without a
/// second glob grammar: every cased character of the glob and the path is replaced by a private-use character of its
/// own (one per distinct character, so <c>P</c> and <c>p</c> differ) before matching. Private-use characters have no
/// case, so the case-insensitive match becomes a case-sensitive one, and <c>*</c>, <c>?</c>, <c>**</c> and <c>/</c>
/// keep their meaning because none of them is cased.
/// </summary>
internal static class ExactCaseGlob
{
    private const char FirstPrivateUse = '\uE000';
    private const int PrivateUseCount = 0x1900;

    public static bool IsMatch(string glob, string relativePath)
    {
        var codes = new Dictionary<char, char>();
        var encodedGlob = Encode(glob, codes);
        var encodedPath = Encode(relativePath, codes);

        // More distinct letters than private-use characters cannot happen for real paths; answering "no exact match"
        // is the safe side (the file is then named on its own).
        return encodedGlob is not null && encodedPath is not null && PathGlob.Parse(encodedGlob).IsMatch(encodedPath);
    }

    private static string? Encode(string text, Dictionary<char, char> codes)
    {
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            var c = chars[i];
            if (char.ToUpperInvariant(c) == c && char.ToLowerInvariant(c) == c)
            {
                continue;
            }

            if (!codes.TryGetValue(c, out var code))
            {
                if (codes.Count >= PrivateUseCount)
                {
                    return null;
                }

                code = (char)(FirstPrivateUse + codes.Count);
                codes.Add(c, code);
            }

            chars[i] = code;
        }

        return new string(chars);
    }
}
