using System.Threading;
using System.Threading.Tasks;
using Contoso.Commerce.Domain;

namespace Contoso.Commerce.Pricing;

/// <summary>Prices an <see cref="Order"/>: list prices, discounts, tax. Implemented by <see cref="OrderPricingEngine"/>.</summary>
public interface IPricingEngine
{
    Task<PriceBreakdown> PriceAsync(Order order, Customer customer, CancellationToken cancellationToken = default);
}

/// <summary>What an order costs, line by line, and why.</summary>
public sealed record PriceBreakdown(Money Subtotal, Money Discount, Money Tax, Money Shipping)
{
    public Money Total => Subtotal - Discount + Tax + Shipping;
}
