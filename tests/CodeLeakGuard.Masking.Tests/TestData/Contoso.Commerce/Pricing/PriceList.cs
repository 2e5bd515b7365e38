using System;
using System.Collections.Generic;
using System.Linq;
using Contoso.Commerce.Domain;

namespace Contoso.Commerce.Pricing;

/// <summary>List prices by SKU for one currency, valid from a date. The newest list that is already valid wins.</summary>
public sealed class PriceList
{
    private readonly Dictionary<string, decimal> _prices;

    public PriceList(string name, string currency, DateOnly validFrom, IDictionary<string, decimal> prices)
    {
        Name = name;
        Currency = currency;
        ValidFrom = validFrom;
        _prices = new Dictionary<string, decimal>(prices, StringComparer.OrdinalIgnoreCase);
    }

    public string Name { get; }

    public string Currency { get; }

    public DateOnly ValidFrom { get; }

    public int Count => _prices.Count;

    public bool TryGetPrice(string sku, out Money price)
    {
        if (_prices.TryGetValue(sku, out var amount))
        {
            price = new Money(amount, Currency);
            return true;
        }

        price = Money.Zero(Currency);
        return false;
    }

    public static PriceList? SelectCurrent(IEnumerable<PriceList> lists, string currency, DateOnly today) =>
        lists.Where(l => l.Currency == currency && l.ValidFrom <= today)
            .OrderByDescending(l => l.ValidFrom)
            .FirstOrDefault();
}
