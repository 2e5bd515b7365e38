using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Contoso.Commerce.Domain;

namespace Contoso.Commerce.Infrastructure;

/// <summary>A handler of one kind of domain event.</summary>
public delegate Task DomainEventHandler<in TEvent>(TEvent domainEvent, CancellationToken cancellationToken)
    where TEvent : IDomainEvent;

/// <summary>
/// In-process publish/subscribe for <see cref="IDomainEvent"/>s. Handlers run one after another; a failing handler
/// is logged and does not stop the others (see <see cref="HandlerFailed"/>).
/// </summary>
public sealed class EventBus
{
    private readonly ConcurrentDictionary<Type, List<Func<IDomainEvent, CancellationToken, Task>>> _handlers = new();

    /// <summary>Raised when a handler throws; the exception never reaches the publisher.</summary>
    public event EventHandler<HandlerFailedEventArgs>? HandlerFailed;

    public int PublishedCount { get; private set; }

    public IDisposable Subscribe<TEvent>(DomainEventHandler<TEvent> handler)
        where TEvent : IDomainEvent
    {
        Func<IDomainEvent, CancellationToken, Task> wrapper = (e, ct) => handler((TEvent)e, ct);
        var list = _handlers.GetOrAdd(typeof(TEvent), _ => new List<Func<IDomainEvent, CancellationToken, Task>>());
        lock (list)
        {
            list.Add(wrapper);
        }

        return new Subscription(() =>
        {
            lock (list)
            {
                list.Remove(wrapper);
            }
        });
    }

    public async Task PublishAsync(IDomainEvent domainEvent, CancellationToken cancellationToken = default)
    {
        PublishedCount++;
        if (!_handlers.TryGetValue(domainEvent.GetType(), out var list))
        {
            return;
        }

        Func<IDomainEvent, CancellationToken, Task>[] snapshot;
        lock (list)
        {
            snapshot = list.ToArray();
        }

        foreach (var handler in snapshot)
        {
            try
            {
                await handler(domainEvent, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                HandlerFailed?.Invoke(this, new HandlerFailedEventArgs(domainEvent, ex));
            }
        }
    }

    private sealed class Subscription : IDisposable
    {
        private Action? _unsubscribe;

        public Subscription(Action unsubscribe) => _unsubscribe = unsubscribe;

        public void Dispose() => Interlocked.Exchange(ref _unsubscribe, null)?.Invoke();
    }
}

public sealed class HandlerFailedEventArgs : EventArgs
{
    public HandlerFailedEventArgs(IDomainEvent domainEvent, Exception exception)
    {
        DomainEvent = domainEvent;
        Exception = exception;
    }

    public IDomainEvent DomainEvent { get; }

    public Exception Exception { get; }
}
