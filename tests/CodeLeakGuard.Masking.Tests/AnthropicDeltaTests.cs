using System.Text.Json.Nodes;
using CodeLeakGuard.Masking.Http;

namespace CodeLeakGuard.Masking.Tests;

/// <summary>
/// An Anthropic stream's content block deltas are read and written without a JSON document: the event written again
/// must be what the document would have written, and any event not of exactly that shape is left to the general way.
/// </summary>
public class AnthropicDeltaTests
{
    public static TheoryData<string, string> Deltas => new()
    {
        { "text_delta", "Hello" },
        { "text_delta", "Class12.Method3(\"quoted\", 'c', a\\b) < 3 && x > 1 + 2" },
        { "text_delta", "line one\nline two\r\n\ttabbed \u0001 control" },
        { "text_delta", "non-ASCII: café → naïve, 日本語, emoji 😀" },
        { "text_delta", string.Empty },
        { "input_json_delta", "{\"path\":\"src/Class2.cs\",\"old" },
        { "thinking_delta", "Let me look at Method7 first." },
        { "compaction_delta", "Summary: Class1 calls Method2." },
    };

    [Theory]
    [MemberData(nameof(Deltas))]
    public void A_delta_written_again_is_what_the_document_would_write(string deltaType, string text)
    {
        var field = AnthropicDelta.FieldOf(deltaType)!;
        var data = Event(2, deltaType, field, text);

        Assert.True(AnthropicDelta.TryRead(data, out var delta));
        Assert.Equal(("2", deltaType, field, text), (delta.Index, delta.DeltaType, delta.Field, delta.Value));
        var replacement = text + " <Invoice> \"done\" é";
        var expected = JsonNode.Parse(data)!.AsObject();
        expected["delta"]![field] = replacement;
        Assert.Equal(expected.ToJsonString(), delta.With(replacement).ToJson());
    }

    [Theory]
    [InlineData("""{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"a"},"extra":1}""")]
    [InlineData("""{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"a","extra":1}}""")]
    [InlineData("""{"type":"content_block_delta","delta":{"type":"text_delta","text":"a"},"index":0}""")]
    [InlineData("""{"type":"content_block_delta","index":"0","delta":{"type":"text_delta","text":"a"}}""")]
    [InlineData("""{"type":"content_block_delta","index":0,"delta":{"text":"a","type":"text_delta"}}""")]
    [InlineData("""{"type":"content_block_delta","index":0,"delta":{"type":"signature_delta","signature":"a"}}""")]
    [InlineData("""{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":7}}""")]
    [InlineData("""{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"a"}} trailing""")]
    [InlineData("""{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"a"}""")]
    [InlineData("""{"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}""")]
    [InlineData(""" {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"a"}}""")]
    public void Any_other_shape_is_left_to_the_general_way(string data)
    {
        Assert.False(AnthropicDelta.TryRead(data, out _));
    }

    [Fact]
    public void Deltas_read_either_way_restore_a_pseudonym_cut_across_them()
    {
        var session = new MaskingSession();
        var masked = session.Mask("class InvoiceSplitter { }", MaskKind.CSharp).Text;
        var pseudonym = masked.Split(' ')[1];
        var transformer = new SseUnmaskingTransformer(new SessionMasker(session), AiApi.AnthropicMessages);
        var half = pseudonym.Length / 2;
        var events = new[]
        {
            Event(0, "text_delta", "text", "Rename " + pseudonym.Substring(0, half)), // the fast way
            $$$"""{"index":0,"type":"content_block_delta","delta":{"type":"text_delta","text":"{{{pseudonym.Substring(half)}}} now"}}""", // the general way
            """{"type":"content_block_stop","index":0}""",
        };

        var text = string.Concat(events
            .SelectMany(data => transformer.Transform(new SseEvent { Event = "e", Data = data }))
            .Select(output => JsonNode.Parse(output.Data!)!["delta"]?["text"]?.GetValue<string>()));

        Assert.Equal("Rename InvoiceSplitter now", text);
    }

    [Theory]
    [InlineData("text_delta", "text")]
    [InlineData("input_json_delta", "partial_json")]
    [InlineData("thinking_delta", "thinking")]
    [InlineData("compaction_delta", "content")]
    public void What_a_block_held_back_comes_at_its_end_as_a_delta_of_its_own_kind(string deltaType, string field)
    {
        var session = new MaskingSession();
        var pseudonym = session.Mask("class InvoiceSplitter { }", MaskKind.CSharp).Text.Split(' ')[1];
        var transformer = new SseUnmaskingTransformer(new SessionMasker(session), AiApi.AnthropicMessages);

        var outputs = new[] { Event(3, deltaType, field, "Use " + pseudonym.Substring(0, pseudonym.Length - 1)), """{"type":"content_block_stop","index":3}""" }
            .SelectMany(data => transformer.Transform(new SseEvent { Event = "e", Data = data }))
            .Select(output => JsonNode.Parse(output.Data!)!)
            .ToList();

        var flush = outputs[^2];
        Assert.Equal(("content_block_delta", 3, deltaType), (flush["type"]!.GetValue<string>(), flush["index"]!.GetValue<int>(), flush["delta"]!["type"]!.GetValue<string>()));
        Assert.Equal("Use " + pseudonym.Substring(0, pseudonym.Length - 1), outputs[0]["delta"]![field]!.GetValue<string>() + flush["delta"]![field]!.GetValue<string>());
        Assert.Equal("content_block_stop", outputs[^1]["type"]!.GetValue<string>());
    }

    private static string Event(int index, string deltaType, string field, string text) =>
        new JsonObject { ["type"] = "content_block_delta", ["index"] = index, ["delta"] = new JsonObject { ["type"] = deltaType, [field] = text } }.ToJsonString();
}
