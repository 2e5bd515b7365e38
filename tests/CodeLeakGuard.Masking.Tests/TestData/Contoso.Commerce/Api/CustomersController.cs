using System;
using System.Threading;
using System.Threading.Tasks;
using Contoso.Commerce.Domain;
using Contoso.Commerce.Persistence;

namespace Contoso.Commerce.Api;

public sealed record RegisterCustomerRequest(string DisplayName, string Email, Address BillingAddress);

[Route("api/customers")]
public sealed class CustomersController : ApiController
{
    private static int _nextNumber = 100_000;
    private readonly CustomerRepository _customers;

    public CustomersController(CustomerRepository customers) => _customers = customers;

    [HttpPost]
    public async Task<ApiResult> RegisterAsync(RegisterCustomerRequest request, CancellationToken cancellationToken)
    {
        if (await _customers.FindByEmailAsync(request.Email, cancellationToken) is not null)
        {
            return BadRequest($"A customer with e-mail {request.Email} already exists.");
        }

        var customer = new Customer(Guid.NewGuid(), $"C{System.Threading.Interlocked.Increment(ref _nextNumber)}", request.DisplayName, request.Email);
        customer.AddAddress(request.BillingAddress);
        await _customers.AddAsync(customer, cancellationToken);
        return Created($"/api/customers/{customer.CustomerNumber}", new { customer.CustomerNumber, customer.DisplayName, tier = customer.Tier.ToString() });
    }

    [HttpGet("{customerNumber}")]
    public async Task<ApiResult> GetAsync(string customerNumber, CancellationToken cancellationToken)
    {
        var customer = await _customers.FindByNumberAsync(customerNumber, cancellationToken);
        return customer switch
        {
            null => NotFound($"Customer {customerNumber}"),
            { Tier: LoyaltyTier.Platinum } vip => Ok(new { vip.CustomerNumber, vip.DisplayName, vip.Tier, perks = new[] { "free shipping", "priority support" } }),
            _ => Ok(new { customer.CustomerNumber, customer.DisplayName, customer.Tier }),
        };
    }
}
