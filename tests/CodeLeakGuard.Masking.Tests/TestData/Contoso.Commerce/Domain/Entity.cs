using System;
using System.Collections.Generic;

namespace Contoso.Commerce.Domain;

/// <summary>
/// Base class of every aggregate in the commerce domain. An <see cref="Entity{TKey}"/> is equal to another
/// entity of the same type with the same <see cref="Id"/>.
/// </summary>
/// <typeparam name="TKey">The identifier type, usually <see cref="Guid"/> or <see cref="int"/>.</typeparam>
public abstract class Entity<TKey> : IEquatable<Entity<TKey>>
    where TKey : notnull, IEquatable<TKey>
{
    private readonly List<IDomainEvent> _pendingEvents = new();

    protected Entity(TKey id)
    {
        Id = id;
    }

    public TKey Id { get; }

    /// <summary>Events raised since the aggregate was loaded; the unit of work publishes them on commit.</summary>
    public IReadOnlyList<IDomainEvent> PendingEvents => _pendingEvents;

    protected void Raise(IDomainEvent domainEvent) => _pendingEvents.Add(domainEvent);

    public void ClearPendingEvents() => _pendingEvents.Clear();

    public bool Equals(Entity<TKey>? other) =>
        other is not null && GetType() == other.GetType() && Id.Equals(other.Id);

    public override bool Equals(object? obj) => Equals(obj as Entity<TKey>);

    public override int GetHashCode() => HashCode.Combine(GetType(), Id);

    public override string ToString() => $"{GetType().Name}#{Id}";
}
