namespace CodeLeakGuard.Masking.Text;

/// <summary>Well-formed UTF-16: every surrogate is part of a pair. Masking refuses anything else.</summary>
internal static class Utf16
{
    /// <summary>Offset of the first unpaired surrogate, or -1.</summary>
    public static int FindUnpairedSurrogate(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    i++;
                    continue;
                }

                return i;
            }

            if (char.IsLowSurrogate(c))
            {
                return i;
            }
        }

        return -1;
    }
}
