using System.Threading;

namespace CodeLeakGuard.Masking.Identifiers;

/// <summary>
/// What the language and the framework make of a name, with one string instance per name text, shared by every code
/// block, request and thread: a name met again costs neither a string nor a lookup in the framework table, whose
/// lookups mostly miss the processor's caches. A fixed table where a newer name takes an older one's slot (threads
/// may race on a slot; the loser makes its own entry, with the same answers): never a wrong answer, at worst a
/// lookup again. Only names and their answers are kept, never tokens, so the table holds no request's data.
/// </summary>
internal static class KnownNames
{
    private const int Size = 1 << 14;

    private static readonly KnownName?[] Table = new KnownName?[Size];

    public static (bool IsKeyword, FrameworkNameKind Framework) Of(string name)
    {
        var known = Get(name, NameHash.Of(name));
        return (known.IsKeyword, known.Framework);
    }

    /// <summary>The name written at <c>source[start..start+length)</c>, whose <see cref="NameHash"/> is <paramref name="hash"/>.</summary>
    public static KnownName Get(string source, int start, int length, uint hash) => Get(source, start, length, hash, whole: null);

    /// <summary>The name <paramref name="name"/> (kept as the table's instance when the table has none yet).</summary>
    public static KnownName Get(string name, uint hash) => Get(name, 0, name.Length, hash, name);

    private static KnownName Get(string source, int start, int length, uint hash, string? whole)
    {
        ref var slot = ref Table[hash & (Size - 1)];
        var known = Volatile.Read(ref slot);
        if (known is not null && known.Name.Length == length && string.CompareOrdinal(known.Name, 0, source, start, length) == 0)
        {
            return known;
        }

        var name = whole ?? source.Substring(start, length);
        known = new KnownName(name, LanguageWords.IsKeyword(name), FrameworkNames.Lookup(name));
        Volatile.Write(ref slot, known);
        return known;
    }
}

/// <summary>A name's text and what the language and the framework make of it.</summary>
internal sealed class KnownName
{
    public KnownName(string name, bool isKeyword, FrameworkNameKind framework)
    {
        Name = name;
        IsKeyword = isKeyword;
        Framework = framework;
    }

    public string Name { get; }

    public bool IsKeyword { get; }

    public FrameworkNameKind Framework { get; }
}
