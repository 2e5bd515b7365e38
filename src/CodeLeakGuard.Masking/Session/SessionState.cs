using System;
using System.Collections.Generic;

namespace CodeLeakGuard.Masking.Session;

/// <summary>
/// Everything a session has replaced, by real value and by number. Numbers are unique across names, secrets and
/// withheld code, and never one the session has seen in an input after a tag word (<c>Class12</c> written by the
/// user stays <c>Class12</c>, and no pseudonym <c>Class12</c> is ever made).
/// </summary>
internal sealed class SessionState
{
    private const string AttributeSuffix = "Attribute";

    private readonly List<PlaceholderEntry?> _byNumber = new() { null };
    private readonly HashSet<int> _reserved = new();

    public NameTable<NameEntry> Names { get; } = new();

    /// <summary>
    /// Names the client's requests send as they are, such as its tools' names: kept in text too, so a prompt that says
    /// "use the TodoWrite tool" still names a tool the model is given. A name masked before stays masked.
    /// </summary>
    public HashSet<string> KeptNames { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, SecretEntry> Secrets { get; } = new(StringComparer.Ordinal);

    public List<WithheldEntry> Withheld { get; } = new();

    public IEnumerable<int> Reserved => _reserved;

    /// <summary>The next number to try; numbers below it are taken or reserved.</summary>
    public int NextNumber { get; private set; } = 1;

    /// <summary>
    /// The names among <paramref name="words"/> (words a text's prose kept as they are) first masked at or after
    /// placeholder number <paramref name="since"/>: the text went out before the session knew them. Null when there are none.
    /// </summary>
    public List<NameEntry>? NamesSince(IEnumerable<string> words, int since)
    {
        List<NameEntry>? names = null;
        foreach (var word in words)
        {
            if (Names.TryGetValue(word, out var entry) && entry.Number >= since)
            {
                (names ??= new List<NameEntry>()).Add(entry);
            }
        }

        return names;
    }

    public PlaceholderEntry? Find(int number) => number > 0 && number < _byNumber.Count ? _byNumber[number] : null;

    public bool IsReserved(int number) => _reserved.Contains(number);

    /// <summary>Keeps a number the input uses after a tag word from ever becoming a placeholder.</summary>
    public void Reserve(int number)
    {
        if (number > 0 && Find(number) is null)
        {
            _reserved.Add(number);
        }
    }

    public NameEntry GetOrAddName(string real, PseudonymRole role)
    {
        if (Names.TryGetValue(real, out var existing))
        {
            return existing;
        }

        if (real.Length > AttributeSuffix.Length && real.EndsWith(AttributeSuffix, StringComparison.Ordinal))
        {
            // An attribute class shares the pseudonym of the name it is used by: [Route] is RouteAttribute.
            var stem = GetOrAddName(real.Substring(0, real.Length - AttributeSuffix.Length), role);
            var alias = new NameEntry(stem.Number, real, stem.Role, stem.Upper, AttributeSuffix);
            Names.Add(real, alias);
            return alias;
        }

        var entry = new NameEntry(Allocate(), real, role, IsUpper(real, role));
        Names.Add(real, entry);
        Register(entry);
        return entry;
    }

    public SecretEntry GetOrAddSecret(string value, string kind)
    {
        if (Secrets.TryGetValue(value, out var existing))
        {
            return existing;
        }

        var entry = new SecretEntry(Allocate(), kind, value);
        Secrets.Add(value, entry);
        Register(entry);
        return entry;
    }

    public WithheldEntry AddWithheld(string kind)
    {
        var entry = new WithheldEntry(Allocate(), kind);
        Withheld.Add(entry);
        Register(entry);
        return entry;
    }

    /// <summary>Restores an entry read from a saved session under its own number.</summary>
    public void Restore(PlaceholderEntry entry)
    {
        if (Find(entry.Number) is not null)
        {
            throw new FormatException($"placeholder number {entry.Number} appears twice in the saved session");
        }

        switch (entry)
        {
            case NameEntry name:
                Names.Add(name.Real, name);
                break;
            case SecretEntry secret:
                Secrets[secret.Value] = secret;
                break;
            case WithheldEntry withheld:
                Withheld.Add(withheld);
                break;
        }

        Register(entry);
        NextNumber = Math.Max(NextNumber, entry.Number + 1);
    }

    public void RestoreReserved(int number, int nextNumber)
    {
        _reserved.Add(number);
        NextNumber = Math.Max(NextNumber, nextNumber);
    }

    private int Allocate()
    {
        while (_reserved.Contains(NextNumber) || Find(NextNumber) is not null)
        {
            NextNumber++;
        }

        return NextNumber++;
    }

    private void Register(PlaceholderEntry entry)
    {
        while (_byNumber.Count <= entry.Number)
        {
            _byNumber.Add(null);
        }

        _byNumber[entry.Number] = entry;
        _reserved.Remove(entry.Number);
    }

    private static bool IsUpper(string real, PseudonymRole role)
    {
        var core = real.Substring(NameEntry.PrefixOf(real).Length);
        var first = core.Length > 0 ? core[0] : '_';
        return role == PseudonymRole.Term || char.IsUpper(first) || (!char.IsLower(first) && PseudonymRoles.DefaultsToUpper(role));
    }
}
