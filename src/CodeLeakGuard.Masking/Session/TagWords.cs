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
    private static readonly char[] AsciiDigits = { '0', '1', '2', '3', '4', '5', '6', '7', '8', '9' };

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

    /// <summary>The numbers <paramref name="text"/> writes right after tag words, in order (empty, not allocated, when none).</summary>
    public IReadOnlyList<int> NumbersIn(string text)
    {
        List<int>? numbers = null;
        var position = 0;
        while (NextTaggedNumber(text, ref position, text.Length, 0, out _, out var number, out _))
        {
            (numbers ??= new List<int>()).Add(number);
        }

        return numbers ?? (IReadOnlyList<int>)Array.Empty<int>();
    }

    /// <summary>
    /// Finds the next number written right after a tag word in <c>text[position..end)</c>, moving
    /// <paramref name="position"/> past it; <paramref name="limit"/> is where a tag may start at the earliest.
    /// Placeholders never have a leading zero or more than nine digits, so such runs are skipped. No allocation:
    /// this runs over every input.
    /// </summary>
    public bool NextTaggedNumber(string text, ref int position, int end, int limit, out int digitsStart, out int number, out string tag)
    {
        var i = position;
        while (i < end)
        {
            if (!Words.IsAsciiDigit(text[i]))
            {
                // Most characters are not digits: jump to the next one (a vectorised search on .NET Core).
                i = text.IndexOfAny(AsciiDigits, i, end - i);
                if (i < 0)
                {
                    break;
                }
            }

            if (i == limit || !Words.IsAsciiLetter(text[i - 1]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < end && Words.IsAsciiDigit(text[i]))
            {
                i++;
            }

            var found = i - start <= 9 && text[start] != '0' ? TagEndingAt(text, start, limit) : null;
            if (found is not null)
            {
                position = i;
                digitsStart = start;
                number = ParseNumber(text, start, i);
                tag = found;
                return true;
            }
        }

        position = end;
        digitsStart = number = 0;
        tag = string.Empty;
        return false;
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
