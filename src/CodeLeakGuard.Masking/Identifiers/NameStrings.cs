using System.Threading;

namespace CodeLeakGuard.Masking.Identifiers;

/// <summary>
/// One string instance per name text, shared by every code block and request, as Roslyn's lexer hands out: a name met
/// again costs no string, and <see cref="KnownNames"/>, which remembers names by instance, finds it. Only strings are
/// kept (never tokens), in a fixed table where a newer name takes an older one's slot; threads may race on a slot,
/// and the loser just makes its own string.
/// </summary>
internal static class NameStrings
{
    private const int Size = 1 << 14;

    private static readonly string?[] Table = new string?[Size];

    /// <summary>The name written at <c>source[start..start+length)</c>, whose hash is <paramref name="hash"/> (any hash of its characters).</summary>
    public static string Get(string source, int start, int length, int hash)
    {
        ref var slot = ref Table[hash & (Size - 1)];
        var name = Volatile.Read(ref slot);
        if (name is not null && name.Length == length && string.CompareOrdinal(name, 0, source, start, length) == 0)
        {
            return name;
        }

        name = source.Substring(start, length);
        Volatile.Write(ref slot, name);
        return name;
    }
}
