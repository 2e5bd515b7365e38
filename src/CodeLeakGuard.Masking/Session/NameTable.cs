using System.Collections.Generic;

namespace CodeLeakGuard.Masking.Session;

/// <summary>
/// A string-keyed map that can also be searched with a slice of a larger string, so scanning a comment for names
/// allocates nothing per word. Ordinal (or ordinal ignoring case), insert-only.
/// </summary>
internal sealed class NameTable<T>
    where T : class
{
    private readonly bool _ignoreCase;
    private int[] _buckets = new int[64];
    private readonly List<(string Key, T Value, int Hash, int Next)> _entries = new();

    public NameTable(bool ignoreCase = false)
    {
        _ignoreCase = ignoreCase;
    }

    public int Count => _entries.Count;

    public IEnumerable<T> Values
    {
        get
        {
            foreach (var entry in _entries)
            {
                yield return entry.Value;
            }
        }
    }

    public bool TryGetValue(string key, out T value) => TryGetValue(key, 0, key.Length, out value);

    public bool TryGetValue(string text, int start, int length, out T value)
    {
        var hash = Hash(text, start, length);
        for (var i = _buckets[hash & (_buckets.Length - 1)] - 1; i >= 0; i = _entries[i].Next)
        {
            var entry = _entries[i];
            if (entry.Hash == hash && entry.Key.Length == length
                && string.Compare(entry.Key, 0, text, start, length, _ignoreCase ? System.StringComparison.OrdinalIgnoreCase : System.StringComparison.Ordinal) == 0)
            {
                value = entry.Value;
                return true;
            }
        }

        value = null!;
        return false;
    }

    public void Add(string key, T value)
    {
        if (_entries.Count >= _buckets.Length)
        {
            Grow();
        }

        var hash = Hash(key, 0, key.Length);
        var bucket = hash & (_buckets.Length - 1);
        _entries.Add((key, value, hash, _buckets[bucket] - 1));
        _buckets[bucket] = _entries.Count;
    }

    private void Grow()
    {
        _buckets = new int[_buckets.Length * 2];
        for (var i = 0; i < _entries.Count; i++)
        {
            var entry = _entries[i];
            var bucket = entry.Hash & (_buckets.Length - 1);
            _entries[i] = (entry.Key, entry.Value, entry.Hash, _buckets[bucket] - 1);
            _buckets[bucket] = i + 1;
        }
    }

    private int Hash(string text, int start, int length)
    {
        unchecked
        {
            var hash = (int)2166136261;
            var end = start + length;
            if (_ignoreCase)
            {
                for (var i = start; i < end; i++)
                {
                    hash = (hash ^ UpperInvariant(text[i])) * 16777619;
                }
            }
            else
            {
                for (var i = start; i < end; i++)
                {
                    hash = (hash ^ text[i]) * 16777619;
                }
            }

            return hash & 0x7FFFFFFF;
        }
    }

    // Names are nearly all ASCII: upper-cased here without the culture tables' lookup.
    private static char UpperInvariant(char c) => c < 0x80 ? (c is >= 'a' and <= 'z' ? (char)(c - 32) : c) : char.ToUpperInvariant(c);
}
