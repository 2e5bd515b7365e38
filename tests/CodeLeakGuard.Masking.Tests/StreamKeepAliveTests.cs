using System.Text.Json.Nodes;
using CodeLeakGuard.Masking.Http;

namespace CodeLeakGuard.Masking.Tests;

/// <summary>
/// Comments and bare id or retry lines in a stream (": keep-alive", as OpenRouter and other proxies send between
/// chunks) pass through without releasing what is held back: a pseudonym split around one is still restored. Before,
/// a comment released the first half, and the client got the pseudonym.
/// </summary>
public class StreamKeepAliveTests
{
    [Theory]
    [InlineData(": keep-alive")]
    [InlineData("id: 7")]
    [InlineData("retry: 1000")]
    public void A_pseudonym_split_around_a_line_without_data_is_restored(string line)
    {
        var masker = new SessionMasker(new MaskingSession());
        var masked = masker.Mask("```csharp\npublic sealed class OrderPricingEngine { }\n```").Text;
        var pseudonym = System.Text.RegularExpressions.Regex.Match(masked, @"class (\w+)").Groups[1].Value;
        var transformer = new SseUnmaskingTransformer(masker, AiApi.OpenAIChatCompletions);
        var between = new SseEvent();
        between.OtherLines.Add(line);

        var events = new[] { Chunk("Look at " + pseudonym[..3]), between, Chunk(pseudonym[3..] + " now"), new SseEvent { Data = "[DONE]" } };
        var output = events.SelectMany(transformer.Transform).ToList();

        var text = string.Concat(output.Where(e => e.Data is not null and not "[DONE]")
            .Select(e => JsonNode.Parse(e.Data!)!["choices"]![0]!["delta"]!["content"]?.GetValue<string>()));
        Assert.Equal("Look at OrderPricingEngine now", text);
        Assert.Contains(output, e => e.OtherLines.Contains(line)); // the line itself still reaches the client
    }

    private static SseEvent Chunk(string content) => new()
    {
        Data = new JsonObject
        {
            ["id"] = "c1", ["object"] = "chat.completion.chunk", ["created"] = 1, ["model"] = "gpt-4o",
            ["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["delta"] = new JsonObject { ["content"] = content }, ["finish_reason"] = null }),
        }.ToJsonString(),
    };
}
