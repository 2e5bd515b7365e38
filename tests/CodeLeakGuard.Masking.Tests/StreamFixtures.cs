using System.Text.Json.Nodes;
using CodeLeakGuard.Masking.Http;

namespace CodeLeakGuard.Masking.Tests;

/// <summary>What the stream tests share: code to mask, a Chat Completions chunk, a named event, the pseudonyms the code got.</summary>
internal static class StreamFixtures
{
    public const string Code = """
        ```csharp
        namespace Contoso.Pricing;

        public sealed class OrderPricingEngine
        {
            public decimal ComputeMargin(decimal basePrice) => basePrice * 0.42m;
        }
        ```
        """;

    public static SseEvent Chunk(JsonObject delta, string? finish) => new()
    {
        Data = new JsonObject
        {
            ["id"] = "chatcmpl-1",
            ["object"] = "chat.completion.chunk",
            ["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["delta"] = delta, ["finish_reason"] = finish }),
        }.ToJsonString(),
    };

    public static SseEvent Event(JsonObject data) => new() { Event = data["type"]!.GetValue<string>(), Data = data.ToJsonString() };

    public static (string Engine, string Margin) Pseudonyms(string maskedCode)
    {
        var engine = System.Text.RegularExpressions.Regex.Match(maskedCode, @"class (\w+)").Groups[1].Value;
        var margin = System.Text.RegularExpressions.Regex.Match(maskedCode, @"decimal (\w+)\(").Groups[1].Value;
        Assert.Matches("^Class[0-9]+$", engine);
        Assert.Matches("^Method[0-9]+$", margin);
        return (engine, margin);
    }
}
