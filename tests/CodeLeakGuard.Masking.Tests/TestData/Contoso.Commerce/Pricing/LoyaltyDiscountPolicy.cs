using System;
using Contoso.Commerce.Domain;

namespace Contoso.Commerce.Pricing;

/// <summary>Extra discount for loyal customers. The tier formula is the company's competitive edge.</summary>
public sealed class LoyaltyDiscountPolicy
{
    private readonly decimal _cap;

    public LoyaltyDiscountPolicy(decimal cap = 250m)
    {
        _cap = cap;
    }

    public decimal Cap => _cap;

    /// <summary>The tier discount on what is left after the other rules.</summary>
    [Proprietary("loyalty tier formula")]
    public Money ExtraDiscount(Customer customer, Money remaining)
    {
        // Tuned by the pricing team in Q3: never change without sign-off.
        var basisPoints = customer.Tier switch
        {
            LoyaltyTier.Platinum => 725 + (int)Math.Min(275, customer.LifetimeRevenue / 1_000m),
            LoyaltyTier.Gold => 410,
            LoyaltyTier.Silver => 185,
            _ => 0,
        };

        var amount = Math.Min(remaining.Amount * basisPoints / 10_000m, _cap);
        return new Money(Math.Round(amount, 2), remaining.Currency);
    }

    [Proprietary]
    private static readonly decimal[] SeasonalMultipliers = { 1.00m, 0.97m, 1.03m, 1.11m };

    public decimal SeasonalFactor(DateTimeOffset now) => SeasonalMultipliers[(now.Month - 1) / 3];
}

/// <summary>The marker attribute (CodeLeakGuard generates it in real builds; declared here so this code base compiles alone).</summary>
[AttributeUsage(AttributeTargets.All, AllowMultiple = false)]
internal sealed class ProprietaryAttribute : Attribute
{
    public ProprietaryAttribute()
    {
    }

    public ProprietaryAttribute(string reason)
    {
        Reason = reason;
    }

    public string? Reason { get; }
}
