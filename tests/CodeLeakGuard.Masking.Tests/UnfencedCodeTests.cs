using System.Text.RegularExpressions;
using CodeLeakGuard.Masking.Markdown;

namespace CodeLeakGuard.Masking.Tests;

/// <summary>
/// C# that reaches a prompt without a Markdown fence (a file a coding agent's tool read, a pasted snippet) is masked
/// as code, exactly as the same code in a fence would be; numbered listings keep their numbers.
/// </summary>
public class UnfencedCodeTests
{
    private const string Code = """
        using System.Collections.Generic;

        namespace Contoso.Billing;

        public sealed class InvoiceSplitter
        {
            private readonly ITaxLedger _taxLedger;

            public IReadOnlyList<InvoiceLine> SplitByRegion(Invoice invoice, RegionCatalog regions)
            {
                var perRegion = new List<InvoiceLine>();
                foreach (var line in invoice.Lines)
                {
                    perRegion.Add(line.WithTax(_taxLedger.RateFor(regions.ResolveRegion(line.ShippingAddress))));
                }

                return perRegion;
            }
        }
        """;

    private static readonly string[] ProprietaryNames = ["Contoso", "Billing", "InvoiceSplitter", "ITaxLedger", "_taxLedger", "InvoiceLine", "SplitByRegion", "Invoice ", "RegionCatalog", "ResolveRegion", "ShippingAddress", "RateFor", ".Lines"];

    [Fact]
    public void A_file_without_a_fence_is_masked_exactly_as_the_same_file_in_a_fence()
    {
        var unfenced = new MaskingSession().Mask(Code, MaskKind.Markdown).Text;
        var fenced = new MaskingSession().Mask("```csharp\n" + Code + "\n```", MaskKind.Markdown).Text;

        Assert.Equal(fenced, "```csharp\n" + unfenced + "\n```");
        AssertNoProprietaryName(unfenced);
        Assert.Contains("public sealed class Class", unfenced);
        Assert.Contains("new List<", unfenced);
    }

    [Fact]
    public void Code_between_prose_is_masked_as_code_and_the_prose_around_it_as_prose()
    {
        var prompt = "The splitter below drops lines. Can you see why?\n\n" + Code + "\n\nIt started after the last release.";

        var masked = new MaskingSession().Mask(prompt, MaskKind.Markdown).Text;

        AssertNoProprietaryName(masked);
        Assert.StartsWith("The splitter below drops lines. Can you see why?\n\n", masked);
        Assert.EndsWith("\n\nIt started after the last release.", masked);
    }

    [Theory]
    [InlineData("→")]
    [InlineData("\t")]
    public void A_numbered_listing_keeps_every_line_number_and_is_masked_as_the_plain_code_is(string separator)
    {
        var lines = Code.Split('\n');
        var listing = string.Join("\n", lines.Select((line, i) => $"{i + 1,6}{separator}{line}"));

        var masked = new MaskingSession().Mask(listing, MaskKind.Markdown).Text;
        var plain = new MaskingSession().Mask(Code, MaskKind.Markdown).Text;

        AssertNoProprietaryName(masked);
        var maskedLines = masked.Split('\n');
        Assert.Equal(lines.Length, maskedLines.Length);
        for (var i = 0; i < lines.Length; i++)
        {
            Assert.StartsWith($"{i + 1,6}{separator}", maskedLines[i]);
        }

        var withoutNumbers = string.Join("\n", maskedLines.Select(line => line.Substring(6 + separator.Length)));
        Assert.Equal(plain, withoutNumbers);
    }

    [Fact]
    public void Proprietary_code_in_a_numbered_listing_is_withheld()
    {
        const string Marked = """
            namespace Contoso.Pricing;

            public sealed class TierPricing
            {
                [Proprietary("tier formula")]
                public decimal ApplyTier(decimal basePrice, decimal remaining)
                {
                    var secretSauce = basePrice * 0.37m + remaining / 11m;
                    return secretSauce;
                }
            }
            """;
        var listing = string.Join("\n", Marked.Split('\n').Select((line, i) => $"{i + 1,6}→{line}"));

        var masked = new MaskingSession().Mask(listing, MaskKind.Markdown).Text;

        Assert.Contains("<withheld:Proprietary", masked);
        Assert.DoesNotContain("0.37m", masked);
        Assert.DoesNotContain("secretSauce", masked);
        Assert.StartsWith("     1→namespace Namespace", masked);
    }

    [Fact]
    public void Other_C_family_code_is_masked_by_name_and_keeps_its_keywords()
    {
        const string Script = """
            import { billingClient } from './billing';
            export function chargeInvoice(invoice) {
              const total = computeTotal(invoice.lines);
              return billingClient.charge(invoice.customerId, total);
            }
            """;

        var masked = new MaskingSession().Mask(Script, MaskKind.Markdown).Text;

        foreach (var name in new[] { "billingClient", "chargeInvoice", "computeTotal", "customerId" })
        {
            Assert.DoesNotContain(name, masked, StringComparison.Ordinal);
        }

        Assert.StartsWith("import { ", masked);
        Assert.Contains("export function ", masked);
        Assert.Contains("const ", masked);
        Assert.Contains("return ", masked);
    }

    [Theory]
    [InlineData("Fix the bug in Foo.Bar();")]
    [InlineData("We tried two things; neither worked.\nThe first was a retry; the second a cache.")]
    [InlineData("{\n  \"invoice\": \"INV-1\",\n  \"total\": 12.5,\n  \"lines\": [1, 2]\n}")]
    [InlineData("Steps:\n1. open the file\n2. run the tests")]
    public void Prose_and_JSON_are_not_taken_for_code(string text)
    {
        Assert.All(MarkdownSegmenter.Split(text), segment => Assert.Equal(MarkdownSegmentKind.Prose, segment.Kind));
    }

