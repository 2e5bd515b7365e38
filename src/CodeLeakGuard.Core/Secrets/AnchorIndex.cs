using System;
using System.Collections.Generic;

namespace CodeLeakGuard.Secrets;

/// <summary>
/// Finds which formats' anchors occur in a text, in one pass and without a regex: the anchors are grouped by their
/// first character, so most positions cost one array lookup. (A regex alternation of ~100 literals, some ignoring
/// case, costs tens of microseconds even on a short string; this is the hot path of every literal and comment.)
/// </summary>
internal sealed class AnchorIndex
{
    private readonly (string Anchor, bool IgnoreCase, int Format)[]?[] _byFirstChar = new (string, bool, int)[]?[128];
    private readonly List<(string Anchor, bool IgnoreCase, int Format)> _nonAscii = new();

    // One bit per pair of ASCII characters: set when some anchor may start with that pair (all pairs of a first
    // character whose anchor is one character long or goes on with a non-ASCII one). Most positions of ordinary
    // text start a pair no anchor starts with, and are passed over without looking at the candidates.
    private readonly ulong[] _pairs = new ulong[128 * 128 / 64];

    public AnchorIndex(IReadOnlyList<SecretFormat> formats)
    {
        var lists = new List<(string, bool, int)>?[128];
        for (var f = 0; f < formats.Count; f++)
        {
            foreach (var anchor in formats[f].Anchors)
            {
                if (anchor.Length == 0)
                {
                    continue;
                }

                var ignoreCase = formats[f].AnchorsIgnoreCase;
                var first = anchor[0];
                if (first >= 128)
                {
                    _nonAscii.Add((anchor, ignoreCase, f));
                    continue;
                }

                Add(lists, first, (anchor, ignoreCase, f));
                AddPairs(first, anchor, ignoreCase);
                if (ignoreCase && char.ToUpperInvariant(first) != char.ToLowerInvariant(first))
                {
                    var other = char.ToUpperInvariant(first) == first ? char.ToLowerInvariant(first) : char.ToUpperInvariant(first);
                    Add(lists, other, (anchor, ignoreCase, f));
                    AddPairs(other, anchor, ignoreCase);
                }
            }
        }

        for (var c = 0; c < 128; c++)
        {
            _byFirstChar[c] = lists[c]?.ToArray();
        }
    }

    /// <summary>Marks in <paramref name="found"/> every format with an anchor in <c>text[start..start+length)</c>; true if any.</summary>
    public bool Find(string text, int start, int length, bool[] found)
    {
        var any = false;
        var end = start + length;
        for (var i = start; i < end; i++)
        {
            var c = text[i];
            var candidates = c < 128 ? _byFirstChar[c] : null;
            if (candidates is null)
            {
                if (c >= 128 && _nonAscii.Count > 0)
                {
                    any |= Check(_nonAscii, text, i, end, found);
                }

                continue;
            }

            if (i + 1 < end && text[i + 1] < 128 && (_pairs[((c << 7) | text[i + 1]) >> 6] & (1UL << (text[i + 1] & 63))) == 0)
            {
                continue;
            }

            foreach (var (anchor, ignoreCase, format) in candidates)
            {
                if (format < found.Length && !found[format] && anchor.Length <= end - i
                    && (anchor.Length == 1 || !DiffersInAscii(anchor[1], text[i + 1], ignoreCase))
                    && string.Compare(text, i, anchor, 0, anchor.Length, ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal) == 0)
                {
                    found[format] = true;
                    any = true;
                }
            }
        }

        return any;
    }

    // The first character matched by construction; most candidates fail on the second, which is cheaper to test here
    // than in string.Compare. Only a definite mismatch of two ASCII characters says no (anything else is compared).
    private static bool DiffersInAscii(char expected, char actual, bool ignoreCase)
    {
        if (expected == actual || expected >= 128 || actual >= 128)
        {
            return false;
        }

        return !ignoreCase || (expected | 0x20) != (actual | 0x20) || !IsAsciiLetter(expected);
    }

    private static bool IsAsciiLetter(char c) => (uint)((c | 0x20) - 'a') <= 'z' - 'a';

    private static bool Check(List<(string Anchor, bool IgnoreCase, int Format)> candidates, string text, int i, int end, bool[] found)
    {
        var any = false;
        foreach (var (anchor, ignoreCase, format) in candidates)
        {
            if (anchor.Length <= end - i && string.Compare(text, i, anchor, 0, anchor.Length, ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal) == 0)
            {
                found[format] = true;
                any = true;
            }
        }

        return any;
    }

    private static void Add(List<(string, bool, int)>?[] lists, char c, (string, bool, int) entry) => (lists[c] ??= new()).Add(entry);

    private void AddPairs(char first, string anchor, bool ignoreCase)
    {
        if (anchor.Length == 1 || anchor[1] >= 128)
        {
            for (var second = 0; second < 128; second++)
            {
                SetPair(first, (char)second);
            }

            return;
        }

        SetPair(first, anchor[1]);
        if (ignoreCase)
        {
            SetPair(first, char.ToUpperInvariant(anchor[1]));
            SetPair(first, char.ToLowerInvariant(anchor[1]));
        }
    }

    private void SetPair(char first, char second)
    {
        if (second < 128)
        {
            var pair = (first << 7) | second;
            _pairs[pair >> 6] |= 1UL << (pair & 63);
        }
    }
}
