using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Contoso.Commerce.Domain;

namespace Contoso.Commerce.Services;

/// <summary>Revenue figures for the monthly board report.</summary>
public sealed class ReportingService
{
    public sealed record MonthlyRevenue(int Year, int Month, string Currency, decimal Net, int Orders, decimal AverageOrderValue);

    public IReadOnlyList<MonthlyRevenue> RevenueByMonth(IEnumerable<Order> orders) =>
        orders
            .Where(o => o.Status is OrderStatus.Paid or OrderStatus.Shipped && o.PlacedAt.HasValue)
            .GroupBy(o => (o.PlacedAt!.Value.Year, o.PlacedAt.Value.Month, o.Currency))
            .Select(g => new MonthlyRevenue(
                g.Key.Year,
                g.Key.Month,
                g.Key.Currency,
                g.Sum(o => o.Subtotal.Amount),
                g.Count(),
                Math.Round(g.Average(o => o.Subtotal.Amount), 2)))
            .OrderBy(r => r.Year).ThenBy(r => r.Month)
            .ToList();

    public IEnumerable<(string Sku, int Units)> TopSellers(IEnumerable<Order> orders, int count = 5)
    {
        var units = from order in orders
                    where order.Status != OrderStatus.Cancelled
                    from line in order.Lines
                    group line by line.Sku into bySku
                    let total = bySku.Sum(l => l.Quantity)
                    orderby total descending
                    select (bySku.Key, total);
        return units.Take(count);
    }

    public string ToCsv(IEnumerable<MonthlyRevenue> rows)
    {
        var lines = new List<string> { "year;month;currency;net;orders;aov" };
        lines.AddRange(rows.Select(r => string.Join(";", r.Year, r.Month.ToString("00", CultureInfo.InvariantCulture), r.Currency,
            r.Net.ToString(CultureInfo.InvariantCulture), r.Orders, r.AverageOrderValue.ToString(CultureInfo.InvariantCulture))));
        return string.Join(Environment.NewLine, lines);
    }

    public static double ChurnRate(int customersAtStart, int customersLost) =>
        customersAtStart == 0 ? 0 : (double)customersLost / customersAtStart;
}
