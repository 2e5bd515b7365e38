using System;
using System.Collections.Generic;

namespace Contoso.Commerce.Pricing;

/// <summary>Competitor prices scraped nightly; used to cap our list prices.</summary>
public sealed class CompetitorPriceIndex
{
    private readonly Dictionary<string, decimal> _lowest = new(StringComparer.OrdinalIgnoreCase);

    public void Record(string sku, decimal price)
    {
        if (!_lowest.TryGetValue(sku, out var current) || price < current)
        {
            _lowest[sku] = price;
        }
    }

    #region Proprietary: undercut strategy
    public decimal UndercutTarget(string sku, decimal ourPrice)
    {
        if (!_lowest.TryGetValue(sku, out var competitor))
        {
            return ourPrice;
        }

        // Undercut by 1.7% but never below 92% of our own list price.
        return Math.Max(competitor * 0.983m, ourPrice * 0.92m);
    }

    private static bool IsPriceWar(decimal ours, decimal theirs) => theirs < ours * 0.85m;
    #endregion

    public int Count => _lowest.Count;
}
