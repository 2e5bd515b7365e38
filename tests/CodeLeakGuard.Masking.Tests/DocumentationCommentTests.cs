namespace CodeLeakGuard.Masking.Tests;

/// <summary>
/// Documentation comments are prose, except where their XML says code: <c>&lt;c&gt;</c> and <c>&lt;code&gt;</c>
/// elements and <c>name</c> / <c>cref</c> attribute values, where every unknown word is masked. Code is lexed without
/// parsing documentation comments, so each <c>///</c> line arrives on its own: a code example over several lines
/// must still be code on every line, in a file, with Windows line breaks, and in a numbered listing an agent read.
/// </summary>
public class DocumentationCommentTests
{
    private const string Documented = """
        namespace Billing;

        /// <summary>Splits an invoice by its rules.</summary>
        /// <example>
        /// <code>
        /// var apportioner = new InvoiceSplitter(tranches);
        /// var shares = apportioner.Split(ledger);
        /// </code>
        /// </example>
        public class InvoiceSplitter
        {
            /// <param name="allotment">What the apportioner posts.</param>
            public void Post(int allotment) { }
        }
        """;

    [Fact]
    public void A_code_example_over_several_lines_is_masked_as_code_on_every_line()
    {
        var masked = Mask(Documented);

        AssertExampleMasked(masked);
    }

    [Fact]
    public void So_it_is_with_Windows_line_breaks()
    {
        var masked = Mask(Documented.ReplaceLineEndings("\r\n"));

        AssertExampleMasked(masked);
        Assert.Equal(Documented.Split('\n').Length, masked.Split("\r\n").Length);
    }

    [Fact]
    public void So_it_is_in_a_numbered_listing_as_coding_agents_read_files()
    {
        var listing = string.Concat(Documented.Split('\n').Select((line, i) => $"{i + 1,6}\u2192{line}\n"));

        var masked = new MaskingSession().Mask("Here is the file:\n\n" + listing, MaskKind.Markdown).Text;

        AssertExampleMasked(masked);
        Assert.Contains("     6\u2192/// var ", masked, StringComparison.Ordinal); // the listing's numbers are kept
    }

    [Fact]
    public void A_blank_line_ends_the_comment_and_with_it_the_code_element()
    {
        var code = "/// <code>\n/// var apportioner = 1;\n\n/// Tells tranches apart.\nclass InvoiceSplitter { }\n";

        var masked = Mask(code);

        Assert.DoesNotContain("var apportioner", masked, StringComparison.Ordinal);
        Assert.Contains("/// Tells tranches apart.", masked, StringComparison.Ordinal);
    }

    [Fact]
    public void A_delimited_documentation_comment_is_read_as_one()
    {
        var code = "/** <summary>Uses <c>apportioner</c> when posting.</summary> */\nclass InvoiceSplitter { }\n";

        var masked = Mask(code);

        Assert.DoesNotContain("<c>apportioner</c>", masked, StringComparison.Ordinal);
        Assert.Contains("when posting", masked, StringComparison.Ordinal);
    }

    [Fact]
    public void Four_slashes_are_a_plain_comment_as_the_compiler_reads_them()
    {
        var code = "//// <c>apportioner</c> when posting\nclass InvoiceSplitter { }\n";

        var masked = Mask(code);

        Assert.Contains("<c>apportioner</c> when posting", masked, StringComparison.Ordinal);
    }

    private static string Mask(string code) => new MaskingSession().Mask(code, MaskKind.CSharp).Text;

    private static void AssertExampleMasked(string masked)
    {
        Assert.DoesNotContain("InvoiceSplitter", masked, StringComparison.Ordinal);
        Assert.DoesNotContain("apportioner", masked, StringComparison.Ordinal); // in <code>, ordinary words are names
        Assert.DoesNotContain("var shares", masked, StringComparison.Ordinal);
        Assert.DoesNotContain("(tranches)", masked, StringComparison.Ordinal);
        Assert.DoesNotContain("allotment", masked, StringComparison.Ordinal);
        Assert.Contains("Splits an invoice by its rules.", masked, StringComparison.Ordinal); // prose stays prose
        Assert.Contains("What the ", masked, StringComparison.Ordinal);
    }
}
