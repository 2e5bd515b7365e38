using System;

namespace CodeLeakGuard.Matching;

/// <summary>
/// A name pattern with <c>*</c> (any run, including dots) and <c>?</c> (one character). NuGet ids and assembly names
/// compare case-insensitively; C# namespaces, types and members case-sensitively.
/// </summary>
public sealed class WildcardPattern : IEquatable<WildcardPattern>
{
    private readonly string _pattern;
    private readonly bool _ignoreCase;

    public WildcardPattern(string pattern, bool ignoreCase = true)
    {
        _pattern = pattern ?? throw new ArgumentNullException(nameof(pattern));
        _ignoreCase = ignoreCase;
        HasWildcards = pattern.IndexOfAny(new[] { '*', '?' }) >= 0;
        LiteralLength = 0;
        foreach (var c in pattern)
        {
            if (c != '*' && c != '?')
            {
                LiteralLength++;
            }
        }
    }

    public string Text => _pattern;

    public bool HasWildcards { get; }

    /// <summary>How many characters the pattern fixes; the more, the more specific the pattern.</summary>
    public int LiteralLength { get; }

    public bool IsMatch(string value)
    {
        if (value is null)
        {
            return false;
        }

        return HasWildcards
            ? Match(_pattern, value, _ignoreCase)
            : string.Equals(_pattern, value, _ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
    }

    /// <summary>True when <paramref name="dottedName"/> is matched or lies under a match (<c>OpenAI</c> covers <c>OpenAI.Chat</c>).</summary>
    public bool IsMatchOrParentOf(string dottedName)
    {
        if (IsMatch(dottedName))
        {
            return true;
        }

        for (var dot = dottedName.IndexOf('.'); dot >= 0; dot = dottedName.IndexOf('.', dot + 1))
        {
            if (IsMatch(dottedName.Substring(0, dot)))
            {
                return true;
            }
        }

        return false;
    }

    // Iterative glob match with single-star backtracking: linear in practice, no recursion depth on hostile input.
    private static bool Match(string pattern, string value, bool ignoreCase)
    {
        int p = 0, v = 0, starP = -1, starV = -1;
        while (v < value.Length)
        {
            if (p < pattern.Length && (pattern[p] == '?' || SameChar(pattern[p], value[v], ignoreCase)))
            {
                p++;
                v++;
            }
            else if (p < pattern.Length && pattern[p] == '*')
            {
                starP = p++;
                starV = v;
            }
            else if (starP >= 0)
            {
                p = starP + 1;
                v = ++starV;
            }
            else
            {
                return false;
            }
        }

        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }

        return p == pattern.Length;
    }

    private static bool SameChar(char a, char b, bool ignoreCase) =>
        a == b || (ignoreCase && char.ToUpperInvariant(a) == char.ToUpperInvariant(b));

    public bool Equals(WildcardPattern? other) =>
        other is not null && string.Equals(_pattern, other._pattern, StringComparison.OrdinalIgnoreCase);

    public override bool Equals(object? obj) => Equals(obj as WildcardPattern);

    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(_pattern);

    public override string ToString() => _pattern;
}
