using CodeLeakGuard.Tests.Shared;

namespace CodeLeakGuard.Gateway.Tests.Fakes;

/// <summary>
/// A conversation about a company's code, with its names and planted secrets in every place a request can carry
/// text: system prompt, string content, content blocks, tool definitions, tool calls and tool results.
/// </summary>
internal static class ProprietaryPrompt
{
    public static readonly string[] Names = ["OrderPricingEngine", "ComputeMargin", "IDiscountLedger", "discountLedger", "RebateFactor", "Contoso"];

    public static string[] Secrets => [FakeSecrets.GitHubToken, FakeSecrets.AnthropicKey, FakeSecrets.DatabasePassword];

    public static string System => $"You review the OrderPricingEngine service. The deploy token is {FakeSecrets.GitHubToken}; never repeat it.";

    public static string Code => $$"""
        Here is the class:
        ```csharp
        namespace Contoso.Pricing;

        public sealed class OrderPricingEngine
        {
            private const string Database = "Server=sql-prod-01;Database=Orders;User Id=orders_app;Password={{FakeSecrets.DatabasePassword}};";
            private readonly IDiscountLedger _discountLedger;

            public decimal ComputeMargin(decimal basePrice) => basePrice * _discountLedger.RebateFactor;
        }
        ```
        """;

    public const string Question = "Rename OrderPricingEngine.ComputeMargin to something clearer, and say what _discountLedger holds.";

    public const string ToolName = "lookup_symbol";

    public const string ToolDescription = "Looks up a member of OrderPricingEngine or IDiscountLedger by name.";

    public const string ToolParameterDescription = "A member name such as ComputeMargin or RebateFactor.";

    public const string ToolCallSymbol = "OrderPricingEngine.ComputeMargin";

    public static string ToolCallKey => FakeSecrets.AnthropicKey;

    public static string ToolResult => $"IDiscountLedger.RebateFactor is read with Server=sql-prod-01;Password={FakeSecrets.DatabasePassword};";

    public static string ToolSchema => $$$"""{"type":"object","properties":{"symbol":{"type":"string","description":"{{{ToolParameterDescription}}}"}},"required":["symbol"]}""";

    /// <summary>Nothing proprietary and no secret in what the provider received.</summary>
    public static void AssertNoLeak(string sent)
    {
        Assert.False(string.IsNullOrEmpty(sent), "the provider received nothing");
        foreach (var name in Names)
        {
            Assert.DoesNotContain(name, sent, StringComparison.Ordinal);
        }

        foreach (var secret in Secrets)
        {
            Assert.DoesNotContain(secret, sent, StringComparison.Ordinal);
        }
    }
}
