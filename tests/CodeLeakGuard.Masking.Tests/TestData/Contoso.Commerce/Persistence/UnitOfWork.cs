using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Contoso.Commerce.Domain;
using Contoso.Commerce.Infrastructure;

namespace Contoso.Commerce.Persistence;

/// <summary>Collects the aggregates a use case touched and publishes their events when the work is committed.</summary>
public sealed class UnitOfWork : IAsyncDisposable
{
    private readonly EventBus _events;
    private readonly List<Entity<Guid>> _tracked = new();
    private bool _committed;

    public UnitOfWork(EventBus events)
    {
        _events = events;
    }

    public T Track<T>(T aggregate)
        where T : Entity<Guid>
    {
        _tracked.Add(aggregate);
        return aggregate;
    }

    public async Task CommitAsync(CancellationToken cancellationToken = default)
    {
        var events = _tracked.SelectMany(a => a.PendingEvents).ToList();
        foreach (var aggregate in _tracked)
        {
            aggregate.ClearPendingEvents();
        }

        foreach (var domainEvent in events)
        {
            await _events.PublishAsync(domainEvent, cancellationToken).ConfigureAwait(false);
        }

        _committed = true;
    }

    public ValueTask DisposeAsync()
    {
        if (!_committed && _tracked.Any(a => a.PendingEvents.Count > 0))
        {
            // Events of work that was not committed are dropped on purpose: nothing happened.
            _tracked.Clear();
        }

        return default;
    }
}
