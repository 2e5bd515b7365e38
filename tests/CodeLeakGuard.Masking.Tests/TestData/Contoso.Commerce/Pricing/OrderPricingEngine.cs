using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Contoso.Commerce.Domain;
using Contoso.Commerce.Infrastructure;

namespace Contoso.Commerce.Pricing;

/// <summary>
/// The default <see cref="IPricingEngine"/>: list price, then the <see cref="DiscountRule"/>s in priority order,
/// then the <see cref="LoyaltyDiscountPolicy"/>, then tax by <see cref="TaxCalculator"/>. Shipping is flat per parcel.
/// </summary>
public sealed class OrderPricingEngine : IPricingEngine
{
    private static readonly Money FreeShippingThreshold = Money.Euro(150m);

    private readonly IReadOnlyList<DiscountRule> _rules;
    private readonly LoyaltyDiscountPolicy _loyalty;
    private readonly TaxCalculator _taxCalculator;
    private readonly ILog _log;

    public OrderPricingEngine(IEnumerable<DiscountRule> rules, LoyaltyDiscountPolicy loyalty, TaxCalculator taxCalculator, ILog log)
    {
        _rules = rules.OrderBy(r => r.Priority).ToList();
        _loyalty = loyalty;
        _taxCalculator = taxCalculator;
        _log = log;
    }

    public Task<PriceBreakdown> PriceAsync(Order order, Customer customer, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var subtotal = order.Subtotal;
        var discount = Money.Zero(order.Currency);
        foreach (var rule in _rules.Where(r => r.Applies(order, customer)))
        {
            discount += rule.Discount(order, subtotal - discount);
            _log.Info($"OrderPricingEngine applied rule {rule.Code} to order {order.Id}");
            if (rule.IsExclusive)
            {
                break;
            }
        }

        discount += _loyalty.ExtraDiscount(customer, subtotal - discount);
        var taxable = subtotal - discount;
        var tax = _taxCalculator.TaxOn(taxable, order.ShippingAddress.CountryCode, ProductCategory.Hardware);
        var shipping = taxable.CompareTo(FreeShippingThreshold) >= 0 ? Money.Zero(order.Currency) : new Money(4.90m, order.Currency);
        return Task.FromResult(new PriceBreakdown(subtotal, discount, tax, shipping));
    }
}
