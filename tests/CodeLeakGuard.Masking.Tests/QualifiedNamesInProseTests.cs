namespace CodeLeakGuard.Masking.Tests;

/// <summary>A qualified name in prose is code: its capitalised parts are masked even when written like ordinary words.</summary>
public class QualifiedNamesInProseTests
{
    [Fact]
    public void The_parts_of_a_qualified_name_are_masked_and_framework_and_file_names_are_kept()
    {
        const string Prose = "Why does Contoso.Billing.InvoiceSplitter call Invoice.Lines twice? I read System.Text.Json docs, README.md and appsettings.json, e.g. the first.";

        var masked = new MaskingSession().Mask(Prose, MaskKind.Markdown).Text;

        foreach (var name in new[] { "Contoso", "Billing", "InvoiceSplitter", "Invoice" })
        {
            Assert.DoesNotContain(name, masked, StringComparison.Ordinal);
        }

        Assert.Contains("Why does ", masked);
        Assert.Contains("System.Text.Json docs, README.md and appsettings.json, e.g. the first.", masked);
    }

    [Fact]
    public void A_pasted_stack_trace_loses_its_namespaces_and_keeps_the_framework_frames()
    {
        const string Trace = """
            System.InvalidOperationException: Sequence contains no elements
               at System.Linq.Enumerable.First[TSource](IEnumerable`1 source)
               at Contoso.Billing.InvoiceSplitter.SplitByRegion(Invoice invoice, TaxZone home) in /src/Billing/InvoiceSplitter.cs:line 42
               at Contoso.Billing.Jobs.NightlyRun.Execute() in /src/Billing/Jobs/NightlyRun.cs:line 17
            It fails for the (Gold tier) customers only.
            """;

        var masked = new MaskingSession().Mask(Trace, MaskKind.Markdown).Text;

        Assert.DoesNotContain("(Invoice invoice", masked);
        Assert.DoesNotContain("TaxZone", masked);
        Assert.Contains("(Gold tier) customers", masked); // parentheses in prose are prose
        foreach (var name in new[] { "Contoso", "Billing", "Jobs", "NightlyRun", "InvoiceSplitter" })
        {
            Assert.DoesNotContain(name, masked, StringComparison.Ordinal);
        }

        Assert.Contains("System.InvalidOperationException: Sequence contains no elements", masked);
        Assert.Contains("at System.Linq.Enumerable.First[TSource](IEnumerable`1 source)", masked);
        Assert.Contains(".cs:line 17", masked);
    }
}
