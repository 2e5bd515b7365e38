using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Contoso.Commerce.Domain;

namespace Contoso.Commerce.Persistence;

public sealed class CustomerRepository : InMemoryRepository<Customer, Guid>
{
    public async Task<Customer?> FindByNumberAsync(string customerNumber, CancellationToken cancellationToken = default)
    {
        var matches = await ListAsync(c => c.CustomerNumber == customerNumber, cancellationToken).ConfigureAwait(false);
        return matches.SingleOrDefault();
    }

    public async Task<Customer?> FindByEmailAsync(string email, CancellationToken cancellationToken = default)
    {
        var normalized = email.Trim().ToLowerInvariant();
        var matches = await ListAsync(c => c.Email.ToLower() == normalized, cancellationToken).ConfigureAwait(false);
        return matches.FirstOrDefault();
    }

    public override Task AddAsync(Customer entity, CancellationToken cancellationToken = default)
    {
        if (!entity.Email.Contains('@'))
        {
            throw new ArgumentException($"Customer {entity.CustomerNumber} has no valid e-mail address.", nameof(entity));
        }

        return base.AddAsync(entity, cancellationToken);
    }
}
