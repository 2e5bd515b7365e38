using System.Collections.Generic;
using CodeLeakGuard.Masking.Identifiers;
using CodeLeakGuard.Masking.Session;

namespace CodeLeakGuard.Masking.CSharp;

/// <summary>
/// The facts of every name of one call, in order of first appearance. Names are looked up by their characters in
/// the source (<see cref="Get(string, int, int)"/>), so an identifier met again costs no string, and a name any code
/// has used before gets the string and answers it got then (<see cref="KnownNames"/>).
/// </summary>
internal sealed class FactsCollector
{
    private readonly NameTable<NameFacts> _byName;

    /// <param name="expectedNames">About how many distinct names there will be (so the table need not grow).</param>
    public FactsCollector(int expectedNames = 0)
    {
        _byName = new NameTable<NameFacts>(capacity: expectedNames);
    }

    public IReadOnlyList<NameFacts> InOrder => _byName.Values;

    /// <summary>Whether some name is written with a Unicode escape (<c>Propr\u0069etary</c>): names are kept as written.</summary>
    public bool HasEscapedName { get; private set; }

    public NameFacts Get(string name) => Get(name, 0, name.Length, name);

    /// <summary>The facts of the name written at <c>source[start..start+length)</c>.</summary>
    public NameFacts Get(string source, int start, int length) => Get(source, start, length, null);

    public bool Contains(string name) => _byName.TryGetValue(name, out _);

    public bool TryGet(string name, out NameFacts facts) => _byName.TryGetValue(name, out facts);

    private NameFacts Get(string source, int start, int length, string? whole)
    {
        if (_byName.TryGetValue(source, start, length, out var facts))
        {
            return facts;
        }

        var hash = NameHash.Of(source, start, length);
        facts = new NameFacts(whole is null ? KnownNames.Get(source, start, length, hash) : KnownNames.Get(whole, hash));
        HasEscapedName |= facts.Name.IndexOf('\\') >= 0;
        _byName.Add(facts.Name, facts);
        return facts;
    }
}
