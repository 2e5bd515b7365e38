namespace CodeLeakGuard.Masking.Identifiers;

/// <summary>
/// The hash every name table here uses: FNV-1a over the UTF-16 code units with a final avalanche, so both halves are
/// well mixed (tables pick a slot with the lower bits and may keep the upper as a tag). Taken over a name where it is
/// written in a text, so looking a name up costs no string.
/// </summary>
internal static class NameHash
{
    public static uint Of(string text) => Of(text, 0, text.Length);

    public static uint Of(string text, int start, int length)
    {
        var hash = 2166136261u;
        for (var i = start; i < start + length; i++)
        {
            hash = (hash ^ text[i]) * 16777619u;
        }

        return Avalanche(hash);
    }

    /// <summary>The same over the names' upper-case letters: equal for names that differ only in case.</summary>
    public static uint OfIgnoringCase(string text, int start, int length)
    {
        var hash = 2166136261u;
        for (var i = start; i < start + length; i++)
        {
            hash = (hash ^ UpperInvariant(text[i])) * 16777619u;
        }

        return Avalanche(hash);
    }

    private static uint Avalanche(uint hash)
    {
        hash ^= hash >> 15;
        hash *= 0x2C1B3C6Du;
        hash ^= hash >> 12;
        return hash;
    }

    // Names are nearly all ASCII: upper-cased here without the culture tables' lookup.
    private static char UpperInvariant(char c) => c < 0x80 ? (c is >= 'a' and <= 'z' ? (char)(c - 32) : c) : char.ToUpperInvariant(c);
}
