using System;
using System.Collections.Generic;
using System.Text.Encodings.Web;
using System.Text.Json;
using CodeLeakGuard.Masking.Session;
using CodeLeakGuard.Masking.Text;

namespace CodeLeakGuard.Masking.Unmasking;

/// <summary>
/// Restores an answer: withheld stubs given back unchanged become the original code; then every number written
/// after a letter is looked up in the session, and when the word before it is that entry's tag the placeholder is
/// replaced. So <c>Class1</c> never matches inside <c>Class10</c> (the number is read whole), names the model derives
/// come back (<c>Method3Async</c>, <c>IClass2</c>, <c>_field5</c>, <c>Class2Tests</c>, <c>field5s</c>), and text with no
/// placeholder is returned as it is. One pass, no regex.
/// </summary>
internal static class Unmasker
{
    private const int MaxDigits = 9;

    private static readonly char[] Digits = { '0', '1', '2', '3', '4', '5', '6', '7', '8', '9' };

    public static UnmaskResult Unmask(SessionState state, TagWords tags, string text)
    {
        var issues = new List<UnmaskIssue>();
        var stubs = WithheldStubs.Find(state, text, issues);
        var output = new MaskedText(text, 0, text.Length);
        var copied = 0;
        var restored = 0;
        var stubIndex = 0;

        void Replace(int start, int end, string replacement)
        {
            output.Replace(start, end, replacement);
            copied = end;
            restored++;
        }

        for (var i = 0; i < text.Length; i++)
        {
            // Jump to the next digit (placeholders end in one) or the next restorable stub, whichever comes first.
            var nextDigit = text.IndexOfAny(Digits, i);
            var nextStub = stubIndex < stubs.Count ? stubs[stubIndex].Start : int.MaxValue;
            if (nextStub != int.MaxValue && (nextDigit < 0 || nextStub <= nextDigit))
            {
                var stub = stubs[stubIndex++];
                Replace(stub.Start, stub.End, stub.Original);
                i = stub.End - 1;
                continue;
            }

            if (nextDigit < 0)
            {
                break;
            }

            i = nextDigit;
            if (i == 0 || !Words.IsAsciiLetter(text[i - 1]))
            {
                continue;
            }

            var digits = i;
            var end = i;
            while (end < text.Length && Words.IsAsciiDigit(text[end]))
            {
                end++;
            }

            i = end - 1;
            if (end - digits > MaxDigits || text[digits] == '0' || (stubIndex < stubs.Count && end > stubs[stubIndex].Start))
            {
                continue;
            }

            var number = TagWords.ParseNumber(text, digits, end);
            switch (state.Find(number))
            {
                case NameEntry name:
                    RestoreName(name, text, digits, end, copied, tags, issues, Replace);
                    break;
                case SecretEntry secret:
                    RestoreSecret(secret, text, digits, end, copied, issues, Replace);
                    break;
                case null when !state.IsReserved(number) && tags.TagEndingAt(text, digits, copied) is { } tag && !IsWithheldMarker(text, digits - tag.Length):
                    issues.Add(new UnmaskIssue(UnmaskIssueKind.Unresolved, digits - tag.Length, text.Substring(digits - tag.Length, end - digits + tag.Length),
                        "looks like a placeholder, but this session never made it; left as is"));
                    break;
            }
        }

        return output.Changed ? new UnmaskResult(output.ToString(), restored, issues) : new UnmaskResult(text, 0, issues);
    }

    // <withheld:Proprietary50> is reported once, by WithheldStubs.
    private static bool IsWithheldMarker(string text, int tagStart) =>
        tagStart >= WithheldEntry.Opening.Length && string.CompareOrdinal(text, tagStart - WithheldEntry.Opening.Length, WithheldEntry.Opening, 0, WithheldEntry.Opening.Length) == 0;

