using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Contoso.Commerce.Infrastructure;

/// <summary>A small read-through cache with absolute expiry, keyed per value type.</summary>
public sealed class CacheManager<TKey, TValue>
    where TKey : notnull
    where TValue : class
{
    private readonly Dictionary<TKey, (TValue Value, DateTimeOffset Expires)> _entries = new();
    private readonly SemaphoreSlim _lock = new(1, 1);
    private readonly IClock _clock;
    private readonly TimeSpan _timeToLive;

    public CacheManager(IClock clock, TimeSpan timeToLive)
    {
        _clock = clock;
        _timeToLive = timeToLive;
    }

    public int Hits { get; private set; }

    public int Misses { get; private set; }

    public async Task<TValue> GetOrLoadAsync(TKey key, Func<TKey, CancellationToken, Task<TValue>> load, CancellationToken cancellationToken = default)
    {
        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_entries.TryGetValue(key, out var entry) && entry.Expires > _clock.Now)
            {
                Hits++;
                return entry.Value;
            }

            Misses++;
            var value = await load(key, cancellationToken).ConfigureAwait(false);
            _entries[key] = (value, _clock.Now + _timeToLive);
            return value;
        }
        finally
        {
            _lock.Release();
        }
    }

    public void Invalidate(TKey key) => _entries.Remove(key);
}
