using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Contoso.Commerce.Domain;
using Contoso.Commerce.Infrastructure;
using Contoso.Commerce.Persistence;
using Contoso.Commerce.Pricing;

namespace Contoso.Commerce.Invoicing;

/// <summary>Turns a paid <see cref="Order"/> into an <see cref="Invoice"/> and publishes <see cref="InvoiceIssued"/>.</summary>
public sealed class InvoiceGenerator
{
    private readonly InvoiceNumberSequence _sequence;
    private readonly TaxCalculator _tax;
    private readonly IRepository<Invoice, string> _invoices;
    private readonly IClock _clock;
    private readonly EventBus _events;

    public InvoiceGenerator(InvoiceNumberSequence sequence, TaxCalculator tax, IRepository<Invoice, string> invoices, IClock clock, EventBus events)
    {
        _sequence = sequence;
        _tax = tax;
        _invoices = invoices;
        _clock = clock;
        _events = events;
    }

    public async Task<Invoice> IssueAsync(Order order, IReadOnlyDictionary<string, ProductCategory> categories, CancellationToken cancellationToken)
    {
        if (order.Status != OrderStatus.Paid)
        {
            throw new InvalidOperationException($"Only paid orders are invoiced; order {order.Id} is {order.Status}.");
        }

        var today = DateOnly.FromDateTime(_clock.Now.UtcDateTime);
        var lines = order.Lines
            .Select(line => new InvoiceLine(
                $"{line.Description} ({line.Sku})",
                line.Quantity,
                line.UnitPrice,
                _tax.RateFor(order.ShippingAddress.CountryCode, categories.TryGetValue(line.Sku, out var category) ? category : ProductCategory.Hardware)))
            .ToList();

        var invoice = new Invoice(_sequence.Next(today), order.Id, order.CustomerNumber, today, lines);
        await _invoices.AddAsync(invoice, cancellationToken).ConfigureAwait(false);
        await _events.PublishAsync(new InvoiceIssued(invoice.InvoiceNumber, order.Id, invoice.GrossTotal, _clock.Now), cancellationToken).ConfigureAwait(false);
        return invoice;
    }
}
