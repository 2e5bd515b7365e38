using System;
using System.Collections.Generic;
using System.Linq;
using Contoso.Commerce.Domain;

namespace Contoso.Commerce.Pricing.Secret;

/// <summary>
/// Demand-based price adjustment. This whole folder is proprietary by policy (<c>proprietary path Pricing/Secret/**</c>).
/// </summary>
public sealed class SurgePricingModel
{
    private readonly Queue<int> _recentOrderCounts = new();

    public double Sensitivity { get; set; } = 0.042;

    public void Observe(int ordersInLastHour)
    {
        _recentOrderCounts.Enqueue(ordersInLastHour);
        while (_recentOrderCounts.Count > 24)
        {
            _recentOrderCounts.Dequeue();
        }
    }

    public decimal Multiplier()
    {
        if (_recentOrderCounts.Count < 3)
        {
            return 1m;
        }

        var mean = _recentOrderCounts.Average();
        var latest = _recentOrderCounts.Last();
        var z = (latest - mean) / Math.Max(1.0, Math.Sqrt(_recentOrderCounts.Select(c => Math.Pow(c - mean, 2)).Average()));
        return (decimal)Math.Clamp(1.0 + (z * Sensitivity), 0.9, 1.25);
    }

    public Money Adjust(Money listPrice) => (listPrice * Multiplier()).Round();
}
