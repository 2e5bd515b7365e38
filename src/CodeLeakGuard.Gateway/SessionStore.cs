using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using CodeLeakGuard.Masking.Http;

namespace CodeLeakGuard.Gateway;

/// <summary>One masking session per conversation, kept in memory, forgotten after an idle timeout.</summary>
public sealed class SessionStore
{
    // Lazy: two first requests of one conversation racing must still share one session.
    private readonly ConcurrentDictionary<string, Lazy<Entry>> _sessions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _responseConversations = new(StringComparer.Ordinal);
    private readonly ConditionalWeakTable<IConversationMasker, string> _keysOfSessions = new(); // each answer finds its conversation at once
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
        var entry = _sessions.GetOrAdd(conversationKey, key => new Lazy<Entry>(() => New(key))).Value;
        entry.LastUsed = DateTimeOffset.UtcNow;
        return entry.Masker;
    }

    /// <summary>Remembers which conversation produced a stored answer's id: a response (for <c>previous_response_id</c>), a conversation, a batch.</summary>
    public void RememberResponse(string responseId, IConversationMasker masker)
    {
        if (_keysOfSessions.TryGetValue(masker, out var key) && _sessions.ContainsKey(key))
        {
            Remember(responseId, key);
        }
    }

    /// <summary>Remembers that a stored response or conversation, by its id, belongs to the conversation <paramref name="conversationKey"/>.</summary>
    public void Remember(string id, string conversationKey) => _responseConversations[id] = conversationKey;

    public string? ConversationOfResponse(string responseId) =>
        _responseConversations.TryGetValue(responseId, out var key) ? key : null;

    private Entry New(string conversationKey)
    {
        var entry = new Entry(_factory());
        _keysOfSessions.AddOrUpdate(entry.Masker, conversationKey);
        return entry;
    }

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
