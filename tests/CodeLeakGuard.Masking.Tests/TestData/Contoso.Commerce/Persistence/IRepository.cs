using System;
using System.Collections.Generic;
using System.Linq.Expressions;
using System.Threading;
using System.Threading.Tasks;

namespace Contoso.Commerce.Persistence;

/// <summary>Storage for one aggregate type. Implementations must be safe for concurrent readers.</summary>
/// <typeparam name="TEntity">The aggregate.</typeparam>
/// <typeparam name="TKey">Its identifier.</typeparam>
public interface IRepository<TEntity, in TKey>
    where TEntity : class
{
    Task<TEntity?> FindAsync(TKey id, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<TEntity>> ListAsync(Expression<Func<TEntity, bool>>? filter = null, CancellationToken cancellationToken = default);

    Task AddAsync(TEntity entity, CancellationToken cancellationToken = default);

    Task<bool> RemoveAsync(TKey id, CancellationToken cancellationToken = default);
}
