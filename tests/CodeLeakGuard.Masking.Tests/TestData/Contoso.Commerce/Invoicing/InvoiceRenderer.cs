using System.Globalization;
using System.Linq;
using System.Text;
using Contoso.Commerce.Domain;

namespace Contoso.Commerce.Invoicing;

/// <summary>Renders an <see cref="Invoice"/> as plain text and as a small HTML page for the e-mail body.</summary>
public static class InvoiceRenderer
{
    private const string Footer = """
        Contoso Commerce GmbH · Musterstraße 1 · 10115 Berlin
        Questions about this invoice? Write to billing@contoso-commerce.example or call +49 30 1234567.
        """;

    public static string ToText(Invoice invoice, Customer customer)
    {
        var text = new StringBuilder();
        text.AppendLine($"Invoice {invoice.InvoiceNumber} for {customer.DisplayName} ({customer.CustomerNumber})");
        text.AppendLine($"Issued {invoice.IssuedOn:yyyy-MM-dd}, due {invoice.DueOn:yyyy-MM-dd}");
        foreach (var line in invoice.Lines)
        {
            text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"  {line.Quantity,3} x {line.Description,-40} {line.Net.Amount,10:0.00} {line.UnitPrice.Currency}"));
        }

        text.AppendLine($"Net {invoice.NetTotal}, tax {invoice.TaxTotal}, total {invoice.GrossTotal}");
        text.Append(Footer);
        return text.ToString();
    }

    public static string ToHtml(Invoice invoice, Customer customer)
    {
        var rows = string.Join("\n", invoice.Lines.Select(l => $$"""<tr><td>{{l.Description}}</td><td class="qty">{{l.Quantity}}</td><td>{{l.Gross}}</td></tr>"""));
        return $$"""
            <html>
              <body style="font-family: sans-serif">
                <h1>Invoice {{invoice.InvoiceNumber}}</h1>
                <p>Dear {{customer.DisplayName}}, thank you for your order.</p>
                <table>{{rows}}</table>
                <p class="total">Total: {{invoice.GrossTotal}}</p>
              </body>
            </html>
            """;
    }
}
