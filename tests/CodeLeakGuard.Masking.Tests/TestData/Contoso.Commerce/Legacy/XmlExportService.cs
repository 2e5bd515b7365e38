using System.Globalization;
using System.Linq;
using System.Xml.Linq;
using Contoso.Commerce.Domain;

namespace Contoso.Commerce.Legacy;

/// <summary>Exports invoices as the XML the tax adviser's software imports ("DATEV-like", not the real format).</summary>
public static class XmlExportService
{
    private const string Template = @"<?xml version=""1.0"" encoding=""utf-8""?>
<export source=""Contoso.Commerce.Legacy.XmlExportService"" version=""2"">
  <!-- one <invoice> element per issued invoice -->
</export>";

    public static XDocument Export(Invoice[] invoices)
    {
        var document = XDocument.Parse(Template);
        document.Root!.Add(invoices.Select(invoice =>
            new XElement("invoice",
                new XAttribute("number", invoice.InvoiceNumber),
                new XAttribute("customer", invoice.CustomerNumber),
                new XAttribute("issued", invoice.IssuedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                new XElement("net", invoice.NetTotal.Amount.ToString(CultureInfo.InvariantCulture)),
                new XElement("tax", invoice.TaxTotal.Amount.ToString(CultureInfo.InvariantCulture)),
                invoice.Lines.Select(line => new XElement("line", new XAttribute("qty", line.Quantity), line.Description)))));
        return document;
    }
}
