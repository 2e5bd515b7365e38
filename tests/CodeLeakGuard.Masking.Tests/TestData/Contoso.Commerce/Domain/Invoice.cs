using System;
using System.Collections.Generic;
using System.Linq;

namespace Contoso.Commerce.Domain;

public sealed record InvoiceLine(string Description, int Quantity, Money UnitPrice, decimal TaxRate)
{
    public Money Net => UnitPrice * Quantity;

    public Money Tax => (Net * TaxRate).Round();

    public Money Gross => Net + Tax;
}

/// <summary>An issued invoice. Invoices are immutable; corrections are credit notes (see <c>CreditNoteService</c>).</summary>
public sealed class Invoice : Entity<string>
{
    public Invoice(string invoiceNumber, Guid orderId, string customerNumber, DateOnly issuedOn, IEnumerable<InvoiceLine> lines)
        : base(invoiceNumber)
    {
        OrderId = orderId;
        CustomerNumber = customerNumber;
        IssuedOn = issuedOn;
        Lines = lines.ToList();
        if (Lines.Count == 0)
        {
            throw new ArgumentException("An invoice needs at least one line.", nameof(lines));
        }
    }

    public string InvoiceNumber => Id;

    public Guid OrderId { get; }

    public string CustomerNumber { get; }

    public DateOnly IssuedOn { get; }

    public DateOnly DueOn => IssuedOn.AddDays(PaymentTermDays);

    public int PaymentTermDays { get; init; } = 14;

    public IReadOnlyList<InvoiceLine> Lines { get; }

    public string Currency => Lines[0].UnitPrice.Currency;

    public Money NetTotal => Lines.Aggregate(Money.Zero(Currency), (sum, l) => sum + l.Net);

    public Money TaxTotal => Lines.Aggregate(Money.Zero(Currency), (sum, l) => sum + l.Tax);

    public Money GrossTotal => NetTotal + TaxTotal;

    public bool IsOverdue(DateOnly today) => today > DueOn;
}
