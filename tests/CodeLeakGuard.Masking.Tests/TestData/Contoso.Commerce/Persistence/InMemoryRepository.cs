using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Linq.Expressions;
using System.Threading;
using System.Threading.Tasks;
using Contoso.Commerce.Domain;

namespace Contoso.Commerce.Persistence;

/// <summary>An <see cref="IRepository{TEntity, TKey}"/> in memory, for tests and the demo shop.</summary>
public class InMemoryRepository<TEntity, TKey> : IRepository<TEntity, TKey>
    where TEntity : Entity<TKey>
    where TKey : notnull, IEquatable<TKey>
{
    private readonly ConcurrentDictionary<TKey, TEntity> _items = new();

    public int Count => _items.Count;

    public Task<TEntity?> FindAsync(TKey id, CancellationToken cancellationToken = default) =>
        Task.FromResult(_items.TryGetValue(id, out var entity) ? entity : null);

    public Task<IReadOnlyList<TEntity>> ListAsync(Expression<Func<TEntity, bool>>? filter = null, CancellationToken cancellationToken = default)
    {
        IEnumerable<TEntity> query = _items.Values;
        if (filter is not null)
        {
            query = query.Where(filter.Compile());
        }

        return Task.FromResult<IReadOnlyList<TEntity>>(query.ToList());
    }

    public virtual Task AddAsync(TEntity entity, CancellationToken cancellationToken = default)
    {
        if (!_items.TryAdd(entity.Id, entity))
        {
            throw new InvalidOperationException($"{typeof(TEntity).Name} {entity.Id} already exists.");
        }

        return Task.CompletedTask;
    }

    public Task<bool> RemoveAsync(TKey id, CancellationToken cancellationToken = default) => Task.FromResult(_items.TryRemove(id, out _));
}
