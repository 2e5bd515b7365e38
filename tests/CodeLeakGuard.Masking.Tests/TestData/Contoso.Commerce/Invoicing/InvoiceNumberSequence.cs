using System;
using System.Globalization;
using System.Threading;

namespace Contoso.Commerce.Invoicing;

/// <summary>
/// Gap-free invoice numbers per year: "INV-2024-000123". Tax law requires no gaps, so a number is only taken
/// when the invoice is actually issued.
/// </summary>
public sealed class InvoiceNumberSequence
{
    private readonly object _gate = new();
    private int _year;
    private int _last;

    public InvoiceNumberSequence(int year, int last = 0)
    {
        _year = year;
        _last = last;
    }

    public string Next(DateOnly issuedOn)
    {
        lock (_gate)
        {
            if (issuedOn.Year != _year)
            {
                _year = issuedOn.Year;
                _last = 0;
            }

            var number = Interlocked.Increment(ref _last);
            return string.Format(CultureInfo.InvariantCulture, "INV-{0}-{1:000000}", _year, number);
        }
    }

    public static bool TryParse(string invoiceNumber, out int year, out int sequence)
    {
        year = sequence = 0;
        var parts = invoiceNumber.Split('-');
        return parts.Length == 3 && parts[0] == "INV"
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out year)
            && int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out sequence);
    }
}
