using System;
using System.Collections.Generic;
using System.Linq;
using Contoso.Commerce.Domain;

namespace Contoso.Commerce.Invoicing;

/// <summary>A correction to an issued invoice; credit note numbers mirror the invoice ("CN-" instead of "INV-").</summary>
public sealed record CreditNote(string Number, string InvoiceNumber, IReadOnlyList<InvoiceLine> Lines, string Reason)
{
    public Money Total => Lines.Select(l => l.Gross).Aggregate((a, b) => a + b);
}

public sealed class CreditNoteService
{
    private readonly Dictionary<string, List<CreditNote>> _byInvoice = new();

    public CreditNote Credit(Invoice invoice, IEnumerable<(string Description, int Quantity)> returned, string reason)
    {
        var lines = new List<InvoiceLine>();
        foreach (var (description, quantity) in returned)
        {
            var original = invoice.Lines.FirstOrDefault(l => l.Description.StartsWith(description, StringComparison.OrdinalIgnoreCase))
                ?? throw new ArgumentException($"Invoice {invoice.InvoiceNumber} has no line '{description}'.", nameof(returned));
            if (quantity > original.Quantity)
            {
                throw new ArgumentOutOfRangeException(nameof(returned), $"Cannot credit {quantity} of {original.Quantity}.");
            }

            lines.Add(original with { Quantity = -quantity });
        }

        var existing = CollectionsMarshalHelper.GetOrAdd(_byInvoice, invoice.InvoiceNumber);
        var note = new CreditNote($"CN-{invoice.InvoiceNumber.Substring(4)}-{existing.Count + 1}", invoice.InvoiceNumber, lines, reason);
        existing.Add(note);
        return note;
    }

    public IReadOnlyList<CreditNote> For(string invoiceNumber) =>
        _byInvoice.TryGetValue(invoiceNumber, out var notes) ? notes : Array.Empty<CreditNote>();

    private static class CollectionsMarshalHelper
    {
        public static List<CreditNote> GetOrAdd(Dictionary<string, List<CreditNote>> map, string key)
        {
            if (!map.TryGetValue(key, out var list))
            {
                map[key] = list = new List<CreditNote>();
            }

            return list;
        }
    }
}
