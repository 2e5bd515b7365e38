using System;
using System.Collections.Generic;
using System.Linq;

namespace CodeLeakGuard.Text;

/// <summary>
/// Whether a text contains any of a fixed set of words, in one pass over the text: candidates are looked up by the
/// character they start with, so the cost is about one array read per character however many words there are. The
/// analyzers run it on every literal and every file, before any regex or binding.
/// </summary>
public sealed class KeywordSearch
{
    private const int AsciiCount = 128;

    private readonly string[][] _byAsciiFirst = new string[AsciiCount][];
    private readonly Dictionary<char, string[]> _byOtherFirst = new();
    private readonly bool _ignoreCase;
    private readonly int _shortest;

    /// <param name="keywords">The words; empty ones are ignored.</param>
    /// <param name="ignoreCase">Compare ignoring ASCII and invariant case (host names), or ordinally (identifiers).</param>
    public KeywordSearch(IEnumerable<string> keywords, bool ignoreCase)
    {
        _ignoreCase = ignoreCase;
        var words = keywords.Where(k => !string.IsNullOrEmpty(k)).Distinct(ignoreCase ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal).ToList();
        IsEmpty = words.Count == 0;
        _shortest = IsEmpty ? int.MaxValue : words.Min(w => w.Length);
        foreach (var group in words.GroupBy(w => Fold(w[0])))
        {
            var array = group.OrderBy(w => w.Length).ToArray();
            if (group.Key < AsciiCount)
            {
                _byAsciiFirst[group.Key] = array;
            }
            else
            {
                _byOtherFirst[group.Key] = array;
            }
        }
    }

    /// <summary>No words: nothing ever matches.</summary>
    public bool IsEmpty { get; }

    public bool ContainsAny(string text) => ContainsAny(text, 0, text.Length);

    public bool ContainsAny(string text, int start, int length)
    {
        var end = start + length - _shortest;
        for (var i = start; i <= end; i++)
        {
            var first = Fold(text[i]);
            var candidates = first < AsciiCount ? _byAsciiFirst[first] : Other(first);
            if (candidates is null)
            {
                continue;
            }

            foreach (var word in candidates)
            {
                if (i + word.Length > start + length)
                {
                    break; // sorted by length: the rest are longer still
                }

                if (string.Compare(text, i, word, 0, word.Length, _ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal) == 0)
                {
                    return true;
                }
            }
        }

        return false;
    }

    private string[]? Other(char first) => _byOtherFirst.Count == 0 ? null : _byOtherFirst.TryGetValue(first, out var words) ? words : null;

    private char Fold(char c)
    {
        if (!_ignoreCase)
        {
            return c;
        }

        return c is >= 'A' and <= 'Z' ? (char)(c | 0x20) : c < AsciiCount ? c : char.ToLowerInvariant(c);
    }
}