    private static void RestoreName(NameEntry name, string text, int digits, int end, int limit, TagWords tags, List<UnmaskIssue> issues, Action<int, int, string> replace)
    {
        var tag = name.Tag;
        var start = digits - tag.Length;
        if (start < limit)
        {
            return;
        }

        var exact = string.CompareOrdinal(text, start, tag, 0, tag.Length) == 0;
        var flipped = !exact && char.ToUpperInvariant(text[start]) == char.ToUpperInvariant(tag[0])
            && text[start] != tag[0] && string.CompareOrdinal(text, start + 1, tag, 1, tag.Length - 1) == 0;
        if (!exact && !flipped)
        {
            if (tags.TagEndingAt(text, digits, limit) is { } other)
            {
                issues.Add(new UnmaskIssue(UnmaskIssueKind.AlteredLeft, digits - other.Length, text.Substring(digits - other.Length, end - digits + other.Length),
                    $"the number belongs to a {name.Tag} placeholder, not a {other} one: the model may have renamed it; left as is"));
            }

            return;
        }

        // A lower-case tag (field5, param7) must start a word; an upper-case one may follow a prefix (IClass2, GetClass2).
        if (char.IsLower(text[start]) && start > 0 && (char.IsLetterOrDigit(text[start - 1])))
        {
            return;
        }

        var real = name.RealCore;
        if (flipped)
        {
            real = real.Length == 0 ? real : (char.IsUpper(text[start]) ? char.ToUpperInvariant(real[0]) : char.ToLowerInvariant(real[0])) + real.Substring(1);
            issues.Add(new UnmaskIssue(UnmaskIssueKind.AlteredRestored, start, text.Substring(start, end - start), $"written with its first letter's case changed ({name.Core}); restored with the same change"));
        }

        replace(start, end, real);
    }

    private static void RestoreSecret(SecretEntry secret, string text, int digits, int end, int limit, List<UnmaskIssue> issues, Action<int, int, string> replace)
    {
        var start = digits - secret.Kind.Length;
        if (start < limit || string.CompareOrdinal(text, start, secret.Kind, 0, secret.Kind.Length) != 0)
        {
            return;
        }

        var opening = start - SecretEntry.Opening.Length;
        if (opening >= limit && string.CompareOrdinal(text, opening, SecretEntry.Opening, 0, SecretEntry.Opening.Length) == 0
            && end < text.Length && text[end] == SecretEntry.Closing[0])
        {
            replace(opening, end + 1, secret.Value);
            return;
        }

        // In JSON written as text (a tool call's arguments, streamed) the brackets may come escaped: \u003Csecret:Kind1\u003E.
        // The value goes in as that JSON's string content.
        var escaped = opening + 1 - EscapedBracket.Length;
        if (escaped >= limit && IsEscapedBracket(text, escaped, 'C') && IsEscapedBracket(text, end, 'E')
            && string.CompareOrdinal(text, opening + 1, SecretEntry.Opening, 1, SecretEntry.Opening.Length - 1) == 0)
        {
            replace(escaped, end + EscapedBracket.Length, JsonEncodedText.Encode(secret.Value, JavaScriptEncoder.UnsafeRelaxedJsonEscaping).ToString());
            return;
        }

        issues.Add(new UnmaskIssue(UnmaskIssueKind.AlteredRestored, start, text.Substring(start, end - start), "a secret placeholder without its <secret:...> brackets; restored"));
        replace(start, end, secret.Value);
    }

    /// <summary><c>&lt;</c> or <c>&gt;</c> as a JSON escape (<c>\u003C</c>, <c>\u003e</c>, ...).</summary>
    internal const string EscapedBracket = "\\u003C";

    /// <summary>Whether <paramref name="text"/> holds, at <paramref name="at"/>, the escaped bracket whose last hex digit is <paramref name="hex"/> (C for &lt;, E for &gt;), in either case.</summary>
    internal static bool IsEscapedBracket(string text, int at, char hex) =>
        at >= 0 && at + EscapedBracket.Length <= text.Length && string.CompareOrdinal(text, at, EscapedBracket, 0, EscapedBracket.Length - 1) == 0
        && char.ToUpperInvariant(text[at + EscapedBracket.Length - 1]) == hex;
}
