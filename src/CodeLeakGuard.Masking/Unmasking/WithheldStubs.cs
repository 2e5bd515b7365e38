using System;
using System.Collections.Generic;
using CodeLeakGuard.Masking.Session;
using CodeLeakGuard.Masking.Text;

namespace CodeLeakGuard.Masking.Unmasking;

/// <summary>
/// Finds the withheld stubs an answer gives back exactly as they were sent; those are restored to the original
/// code. A stub the model edited is left as it is (its names are still restored) and reported: guessing which
/// original lines an edit meant would be worse than leaving the edit to a person.
/// </summary>
internal static class WithheldStubs
{
    public readonly struct Found
    {
        public Found(int start, int end, string original)
        {
            Start = start;
            End = end;
            Original = original;
        }

        public int Start { get; }

        public int End { get; }

        public string Original { get; }
    }

    public static List<Found> Find(SessionState state, string text, List<UnmaskIssue> issues)
    {
        var found = new List<Found>();
        var searchFrom = 0;
        var reported = new HashSet<int>();
        while (searchFrom < text.Length)
        {
            var at = text.IndexOf(WithheldEntry.Opening, searchFrom, StringComparison.Ordinal);
            if (at < 0)
            {
                break;
            }

            var kindStart = at + WithheldEntry.Opening.Length;
            var digits = kindStart;
            while (digits < text.Length && Words.IsAsciiLetter(text[digits]))
            {
                digits++;
            }

            var end = digits;
            while (end < text.Length && end - digits < 10 && Words.IsAsciiDigit(text[end]))
            {
                end++;
            }

            searchFrom = at + 1;
            if (end == digits || end - digits > 9 || end >= text.Length || text[end] != '>')
            {
                continue;
            }

            var marker = text.Substring(at, end + 1 - at);
            if (state.Find(TagWords.ParseNumber(text, digits, end)) is not WithheldEntry entry || entry.Marker != marker || entry.Stub.Length == 0)
            {
                issues.Add(new UnmaskIssue(UnmaskIssueKind.Unresolved, at, marker, "a withheld-code marker this session never made; left as is"));
                continue;
            }

            var start = at - entry.MarkerOffset;
            var lastEnd = found.Count == 0 ? 0 : found[found.Count - 1].End;
            if (start >= lastEnd && start + entry.Stub.Length <= text.Length && string.CompareOrdinal(text, start, entry.Stub, 0, entry.Stub.Length) == 0)
            {
                found.Add(new Found(start, start + entry.Stub.Length, entry.Original));
                searchFrom = start + entry.Stub.Length;
            }
            else if (reported.Add(entry.Number))
            {
                issues.Add(new UnmaskIssue(UnmaskIssueKind.AlteredLeft, at, marker, "withheld code that the answer changed: the original cannot be put back with certainty, so the answer's version is left"));
            }
        }

        return found;
    }
}
