using System.Text;
using System.Text.Json.Nodes;
using CodeLeakGuard.Masking.Http;
using static CodeLeakGuard.Masking.Tests.StreamFixtures;

namespace CodeLeakGuard.Masking.Tests;

/// <summary>
/// The streamed texts beside a chat's content: a custom tool's input, a function's arguments, an audio answer's
/// transcript, and a Responses API refusal. Each is cut inside pseudonyms and ends with one, so its tail is held
/// back and must be released when the choice finishes (in a chunk that carries no tool call) or the part is done.
/// </summary>
public class StreamedToolTextTests
{
    private static readonly HashSet<string> DeltaKeys = ["type", "sequence_number", "item_id", "output_index", "content_index", "delta"];

    [Theory]
    [InlineData("custom", "input")]
    [InlineData("function", "arguments")]
    public void A_streamed_tool_calls_text_comes_back_unmasked_to_its_last_character(string kind, string field)
    {
        var masker = new SessionMasker(new MaskingSession());
        var (engine, margin) = Pseudonyms(masker.Mask(Code).Text);
        var written = $"*** Update File: {engine}.cs\n- {margin}\n+ {engine}";
        var transformer = new SseUnmaskingTransformer(masker, AiApi.OpenAIChatCompletions);

        var pieces = Enumerable.Range(0, (written.Length + 4) / 5).Select(i => written.Substring(i * 5, Math.Min(5, written.Length - i * 5)));
        var chunks = pieces
            .Select((piece, i) => Chunk(new JsonObject
            {
                ["tool_calls"] = new JsonArray(new JsonObject
                {
                    ["index"] = 0,
                    [kind] = i == 0 ? new JsonObject { ["name"] = "apply_patch", [field] = piece } : new JsonObject { [field] = piece },
                }),
            }, finish: null))
            .Append(Chunk(new JsonObject(), finish: "tool_calls")) // as OpenAI ends a tool call: no tool_calls in it
            .Append(new SseEvent { Data = "[DONE]" });
        var received = new StringBuilder();
        foreach (var output in chunks.SelectMany(transformer.Transform).Where(e => e.Data != "[DONE]"))
        {
            foreach (var call in JsonNode.Parse(output.Data!)!["choices"]![0]!["delta"]!["tool_calls"]?.AsArray() ?? [])
            {
                Assert.Equal(0, call!["index"]!.GetValue<int>());
                received.Append(call[kind]![field]!.GetValue<string>());
            }
        }

        Assert.Equal("*** Update File: OrderPricingEngine.cs\n- ComputeMargin\n+ OrderPricingEngine", received.ToString());
    }

    [Fact]
    public void An_audio_answers_streamed_transcript_comes_back_unmasked()
    {
        var masker = new SessionMasker(new MaskingSession());
        var (engine, margin) = Pseudonyms(masker.Mask(Code).Text);
        var written = $"The class {engine} computes {margin} in {engine}";
        var transformer = new SseUnmaskingTransformer(masker, AiApi.OpenAIChatCompletions);

        var chunks = Enumerable.Range(0, (written.Length + 5) / 6)
            .Select(i => Chunk(new JsonObject { ["audio"] = new JsonObject { ["id"] = "audio_1", ["transcript"] = written.Substring(i * 6, Math.Min(6, written.Length - i * 6)) } }, finish: null))
            .Append(Chunk(new JsonObject(), finish: "stop"))
            .Append(new SseEvent { Data = "[DONE]" });
        var received = new StringBuilder();
        foreach (var output in chunks.SelectMany(transformer.Transform).Where(e => e.Data != "[DONE]"))
        {
            received.Append(JsonNode.Parse(output.Data!)!["choices"]![0]!["delta"]!["audio"]?["transcript"]?.GetValue<string>());
        }

        Assert.Equal("The class OrderPricingEngine computes ComputeMargin in OrderPricingEngine", received.ToString());
    }

    [Theory]
    [InlineData("response.refusal", "refusal")]
    [InlineData("response.custom_tool_call_input", "input")]
    [InlineData("response.output_text", "text")]
    public void A_responses_part_done_releases_its_held_back_tail_as_a_delta_without_the_whole_text(string eventType, string wholeField)
    {
        var masker = new SessionMasker(new MaskingSession());
        var (engine, _) = Pseudonyms(masker.Mask(Code).Text);
        var written = $"I cannot expose {engine}";
        var transformer = new SseUnmaskingTransformer(masker, AiApi.OpenAIResponses);

        var events = Enumerable.Range(0, (written.Length + 4) / 5)
            .Select(i => Event(new JsonObject
            {
                ["type"] = eventType + ".delta", ["sequence_number"] = i + 1, ["item_id"] = "item_1", ["output_index"] = 0, ["content_index"] = 0,
                ["delta"] = written.Substring(i * 5, Math.Min(5, written.Length - i * 5)),
            }))
            .Append(Event(new JsonObject
            {
                ["type"] = eventType + ".done", ["sequence_number"] = 99, ["item_id"] = "item_1", ["output_index"] = 0, ["content_index"] = 0, [wholeField] = written,
            }));
        var deltas = new StringBuilder();
        string? whole = null;
        foreach (var output in events.SelectMany(transformer.Transform))
        {
            var data = JsonNode.Parse(output.Data!)!;
            if (data["type"]!.GetValue<string>().EndsWith(".delta", StringComparison.Ordinal))
            {
                Assert.Subset(DeltaKeys, data.AsObject().Select(p => p.Key).ToHashSet()); // no whole text in a delta
                Assert.Equal("item_1", data["item_id"]!.GetValue<string>());
                deltas.Append(data["delta"]!.GetValue<string>());
            }
            else
            {
                whole = data[wholeField]!.GetValue<string>();
            }
        }

        Assert.Equal("I cannot expose OrderPricingEngine", deltas.ToString());
        Assert.Equal("I cannot expose OrderPricingEngine", whole);
    }
}
