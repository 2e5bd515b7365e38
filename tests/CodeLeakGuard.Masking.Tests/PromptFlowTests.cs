using System.Text.RegularExpressions;
using CodeLeakGuard.Tests.Shared;

namespace CodeLeakGuard.Masking.Tests;

/// <summary>The flow the gateway runs: a Markdown prompt goes out masked, the model answers with pseudonyms, the answer comes back real.</summary>
public class PromptFlowTests
{
    private static readonly string Prompt = $$"""
        We have this pricing code in our Contoso.Sales service:

        ```csharp
        namespace Contoso.Sales;

        public interface IOrderPricingEngine
        {
            decimal CalculateTotal(Order order);
        }

        public sealed class OrderPricingEngine : IOrderPricingEngine
        {
            private readonly IDiscountStore _discounts;

            public OrderPricingEngine(IDiscountStore discounts) => _discounts = discounts;

            public decimal CalculateTotal(Order order) => order.Lines.Sum(l => l.Net) - _discounts.For(order.CustomerId);
        }
        ```

        Why does `OrderPricingEngine.CalculateTotal` return a negative total when `_discounts` holds a large discount?
        The staging key is {{FakeSecrets.OpenAIKey}} and the logs are on build-07.corp, if that helps.
        """;

    [Fact]
    public void A_prompt_goes_out_without_names_or_secrets_and_the_answer_comes_back_with_real_names()
    {
        var session = new MaskingSession();
        var masked = session.Mask(Prompt, MaskKind.Markdown);

        foreach (var secret in new[] { "OrderPricingEngine", "CalculateTotal", "IDiscountStore", "_discounts", "Contoso", "CustomerId", FakeSecrets.OpenAIKey, "build-07.corp" })
        {
            Assert.DoesNotContain(secret, masked.Text);
        }

        Assert.Contains("```csharp", masked.Text);
        Assert.Contains("decimal", masked.Text);
        Assert.Equal(1, masked.Report.SecretsByKind["OpenAIKey"]);
        Assert.Equal(1, masked.Report.SecretsByKind["InternalHost"]);

        // What the model sees, and answers in.
        var engine = Regex.Match(masked.Text, @"public sealed class (\w+)").Groups[1].Value;
        var method = Regex.Match(masked.Text, @"public decimal (\w+)\(").Groups[1].Value;
        var field = Regex.Match(masked.Text, @"private readonly \w+ _(\w+);").Groups[1].Value;
        var store = Regex.Match(masked.Text, @"private readonly (\w+) _").Groups[1].Value;
        Assert.Matches("^Class[0-9]+$", engine);
        Assert.Matches("^Method[0-9]+$", method);
        Assert.Matches("^field[0-9]+$", field);
        Assert.Matches("^Interface[0-9]+$", store);

        var answer = $"""
            `{engine}.{method}` subtracts the discount without a floor. Clamp it:

            ```csharp
            public decimal {method}(Order order) => Math.Max(0m, order.Lines.Sum(l => l.Net) - _{field}.For(order.CustomerId));
            public Task<decimal> {method}Async(Order order) => Task.FromResult({method}(order));
            ```

            Add `{engine}Tests` with a fake `{store}` (e.g. `Fake{store}`), and consider renaming `_{field}` to `_{field}s`.
            Note that {char.ToUpperInvariant(field[0]) + field[1..]} is read once per call.
            """;
        var restored = session.Unmask(answer);

        Assert.Equal("""
            `OrderPricingEngine.CalculateTotal` subtracts the discount without a floor. Clamp it:

            ```csharp
            public decimal CalculateTotal(Order order) => Math.Max(0m, order.Lines.Sum(l => l.Net) - _discounts.For(order.CustomerId));
            public Task<decimal> CalculateTotalAsync(Order order) => Task.FromResult(CalculateTotal(order));
            ```

            Add `OrderPricingEngineTests` with a fake `IDiscountStore` (e.g. `FakeIDiscountStore`), and consider renaming `_discounts` to `_discountss`.
            Note that Discounts is read once per call.
            """, restored.Text);
        var altered = Assert.Single(restored.Issues);
        Assert.Equal(UnmaskIssueKind.AlteredRestored, altered.Kind);
    }

    [Fact]
    public void The_same_name_gets_the_same_pseudonym_in_every_message_of_the_conversation()
    {
        var session = new MaskingSession();
        var first = session.Mask("```csharp\nclass InvoiceSplitter { void SplitByTax() { } }\n```", MaskKind.Markdown).Text;
        var second = session.Mask("Now make InvoiceSplitter.SplitByTax async.", MaskKind.Markdown).Text;
        var third = session.Mask("public class InvoiceSplitterTests { InvoiceSplitter _sut; }", MaskKind.CSharp).Text;

        var splitter = Regex.Match(first, @"class (\w+)").Groups[1].Value;
        var split = Regex.Match(first, @"void (\w+)\(").Groups[1].Value;
        Assert.Equal($"Now make {splitter}.{split} async.", second);
        Assert.Contains($"{splitter} _field", third);
        Assert.DoesNotContain("InvoiceSplitter", third);
    }

    [Fact]
    public void Prose_keeps_ordinary_words_and_masks_names_and_inline_code()
    {
        var session = new MaskingSession();
        session.Mask("```csharp\nclass Order { void Ship(int order, Order parcel) { } }\n```", MaskKind.Markdown);
        var masked = session.Mask("Each order is shipped; the Order class calls Ship. See `LegacyFulfilmentBridge` and `npm install`.", MaskKind.Markdown).Text;

        Assert.StartsWith("Each order is shipped; the Class", masked); // "order" is an English word here, "Order" the class
        Assert.DoesNotContain("Ship.", masked);
        Assert.DoesNotContain("LegacyFulfilmentBridge", masked);
        Assert.Contains("`npm install`", masked);
    }

    [Fact]
    public void Inline_code_keeps_the_capital_keywords_of_a_query_and_masks_its_names()
    {
        var masked = new MaskingSession().Mask("Run `SELECT SettlementBatchId FROM dbo.LedgerPostings HAVING COUNT(*) > 1` or `DELETE FROM LedgerPostings`.", MaskKind.Markdown).Text;

        Assert.Matches(@"^Run `SELECT (Name\d+) FROM dbo\.(Name\d+) HAVING COUNT\(\*\) > 1` or `DELETE FROM \2`\.$", masked);
    }

    [Fact]
    public void A_fence_written_inside_a_line_does_not_make_the_lines_after_it_code()
    {
        const string rules = "2. The opening fence and code language, eg: ```python\n3. The start of search block: <<<<<<< SEARCH\n"
            + "4. The closing fence: ```\nUse `OrderPricingEngine` as the example.";

        var masked = new MaskingSession().Mask(rules, MaskKind.Markdown).Text;

        Assert.StartsWith("2. The opening fence and code language, eg: ```python\n3. The start of search block: <<<<<<< SEARCH\n4. The closing fence: ```", masked);
        Assert.DoesNotContain("OrderPricingEngine", masked);
    }
}
