using System;
using System.Collections.Generic;
using System.Linq;
using CodeLeakGuard.Masking.Text;

namespace CodeLeakGuard.Masking.Session;

/// <summary>
/// The words written in front of placeholder numbers: pseudonym roles (<c>Class</c>, <c>param</c>), secret kinds
/// (<c>OpenAIKey</c>) and withheld kinds (<c>Proprietary</c>), each with its first letter in either case.
/// </summary>
internal sealed class TagWords
{
    private readonly Dictionary<char, string[]> _byLastChar;

    public TagWords(IEnumerable<string> tags)
    {
        _byLastChar = tags
            .Where(t => t.Length > 0)
            .SelectMany(t => new[] { char.ToUpperInvariant(t[0]) + t.Substring(1), char.ToLowerInvariant(t[0]) + t.Substring(1) })
            .Distinct(StringComparer.Ordinal)
            .GroupBy(t => t[t.Length - 1])
            .ToDictionary(g => g.Key, g => g.OrderByDescending(t => t.Length).ToArray());
    }

    /// <summary>The longest tag that ends just before <paramref name="end"/> and starts at or after <paramref name="limit"/>.</summary>
    public string? TagEndingAt(string text, int end, int limit)
    {
        if (end <= limit || !_byLastChar.TryGetValue(text[end - 1], out var candidates))
        {
            return null;
        }

        foreach (var tag in candidates)
        {
            var start = end - tag.Length;
            if (start >= limit && string.CompareOrdinal(text, start, tag, 0, tag.Length) == 0)
            {
                return tag;
            }
        }

        return null;
    }

    /// <summary>
    /// Calls <paramref name="found"/> with (tag start, digits start, digits end, number) for every number written right
    /// after a tag word in <c>text[start..end)</c>. Placeholders never have a leading zero or more than nine digits,
    /// so such runs are skipped.
    /// </summary>
    public void ForEachTaggedNumber(string text, int start, int end, Action<int, int, int, int> found)
    {
        for (var i = start; i < end; i++)
        {
            if (!Words.IsAsciiDigit(text[i]) || i == start || !Words.IsAsciiLetter(text[i - 1]))
            {
                continue;
            }

            var digitsEnd = i;
            while (digitsEnd < end && Words.IsAsciiDigit(text[digitsEnd]))
            {
                digitsEnd++;
            }

            var tag = digitsEnd - i <= 9 && text[i] != '0' ? TagEndingAt(text, i, start) : null;
            if (tag is not null)
            {
                found(i - tag.Length, i, digitsEnd, ParseNumber(text, i, digitsEnd));
            }

            i = digitsEnd;
        }
    }

    public static int ParseNumber(string text, int start, int end)
    {
        var number = 0;
        for (var i = start; i < end; i++)
        {
            number = number * 10 + (text[i] - '0');
        }

        return number;
    }
}
