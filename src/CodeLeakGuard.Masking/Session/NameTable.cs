using System.Collections.Generic;
using CodeLeakGuard.Masking.Identifiers;

namespace CodeLeakGuard.Masking.Session;

/// <summary>
/// A string-keyed map that can also be searched with a slice of a larger string, so scanning a comment for names
/// allocates nothing per word, and lexed code looks its identifiers up where they are written. Ordinal (or ordinal
/// ignoring case), insert-only: a key added again is found with its newest value, and both stay in
/// <see cref="Values"/>. Open addressing over the names' <see cref="NameHash"/>, the table at most half full, so a
/// lookup is nearly always one slot and one comparison.
/// </summary>
internal sealed class NameTable<T>
    where T : class
{
    private readonly bool _ignoreCase;
    private readonly List<string> _keys;
    private readonly List<T> _values;
    private int[] _slots; // index + 1 into _keys and _values; 0 is empty (linear probing)
    private uint[] _hashes;

    /// <param name="capacity">About how many names there will be (so the table need not grow).</param>
    public NameTable(bool ignoreCase = false, int capacity = 0)
    {
        _ignoreCase = ignoreCase;
        _keys = new List<string>(capacity);
        _values = new List<T>(capacity);
        var size = 16;
        while (size < capacity * 2)
        {
            size <<= 1;
        }

        _slots = new int[size];
        _hashes = new uint[size];
    }

    public int Count => _values.Count;

    /// <summary>Every value, in the order added.</summary>
    public IReadOnlyList<T> Values => _values;

    public bool TryGetValue(string key, out T value) => TryGetValue(key, 0, key.Length, out value);

    public bool TryGetValue(string text, int start, int length, out T value)
    {
        var entry = _slots[Find(text, start, length, Hash(text, start, length))];
        value = entry == 0 ? null! : _values[entry - 1];
        return entry != 0;
    }

    public void Add(string key, T value)
    {
        var hash = Hash(key, 0, key.Length);
        var slot = Find(key, 0, key.Length, hash);
        _keys.Add(key);
        _values.Add(value);
        _slots[slot] = _values.Count;
        _hashes[slot] = hash;
        if (_values.Count * 2 > _slots.Length)
        {
            Grow();
        }
    }

    // The slot holding the key, or the empty slot where it would go.
    private int Find(string text, int start, int length, uint hash)
    {
        var mask = _slots.Length - 1;
        for (var slot = (int)hash & mask; ; slot = (slot + 1) & mask)
        {
            var entry = _slots[slot];
            if (entry == 0)
            {
                return slot;
            }

            if (_hashes[slot] == hash)
            {
                var key = _keys[entry - 1];
                if (key.Length == length
                    && string.Compare(key, 0, text, start, length, _ignoreCase ? System.StringComparison.OrdinalIgnoreCase : System.StringComparison.Ordinal) == 0)
                {
                    return slot;
                }
            }
        }
    }

    private void Grow()
    {
        var slots = new int[_slots.Length * 2];
        var hashes = new uint[slots.Length];
        var mask = slots.Length - 1;
        for (var old = 0; old < _slots.Length; old++)
        {
            if (_slots[old] == 0)
            {
                continue;
            }

            var slot = (int)_hashes[old] & mask;
            while (slots[slot] != 0)
            {
                slot = (slot + 1) & mask;
            }

            slots[slot] = _slots[old];
            hashes[slot] = _hashes[old];
        }

        _slots = slots;
        _hashes = hashes;
    }

    private uint Hash(string text, int start, int length) =>
        _ignoreCase ? NameHash.OfIgnoringCase(text, start, length) : NameHash.Of(text, start, length);
}
