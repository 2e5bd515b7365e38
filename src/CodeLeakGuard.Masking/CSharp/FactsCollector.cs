using System.Collections.Generic;
using CodeLeakGuard.Masking.Identifiers;

namespace CodeLeakGuard.Masking.CSharp;

/// <summary>
/// The facts of every name of one call, in order of first appearance. Names are looked up by their characters in
/// the source (<see cref="Get(string, int, int)"/>), so an identifier met again costs no string, and a name any code
/// has used before gets the string and answers it got then (<see cref="KnownNames"/>).
/// </summary>
internal sealed class FactsCollector
{
    private readonly List<NameFacts> _inOrder;
    private int[] _buckets; // index + 1 into _inOrder; 0 is empty (open addressing, linear probing)
    private uint[] _hashes;

    /// <param name="expectedNames">About how many distinct names there will be (so the table need not grow).</param>
    public FactsCollector(int expectedNames = 0)
    {
        _inOrder = new List<NameFacts>(expectedNames);
        var size = 16;
        while (size < expectedNames * 2)
        {
            size <<= 1;
        }

        _buckets = new int[size];
        _hashes = new uint[size];
    }

    public IReadOnlyList<NameFacts> InOrder => _inOrder;

    /// <summary>Whether some name is written with a Unicode escape (<c>Propr\u0069etary</c>): names are kept as written.</summary>
    public bool HasEscapedName { get; private set; }

    public NameFacts Get(string name) => Get(name, 0, name.Length, name);

    /// <summary>The facts of the name written at <c>source[start..start+length)</c>.</summary>
    public NameFacts Get(string source, int start, int length) => Get(source, start, length, null);

    public bool Contains(string name) => TryGet(name, out _);

    public bool TryGet(string name, out NameFacts facts)
    {
        var slot = Find(name, 0, name.Length, NameHash.Of(name));
        facts = _buckets[slot] == 0 ? null! : _inOrder[_buckets[slot] - 1];
        return _buckets[slot] != 0;
    }

    private NameFacts Get(string source, int start, int length, string? whole)
    {
        var hash = NameHash.Of(source, start, length);
        var slot = Find(source, start, length, hash);
        if (_buckets[slot] != 0)
        {
            return _inOrder[_buckets[slot] - 1];
        }

        var facts = new NameFacts(whole is null ? KnownNames.Get(source, start, length, hash) : KnownNames.Get(whole, hash));
        HasEscapedName |= facts.Name.IndexOf('\\') >= 0;
        _inOrder.Add(facts);
        _buckets[slot] = _inOrder.Count;
        _hashes[slot] = hash;
        if (_inOrder.Count * 2 > _buckets.Length)
        {
            Grow();
        }

        return facts;
    }

    // The slot holding the name, or the empty slot where it would go.
    private int Find(string source, int start, int length, uint hash)
    {
        var mask = _buckets.Length - 1;
        for (var slot = (int)hash & mask; ; slot = (slot + 1) & mask)
        {
            var entry = _buckets[slot];
            if (entry == 0)
            {
                return slot;
            }

            if (_hashes[slot] == hash)
            {
                var name = _inOrder[entry - 1].Name;
                if (name.Length == length && string.CompareOrdinal(name, 0, source, start, length) == 0)
                {
                    return slot;
                }
            }
        }
    }

    private void Grow()
    {
        var buckets = new int[_buckets.Length * 2];
        var hashes = new uint[buckets.Length];
        var mask = buckets.Length - 1;
        for (var old = 0; old < _buckets.Length; old++)
        {
            if (_buckets[old] == 0)
            {
                continue;
            }

            var slot = (int)_hashes[old] & mask;
            while (buckets[slot] != 0)
            {
                slot = (slot + 1) & mask;
            }

            buckets[slot] = _buckets[old];
            hashes[slot] = _hashes[old];
        }

        _buckets = buckets;
        _hashes = hashes;
    }
}