    [Theory]
    [InlineData("var total = invoice.Lines.Sum(l => l.Net);")]
    [InlineData("await using var scope = provider.CreateAsyncScope();")]
    [InlineData("if (order.IsPaid)\n{\n    Ship(order);\n}")]
    public void A_snippet_that_is_all_of_a_text_is_code(string text)
    {
        var segment = Assert.Single(MarkdownSegmenter.Split(text));
        Assert.Equal(MarkdownSegmentKind.CSharpCode, segment.Kind);
        Assert.Equal((0, text.Length), (segment.Start, segment.End));
    }

    [Fact]
    public void The_code_segment_starts_and_ends_at_its_first_and_last_code_line()
    {
        const string Intro = "Here is the file you asked for:\n\n";
        const string Outro = "\n\nLet me know what to change.";
        var text = Intro + Code + Outro;

        var segments = MarkdownSegmenter.Split(text);

        Assert.Equal([MarkdownSegmentKind.Prose, MarkdownSegmentKind.CSharpCode, MarkdownSegmentKind.Prose], segments.Select(s => s.Kind));
        Assert.Equal(Code, text.Substring(segments[1].Start, segments[1].End - segments[1].Start).TrimEnd('\n'));
    }

    [Fact]
    public void A_patchs_envelope_keeps_its_words_and_its_code_is_masked_as_code()
    {
        const string Patch = """
            *** Begin Patch
            *** Add File: src/Routing/RateCardDefaults.cs
            +public static class RateCardDefaults
            +{
            +    public static decimal Surcharge(RateCard card) => card.BaseRate * 0.1m;
            +}
            *** End Patch
            """;

        var masked = new MaskingSession().Mask(Patch, MaskKind.Markdown).Text;

        Assert.StartsWith("*** Begin Patch\n*** Add File: ", masked);
        Assert.EndsWith("\n*** End Patch", masked);
        Assert.DoesNotContain("RateCardDefaults", masked);
        Assert.DoesNotContain("BaseRate", masked);
    }

    [Theory]
    [InlineData("<<<<<<< SEARCH", "=======", ">>>>>>> REPLACE")] // Aider, Cline before
    [InlineData("------- SEARCH", "=======", "+++++++ REPLACE")] // Cline
    public void An_edit_in_search_and_replace_blocks_keeps_its_tags_and_markers_and_its_code_is_masked(string search, string divider, string replace)
    {
        var edit = $$"""
            <replace_in_file>
            <path>src/Routing/RateCardRouter.cs</path>
            <diff>
            {{search}}
                var surcharge = LaneSurcharge(card, destination);
            {{divider}}
                var surcharge = LaneSurcharge(card, destination) ?? 0m;
            {{replace}}
            </diff>
            </replace_in_file>
            """;

        var masked = new MaskingSession().Mask(edit, MaskKind.Markdown).Text;

        // The tool's own tag is a snake_case word, masked as prose masks one (the same everywhere, so the model's
        // answer in that format is unmasked back); the format's words stay.
        Assert.Contains($"\n<diff>\n{search}\n", masked);
        Assert.Contains($"\n{divider}\n", masked);
        Assert.Contains($"\n{replace}\n</diff>\n", masked);
        Assert.DoesNotContain("LaneSurcharge", masked);
        Assert.DoesNotContain("RateCardRouter", masked);
    }

    [Fact]
    public void A_conflict_in_code_keeps_its_markers_words_and_masks_both_sides()
    {
        const string Conflict = """
            public sealed class RateCardRouter
            {
            <<<<<<< HEAD
                public decimal LaneSurcharge(RateCard card) => card.BaseRate;
            =======
                public decimal LaneSurcharge(RateCard card) => card.BaseRate * RemotenessFactor;
            >>>>>>> feature/RemoteLanes
            }
            """;

        var masked = new MaskingSession().Mask(Conflict, MaskKind.CSharp).Text;

        Assert.Contains("<<<<<<< HEAD\n", masked);
        Assert.Matches(@">>>>>>> feature/\w+\n", masked);
        Assert.DoesNotContain("RemoteLanes", masked);
        Assert.DoesNotContain("RemotenessFactor", masked);
        Assert.DoesNotContain("LaneSurcharge", masked);
    }

    [Fact]
    public void A_line_that_reads_as_prose_inside_an_open_block_stays_in_the_code()
    {
        const string Query = """
            public sealed class RegionReport
            {
                public IEnumerable<string> Regions(Invoice invoice)
                {
                    return from line in invoice.Lines
                           orderby line.Total descending
                           select line.Region;
                }
            }
            """;

        var segments = MarkdownSegmenter.Split(Query);

        var segment = Assert.Single(segments, s => s.Kind != MarkdownSegmentKind.Prose || s.End > s.Start);
        Assert.Equal(MarkdownSegmentKind.CSharpCode, segment.Kind);
        Assert.Equal((0, Query.Length), (segment.Start, segment.End));
    }

    private static void AssertNoProprietaryName(string masked)
    {
        foreach (var name in ProprietaryNames)
        {
            Assert.DoesNotContain(name, masked, StringComparison.Ordinal);
        }

        Assert.Matches(new Regex(@"namespace Namespace\d+\.Namespace\d+;"), masked);
    }
}
