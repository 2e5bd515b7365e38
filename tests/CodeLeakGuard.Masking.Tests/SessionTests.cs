using System.Text;

namespace CodeLeakGuard.Masking.Tests;

/// <summary>Sessions: stable pseudonyms, saved and loaded as JSON, safe to share between threads.</summary>
public class SessionTests
{
    private const string Code = """
        namespace Contoso.Billing;

        public sealed class InvoiceArchive
        {
            private const string Key = "sk-proj-Q8f3kLmN2pRtVwXyZa7bCdEfGhIjKlMnOpQrStUv12Wx";

            public void StoreInvoice(string invoiceNumber) => System.Console.WriteLine(invoiceNumber);
        }
        """;

    [Fact]
    public void A_saved_session_loads_and_unmasks_what_the_original_masked()
    {
        var session = new MaskingSession();
        var masked = session.Mask(Code, MaskKind.CSharp).Text;
        var markdown = session.Mask("Call `InvoiceArchive.StoreInvoice` from the Contoso.Billing job.", MaskKind.Markdown).Text;

        using var saved = new MemoryStream();
        session.Save(saved);
        var json = Encoding.UTF8.GetString(saved.ToArray());
        Assert.Contains("\"format\": \"codeleakguard-masking-session\"", json);
        Assert.Contains("SENSITIVE", json);
        Assert.Contains("InvoiceArchive", json); // it maps pseudonyms back: as sensitive as the code

        saved.Position = 0;
        var loaded = MaskingSession.Load(saved);
        Assert.Equal(session.PlaceholderCount, loaded.PlaceholderCount);
        Assert.Equal(Code, loaded.Unmask(masked).Text);
        Assert.Equal("Call `InvoiceArchive.StoreInvoice` from the Contoso.Billing job.", loaded.Unmask(markdown).Text);

        // Masking goes on with the same pseudonyms, and new names get new numbers.
        Assert.Equal(masked, loaded.Mask(Code, MaskKind.CSharp).Text);
        var more = loaded.Mask("class InvoiceArchiveTests { InvoiceArchive _archive; }", MaskKind.CSharp).Text;
        Assert.DoesNotContain("InvoiceArchive", more);
        Assert.Equal("class InvoiceArchiveTests { InvoiceArchive _archive; }", loaded.Unmask(more).Text);
    }

    [Fact]
    public void A_session_file_on_disk_round_trips()
    {
        var path = Path.Combine(Path.GetTempPath(), "clg-session-" + Guid.NewGuid().ToString("N") + ".json");
        try
        {
            var session = new MaskingSession();
            var masked = session.Mask(Code, MaskKind.CSharp).Text;
            session.Save(path);
            Assert.Equal(Code, MaskingSession.Load(path).Unmask(masked).Text);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{\"format\": \"something-else\", \"version\": 1}")]
    [InlineData("{\"format\": \"codeleakguard-masking-session\", \"version\": 99}")]
    [InlineData("{\"format\": \"codeleakguard-masking-session\", \"version\": 1, \"names\": [{\"number\": -5, \"role\": \"Class\", \"real\": \"X\"}]}")]
    [InlineData("{\"format\": \"codeleakguard-masking-session\", \"version\": 1, \"names\": [{\"number\": 3, \"role\": \"Wizard\", \"real\": \"X\"}]}")]
    [InlineData("{\"format\": \"codeleakguard-masking-session\", \"version\": 1, \"names\": [{\"number\": 3, \"role\": \"Class\", \"real\": \"X\"}, {\"number\": 3, \"role\": \"Class\", \"real\": \"Y\"}]}")]
    [InlineData("{\"format\": \"codeleakguard-masking-session\", \"version\": 1, \"withheld\": [{\"number\": 4, \"kind\": \"Proprietary\", \"stub\": \"x\", \"markerOffset\": 0, \"original\": \"y\"}]}")]
    public void A_damaged_session_file_is_refused(string json)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));
        Assert.Throws<FormatException>(() => MaskingSession.Load(stream));
    }

    [Fact]
    public void Pseudonyms_are_stable_across_calls_and_never_framework_names()
    {
        var session = new MaskingSession();
        var first = session.Mask(Code, MaskKind.CSharp);
        var second = session.Mask(Code, MaskKind.CSharp);
        Assert.Equal(first.Text, second.Text);
        Assert.Equal(0, second.Report.NewPseudonyms);
        Assert.True(first.Report.NewPseudonyms >= 5);
        Assert.Contains("System.Console.WriteLine", first.Text);
        Assert.Contains("namespace Namespace1.Namespace2;", first.Text);
    }

    [Fact]
    public void Concurrent_calls_on_one_session_agree()
    {
        var session = new MaskingSession();
        var results = Enumerable.Range(0, 16).AsParallel().Select(i => session.Mask(Code + $"\n// call {i}", MaskKind.CSharp).Text).ToList();
        Assert.Single(results.Select(r => r[..r.LastIndexOf("// call", StringComparison.Ordinal)]).Distinct());
        Assert.All(results, r => Assert.Equal(Code, session.Unmask(r).Text[..Code.Length]));
    }

    [Fact]
    public void The_report_counts_by_category_and_holds_no_value()
    {
        var report = new MaskingSession().Mask(Code, MaskKind.CSharp).Report;
        Assert.Equal(1, report.Secrets);
        Assert.Equal(1, report.SecretsByKind["OpenAIKey"]);
        Assert.Equal(1, report.SecretsByCategory["Credential"]);
        Assert.True(report.IdentifiersByRole["Class"] >= 1);
        Assert.True(report.IdentifiersByRole["Namespace"] >= 2);
        Assert.Equal(report.Identifiers, report.Counts["identifiers"]);
        var line = report.ToString();
        Assert.StartsWith("identifiers=", line);
        Assert.DoesNotContain("InvoiceArchive", line);
        Assert.DoesNotContain("sk-proj", line);
    }
}
