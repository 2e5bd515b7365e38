namespace CodeLeakGuard.Masking.Text;

/// <summary>What a word is for masking: a run of letters, digits and underscores, as a C# identifier is.</summary>
internal static class Words
{
    public static bool IsWordChar(char c) => c == '_' || char.IsLetterOrDigit(c) || char.IsSurrogate(c);

    public static bool IsAsciiDigit(char c) => c is >= '0' and <= '9';

    public static bool IsAsciiLetter(char c) => c is >= 'a' and <= 'z' or >= 'A' and <= 'Z';

    /// <summary>End of the word starting at <paramref name="start"/> (exclusive), bounded by <paramref name="end"/>.</summary>
    public static int WordEnd(string text, int start, int end)
    {
        var i = start;
        while (i < end && IsWordChar(text[i]))
        {
            i++;
        }

        return i;
    }

    /// <summary><c>Invoice</c>, <c>OrderLine</c>: a capital, then lower case somewhere (not <c>README</c>, not <c>API</c>).</summary>
    public static bool IsCapitalised(string text, int start, int end)
    {
        if (!char.IsUpper(text[start]))
        {
            return false;
        }

        for (var i = start + 1; i < end; i++)
        {
            if (char.IsLower(text[i]))
            {
                return true;
            }
        }

        return false;
    }

    public static bool HasUpperOrUnderscoreOrDigit(string text, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            if (char.IsUpper(text[i]) || text[i] == '_' || IsAsciiDigit(text[i]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A word written like a code name even in prose: a camel-case compound (<c>OrderPricingEngine</c>,
    /// <c>customerNumber</c>) or a snake-case one (<c>order_total</c>). Ordinary words never look like this.
    /// </summary>
    public static bool LooksLikeCodeName(string text, int start, int end)
    {
        if (end - start < 4)
        {
            return false;
        }

        for (var i = start + 1; i < end; i++)
        {
            var c = text[i];
            var previous = text[i - 1];
            if ((char.IsUpper(c) && char.IsLower(previous)) || (c == '_' && char.IsLetter(previous) && i + 1 < end && char.IsLetter(text[i + 1])))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True for all-lower-case letters, the words that are also ordinary English.</summary>
    public static bool IsLowerCaseWord(string text, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            if (!char.IsLower(text[i]))
            {
                return false;
            }
        }

        return end > start;
    }
}
