using System.Collections.Generic;
using Contoso.Commerce.Domain;

namespace Contoso.Commerce.Pricing;

/// <summary>VAT by destination country and product category. Digital goods are taxed where the customer lives.</summary>
public sealed class TaxCalculator
{
    private static readonly IReadOnlyDictionary<string, decimal> StandardRates = new Dictionary<string, decimal>
    {
        ["DE"] = 0.19m,
        ["AT"] = 0.20m,
        ["FR"] = 0.20m,
        ["NL"] = 0.21m,
        ["CH"] = 0.081m,
    };

    private readonly decimal _defaultRate;

    public TaxCalculator(decimal defaultRate = 0.19m)
    {
        _defaultRate = defaultRate;
    }

    public decimal RateFor(string countryCode, ProductCategory category)
    {
        if (category == ProductCategory.Service && countryCode != "DE")
        {
            return 0m; // reverse charge: the customer declares the tax
        }

        return StandardRates.TryGetValue(countryCode, out var rate) ? rate : _defaultRate;
    }

    public Money TaxOn(Money net, string countryCode, ProductCategory category) =>
        (net * RateFor(countryCode, category)).Round();
}
