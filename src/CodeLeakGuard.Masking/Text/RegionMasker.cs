using System.Collections.Generic;
using CodeLeakGuard.Masking.Identifiers;
using CodeLeakGuard.Masking.Session;
using CodeLeakGuard.Secrets;

namespace CodeLeakGuard.Masking.Text;

/// <summary>
/// Masks one region of text: secrets first (the scanner's matches, whole), then, between them, words by
/// <see cref="WordMode"/>. Words are whole: <c>OrderPricingEngine</c> is one word, never <c>Order</c> plus more.
/// </summary>
internal static class RegionMasker
{
    /// <param name="docComment">In an XML doc comment the word right after <c>name="</c> or <c>cref="</c> is a code name.</param>
    public static void Mask(MaskContext context, string text, int start, int end, WordMode mode, IRegionSink sink, bool docComment = false)
    {
        if (end <= start)
        {
            return;
        }

        if (context.Prescanned is not { } prescanned || !prescanned.TryGet(context.Scanner, text, start, end, out var secrets))
        {
            secrets = PrescannedSecrets.ScanRegion(context.Scanner, text, start, end);
        }

        var position = start;
        foreach (var secret in secrets)
        {
            MaskWords(context, text, position, secret.Start, mode, sink, docComment);
            sink.Secret(secret.Start, secret.End, secret.Format);
            position = secret.End;
        }

        MaskWords(context, text, position, end, mode, sink, docComment);
    }

    public static void MaskWords(MaskContext context, string text, int start, int end, WordMode mode, IRegionSink sink, bool docComment = false)
    {
        var inCodeElement = false;
        var inSignature = false; // inside the parentheses right after a qualified name: `Billing.Split(Invoice invoice)`
        var i = start;
        while (i < end)
        {
            if (docComment && text[i] == '<')
            {
                inCodeElement = StartsWith(text, i, end, "<c>") || StartsWith(text, i, end, "<code>")
                    || (inCodeElement && !StartsWith(text, i, end, "</c>") && !StartsWith(text, i, end, "</code>"));
            }

            if (text[i] is '(' && mode == WordMode.Prose)
            {
                inSignature = i > start && Words.IsWordChar(text[i - 1]) && EndsQualifiedName(text, start, i);
            }
            else if (text[i] is ')' or '\n')
            {
                inSignature = false;
            }

            if (!Words.IsWordChar(text[i]))
            {
                i++;
                continue;
            }

            var wordEnd = Words.WordEnd(text, i, end);
            if (!Words.IsAsciiDigit(text[i]))
            {
                // In a doc comment, <c>...</c>, cref="..." and name="..." hold code: unknown names there are masked like code.
                var wordMode = docComment && (inCodeElement || IsXmlNameAttributeValue(text, i, start)) ? WordMode.Aggressive : mode;
                if (wordMode == WordMode.Prose && (IsCapitalisedPartOfQualifiedName(text, i, wordEnd, start, end) || (inSignature && Words.IsCapitalised(text, i, wordEnd))))
                {
                    wordMode = WordMode.InlineCode;
                }

                MaskWord(context, text, i, wordEnd, wordMode, sink);
            }

            i = wordEnd;
        }
    }

    private static void MaskWord(MaskContext context, string text, int start, int end, WordMode mode, IRegionSink sink)
    {
        var length = end - start;
        if (context.Lookup(text, start, length) is { } entry)
        {
            if (mode != WordMode.Prose || !PseudonymRoles.IsProseSensitive(entry.Role) || !Words.IsLowerCaseWord(text, start, end))
            {
                sink.Name(start, end, entry);
            }

            return;
        }

        if (context.PolicyNameRole(text, start, length) is { } role)
        {
            sink.Name(start, end, context.MaskName(text.Substring(start, length), role));
            return;
        }

        if (MaskSensitiveTerms(context, text, start, end, sink))
        {
            return;
        }

        var unknownCode = mode == WordMode.Aggressive
            || (mode == WordMode.InlineCode && Words.HasUpperOrUnderscoreOrDigit(text, start, end) && !IsShortAcronym(text, start, end) && !QueryKeywords.Contains(text, start, end))
            || (mode is WordMode.Prose or WordMode.Code && Words.LooksLikeCodeName(text, start, end));
        if (unknownCode && !context.IsKeptWord(text.Substring(start, length)))
        {
            sink.Name(start, end, context.MaskName(text.Substring(start, length), PseudonymRole.Name));
            return;
        }

        if (HasDigit(text, start, end) && context.CollidesWithPlaceholder(text, start, end))
        {
            sink.Name(start, end, context.MaskName(text.Substring(start, length), PseudonymRole.Name));
            return;
        }

        context.NoteKeptWord(text, start, end);
    }

