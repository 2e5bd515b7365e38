using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Contoso.Commerce.Domain;

namespace Contoso.Commerce.Persistence;

/// <summary>Orders, with the queries the back office needs.</summary>
public sealed class OrderRepository : InMemoryRepository<Order, Guid>
{
    public async Task<IReadOnlyList<Order>> ForCustomerAsync(string customerNumber, CancellationToken cancellationToken = default) =>
        await ListAsync(o => o.CustomerNumber == customerNumber, cancellationToken).ConfigureAwait(false);

    public async Task<IReadOnlyList<Order>> OpenOrdersAsync(CancellationToken cancellationToken = default)
    {
        var all = await ListAsync(null, cancellationToken).ConfigureAwait(false);
        return all.Where(o => o.Status is OrderStatus.Placed or OrderStatus.Paid)
            .OrderBy(o => o.PlacedAt)
            .ToList();
    }

    public async IAsyncEnumerable<Order> StreamPlacedSinceAsync(DateTimeOffset since, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var order in await ListAsync(o => o.PlacedAt >= since, cancellationToken).ConfigureAwait(false))
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return order;
        }
    }
}
