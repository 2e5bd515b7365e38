using System.Collections.Concurrent;
using CodeLeakGuard.Masking.Http;

namespace CodeLeakGuard.Gateway;

/// <summary>One masking session per conversation, kept in memory, forgotten after an idle timeout.</summary>
public sealed class SessionStore
{
    // Lazy: two first requests of one conversation racing must still share one session.
    private readonly ConcurrentDictionary<string, Lazy<Entry>> _sessions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _responseConversations = new(StringComparer.Ordinal);
    private readonly Func<IConversationMasker> _factory;
    private readonly TimeSpan _idleTimeout;

    public SessionStore(Func<IConversationMasker> factory, TimeSpan idleTimeout)
    {
        _factory = factory;
        _idleTimeout = idleTimeout;
    }

    public int Count => _sessions.Count;

    public IConversationMasker Get(string conversationKey)
    {
        EvictIdle();
        var entry = _sessions.GetOrAdd(conversationKey, _ => new Lazy<Entry>(() => new Entry(_factory()))).Value;
        entry.LastUsed = DateTimeOffset.UtcNow;
        return entry.Masker;
    }

    /// <summary>Remembers which conversation produced a stored answer's id: a response (for <c>previous_response_id</c>), a conversation, a batch.</summary>
    public void RememberResponse(string responseId, IConversationMasker masker)
    {
        var key = _sessions.FirstOrDefault(p => p.Value.IsValueCreated && ReferenceEquals(p.Value.Value.Masker, masker)).Key;
        if (key is not null)
        {
            Remember(responseId, key);
        }
    }

    /// <summary>Remembers that a stored response or conversation, by its id, belongs to the conversation <paramref name="conversationKey"/>.</summary>
    public void Remember(string id, string conversationKey) => _responseConversations[id] = conversationKey;

    public string? ConversationOfResponse(string responseId) =>
        _responseConversations.TryGetValue(responseId, out var key) ? key : null;

    private void EvictIdle()
    {
        var cutoff = DateTimeOffset.UtcNow - _idleTimeout;
        var evicted = false;
        foreach (var pair in _sessions)
        {
            if (pair.Value.IsValueCreated && pair.Value.Value.LastUsed < cutoff)
            {
                evicted |= _sessions.TryRemove(pair.Key, out _);
            }
        }

        if (!evicted)
        {
            return; // the ids are many (one per answer) and swept only when a conversation went, not on every request
        }

        // The ids a forgotten conversation made go with it: one is remembered per answer, so they would grow without end.
        foreach (var remembered in _responseConversations)
        {
            if (!_sessions.ContainsKey(remembered.Value))
            {
                _responseConversations.TryRemove(remembered.Key, out _);
            }
        }
    }

    private sealed class Entry(IConversationMasker masker)
    {
        public IConversationMasker Masker { get; } = masker;

        public DateTimeOffset LastUsed { get; set; } = DateTimeOffset.UtcNow;
    }
}
