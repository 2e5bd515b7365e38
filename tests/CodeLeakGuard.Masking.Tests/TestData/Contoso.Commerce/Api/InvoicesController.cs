using System.Threading;
using System.Threading.Tasks;
using Contoso.Commerce.Domain;
using Contoso.Commerce.Invoicing;
using Contoso.Commerce.Persistence;

namespace Contoso.Commerce.Api;

[Route("api/invoices")]
public sealed class InvoicesController : ApiController
{
    private readonly IRepository<Invoice, string> _invoices;
    private readonly CustomerRepository _customers;

    public InvoicesController(IRepository<Invoice, string> invoices, CustomerRepository customers)
    {
        _invoices = invoices;
        _customers = customers;
    }

    /// <summary>GET /api/invoices/INV-2024-000123 renders the invoice as HTML for the customer portal.</summary>
    [HttpGet("{invoiceNumber}")]
    public async Task<ApiResult> GetAsync(string invoiceNumber, CancellationToken cancellationToken)
    {
        if (!InvoiceNumberSequence.TryParse(invoiceNumber, out _, out _))
        {
            return BadRequest($"'{invoiceNumber}' is not an invoice number.");
        }

        var invoice = await _invoices.FindAsync(invoiceNumber, cancellationToken);
        if (invoice is null)
        {
            return NotFound($"Invoice {invoiceNumber}");
        }

        var customer = await _customers.FindByNumberAsync(invoice.CustomerNumber, cancellationToken);
        return customer is null ? NotFound($"Customer of invoice {invoiceNumber}") : Ok(InvoiceRenderer.ToHtml(invoice, customer));
    }
}
