using System;
using System.Runtime.CompilerServices;

namespace CodeLeakGuard.Masking.Identifiers;

/// <summary>
/// What the language and the framework make of a name, remembered per thread by the name's string instance. The lexer
/// hands out one shared instance per identifier text (its string table outlives a call), so the names of the next
/// code block or request skip the framework table, whose lookups mostly miss the processor's caches. Keyed by
/// reference, so a name it has not seen (or has forgotten) is simply looked up again: never a wrong answer.
/// </summary>
internal static class KnownNames
{
    private const int Size = 4096;

    [ThreadStatic]
    private static Entry[]? _entries;

    public static (bool IsKeyword, FrameworkNameKind Framework) Of(string name)
    {
        var entries = _entries ??= new Entry[Size];
        ref var entry = ref entries[RuntimeHelpers.GetHashCode(name) & (Size - 1)];
        if (!ReferenceEquals(entry.Name, name))
        {
            entry = new Entry(name, LanguageWords.IsKeyword(name), FrameworkNames.Lookup(name));
        }

        return (entry.IsKeyword, entry.Framework);
    }

    private readonly struct Entry
    {
        public Entry(string name, bool isKeyword, FrameworkNameKind framework)
        {
            Name = name;
            IsKeyword = isKeyword;
            Framework = framework;
        }

        public string? Name { get; }

        public bool IsKeyword { get; }

        public FrameworkNameKind Framework { get; }
    }
}
