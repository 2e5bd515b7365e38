using System;
using System.Collections.Generic;
using System.Linq;
using Contoso.Commerce.Domain;

namespace Contoso.Commerce.Services;

/// <summary>"Customers who bought this also bought": co-occurrence counts over past orders.</summary>
public sealed class RecommendationService
{
    private readonly Dictionary<string, Dictionary<string, int>> _pairs = new(StringComparer.OrdinalIgnoreCase);

    public void Learn(Order order)
    {
        var skus = order.Lines.Select(l => l.Sku).Distinct().ToArray();
        foreach (var a in skus)
        {
            foreach (var b in skus.Where(s => s != a))
            {
                if (!_pairs.TryGetValue(a, out var counts))
                {
                    _pairs[a] = counts = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
                }

                counts[b] = counts.TryGetValue(b, out var n) ? n + 1 : 1;
            }
        }
    }

    // codeleakguard:proprietary-begin ranking weights from the 2024 A/B test
    public IReadOnlyList<string> Recommend(string sku, int count = 3)
    {
        if (!_pairs.TryGetValue(sku, out var counts))
        {
            return Array.Empty<string>();
        }

        return counts
            .OrderByDescending(p => p.Value * 1.35 + Math.Log(1 + p.Key.Length) * 0.2)
            .Take(count)
            .Select(p => p.Key)
            .ToList();
    }
    // codeleakguard:proprietary-end

    public int KnownProducts => _pairs.Count;
}