    // A company or product name, also inside a longer word ("contosodata" becomes "Term3data"; unmasking restores
    // such derived words). When a digit follows the name, the pseudonym's number would run into it: the word goes whole.
    private static bool MaskSensitiveTerms(MaskContext context, string text, int start, int end, IRegionSink sink)
    {
        if (context.IsSensitiveTerm(text, start, end - start))
        {
            sink.Name(start, end, context.MaskName(text.Substring(start, end - start), PseudonymRole.Term));
            return true;
        }

        var found = false;
        var position = start;
        while (context.FindSensitiveTerm(text, position, end) is { } term)
        {
            if (term.End < end && Words.IsAsciiDigit(text[term.End]))
            {
                sink.Name(start, end, context.MaskName(text.Substring(start, end - start), PseudonymRole.Term));
                return true;
            }

            sink.Name(term.Start, term.End, context.MaskName(text.Substring(term.Start, term.End - term.Start), PseudonymRole.Term));
            found = true;
            position = term.End;
        }

        return found;
    }

    // <param name="order">, <see cref="Order"/>: the attribute value is a code name, not an English word.
    private static bool IsXmlNameAttributeValue(string text, int wordStart, int limit)
    {
        var i = wordStart - 1;
        if (i < limit || text[i] is not ('"' or '\''))
        {
            return false;
        }

        i--;
        while (i >= limit && text[i] == ' ')
        {
            i--;
        }

        if (i < limit || text[i] != '=')
        {
            return false;
        }

        i--;
        while (i >= limit && text[i] == ' ')
        {
            i--;
        }

        return EndsWith(text, i + 1, limit, "name") || EndsWith(text, i + 1, limit, "cref");
    }

    private static bool EndsWith(string text, int end, int limit, string word) =>
        end - word.Length >= limit && string.CompareOrdinal(text, end - word.Length, word, 0, word.Length) == 0;

    // HTTP, JSON, API, SQL: upper-case abbreviations in prose-like inline code identify nothing.
    // `Contoso.Billing.InvoiceSplitter`, a stack trace's `at Contoso.Billing.Jobs.Run()`: in prose, a qualified name is
    // code, so its capitalised parts are masked as inline code would mask them (not only those written like code);
    // framework parts (`System.Text`) are kept, and lower-case or all-capital parts (`appsettings.json`, `README.md`,
    // `e.g.`) stay prose.
    private static bool IsCapitalisedPartOfQualifiedName(string text, int wordStart, int wordEnd, int start, int end)
    {
        var qualified = (wordEnd + 1 < end && text[wordEnd] == '.' && char.IsLetter(text[wordEnd + 1])) || FollowsDot(text, wordStart, start);
        return qualified && Words.IsCapitalised(text, wordStart, wordEnd);
    }

    // The word before `text[open]` (a parenthesis) is the last part of a qualified name.
    private static bool EndsQualifiedName(string text, int start, int open)
    {
        var wordStart = open;
        while (wordStart > start && Words.IsWordChar(text[wordStart - 1]))
        {
            wordStart--;
        }

        return FollowsDot(text, wordStart, start);
    }

    // `Billing` in `Contoso.Billing`: a dot right before the word, and a word before the dot.
    private static bool FollowsDot(string text, int wordStart, int start) =>
        wordStart - 2 >= start && text[wordStart - 1] == '.' && Words.IsWordChar(text[wordStart - 2]);

    private static bool IsShortAcronym(string text, int start, int end)
    {
        if (end - start > 5)
        {
            return false;
        }

        for (var i = start; i < end; i++)
        {
            if (!char.IsUpper(text[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool StartsWith(string text, int at, int end, string value) =>
        at + value.Length <= end && string.CompareOrdinal(text, at, value, 0, value.Length) == 0;

    private static bool HasDigit(string text, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            if (Words.IsAsciiDigit(text[i]))
            {
                return true;
            }
        }

        return false;
    }
}
