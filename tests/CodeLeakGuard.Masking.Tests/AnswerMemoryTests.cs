using System.Text.Json.Nodes;
using CodeLeakGuard.Masking.Http;
using static CodeLeakGuard.Masking.Tests.StreamFixtures;

namespace CodeLeakGuard.Masking.Tests;

/// <summary>
/// What the model wrote goes out again exactly as it wrote it when the client sends it back in the history
/// (thinking signatures and the provider's unchanged-prefix check depend on it), not masked anew.
/// </summary>
public class AnswerMemoryTests
{
    [Fact]
    public void A_whole_answer_goes_back_as_the_model_wrote_it_where_masking_it_anew_would_differ()
    {
        var masker = new SessionMasker(new MaskingSession());
        var (engine, margin) = Pseudonyms(masker.Mask(Code).Text);
        var written = $"Split {engine}.{margin} and pass a `retryBudget` into it.";
        var answer = new JsonObject { ["content"] = new JsonArray(new JsonObject { ["type"] = "text", ["text"] = written }) };

        ResponseUnmasker.Unmask(answer, masker);
        var unmasked = answer["content"]![0]!["text"]!.GetValue<string>();

        Assert.Equal("Split OrderPricingEngine.ComputeMargin and pass a `retryBudget` into it.", unmasked);
        Assert.Equal(written, masker.Mask(unmasked).Text);
        Assert.NotEqual(written, new SessionMasker(masker.Session).Mask(unmasked).Text); // anew, `retryBudget` is masked too
    }

    [Fact]
    public void A_streamed_thinking_text_and_tool_input_go_back_as_the_model_wrote_them()
    {
        var masker = new SessionMasker(new MaskingSession());
        var (engine, margin) = Pseudonyms(masker.Mask(Code).Text);
        var thinking = $"The user wants {engine}.{margin} faster; `marginCache` would help.";
        var text = $"Cache the result of {margin} in {engine}.";
        var input = $$"""{"symbol":"{{engine}}.{{margin}}","note":"see pricingNotes.md"}""";
        var transformer = new SseUnmaskingTransformer(masker, AiApi.AnthropicMessages);
        var received = new Dictionary<string, System.Text.StringBuilder> { ["thinking"] = new(), ["text"] = new(), ["partial_json"] = new() };

        foreach (var (index, field, deltaType, whole) in new[] { (0, "thinking", "thinking_delta", thinking), (1, "text", "text_delta", text), (2, "partial_json", "input_json_delta", input) })
        {
            var events = Enumerable.Range(0, (whole.Length + 4) / 5)
                .Select(i => Event(new JsonObject { ["type"] = "content_block_delta", ["index"] = index, ["delta"] = new JsonObject { ["type"] = deltaType, [field] = whole.Substring(i * 5, Math.Min(5, whole.Length - i * 5)) } }))
                .Append(Event(new JsonObject { ["type"] = "content_block_stop", ["index"] = index }));
            foreach (var output in events.SelectMany(transformer.Transform))
            {
                if (JsonNode.Parse(output.Data!)!["delta"]?[field] is { } piece)
                {
                    received[field].Append(piece.GetValue<string>());
                }
            }
        }

        var unmaskedInput = JsonNode.Parse(received["partial_json"].ToString())!;
        Assert.Equal("OrderPricingEngine.ComputeMargin", unmaskedInput["symbol"]!.GetValue<string>());
        Assert.Equal(thinking, masker.Mask(received["thinking"].ToString()).Text);
        Assert.Equal(text, masker.Mask(received["text"].ToString()).Text);
        Assert.Equal($"{engine}.{margin}", masker.Mask(unmaskedInput["symbol"]!.GetValue<string>()).Text);
        Assert.Equal("see pricingNotes.md", masker.Mask(unmaskedInput["note"]!.GetValue<string>()).Text);
    }

    [Theory]
    [InlineData("refusal")]
    [InlineData("reasoning_content")]
    public void A_streamed_chat_refusal_or_reasoning_split_inside_pseudonyms_comes_back_unmasked_and_goes_back_as_written(string field)
    {
        var masker = new SessionMasker(new MaskingSession());
        var (engine, margin) = Pseudonyms(masker.Mask(Code).Text);
        var written = $"I will not rewrite {engine}.{margin}; `marginCache` is yours to change.";
        var transformer = new SseUnmaskingTransformer(masker, AiApi.OpenAIChatCompletions);
        var received = new System.Text.StringBuilder();

        var chunks = Enumerable.Range(0, (written.Length + 4) / 5)
            .Select(i => Chunk(new JsonObject { [field] = written.Substring(i * 5, Math.Min(5, written.Length - i * 5)) }, finish: null))
            .Append(Chunk(new JsonObject(), finish: "stop"))
            .Append(new SseEvent { Data = "[DONE]" });
        foreach (var output in chunks.SelectMany(transformer.Transform).Where(e => e.Data != "[DONE]"))
        {
            if (JsonNode.Parse(output.Data!)!["choices"]![0]!["delta"]![field] is { } piece)
            {
                received.Append(piece.GetValue<string>());
            }
        }

        Assert.Equal("I will not rewrite OrderPricingEngine.ComputeMargin; `marginCache` is yours to change.", received.ToString());
        Assert.Equal(written, masker.Mask(received.ToString()).Text);
    }

    [Theory]
    [InlineData(true)] // the text's tail is released by the choice's finishing chunk
    [InlineData(false)] // by the end of the stream
    public void Streamed_reasoning_details_split_inside_pseudonyms_come_back_unmasked_and_go_back_as_written(bool finishes)
    {
        var masker = new SessionMasker(new MaskingSession());
        var (engine, margin) = Pseudonyms(masker.Mask(Code).Text);
        var written = $"The user wants {engine}.{margin} faster; it rounds twice in {engine}";
        var transformer = new SseUnmaskingTransformer(masker, AiApi.OpenAIChatCompletions);
        var received = new System.Text.StringBuilder();

        var chunks = Enumerable.Range(0, (written.Length + 6) / 7)
            .Select(i => Chunk(new JsonObject
            {
                ["reasoning_details"] = new JsonArray(new JsonObject
                {
                    ["type"] = "reasoning.text", ["text"] = written.Substring(i * 7, Math.Min(7, written.Length - i * 7)), ["format"] = "anthropic-claude-v1", ["index"] = 0,
                }),
            }, finish: null))
            .Concat(finishes ? [Chunk(new JsonObject(), finish: "stop")] : [])
            .Append(new SseEvent { Data = "[DONE]" });
        foreach (var output in chunks.SelectMany(transformer.Transform).Where(e => e.Data != "[DONE]"))
        {
            foreach (var detail in JsonNode.Parse(output.Data!)!["choices"]![0]!["delta"]!["reasoning_details"]?.AsArray() ?? [])
            {
                Assert.Equal("reasoning.text", detail!["type"]!.GetValue<string>());
                received.Append(detail["text"]!.GetValue<string>());
            }
        }

        Assert.Equal("The user wants OrderPricingEngine.ComputeMargin faster; it rounds twice in OrderPricingEngine", received.ToString());
        Assert.Equal(written, masker.Mask(received.ToString()).Text);
    }

    [Fact]
    public void A_prompt_the_session_already_sent_keeps_its_masked_form_when_the_model_repeats_it()
    {
        const string Prompt = "Why is OrderPricingEngine slow? Ask pricingTeam.";
        var masker = new SessionMasker(new MaskingSession());
        var prompt = masker.Mask(Prompt);
        var team = System.Text.RegularExpressions.Regex.Match(prompt.Text, @"Ask (\w+)\.").Groups[1].Value;
        Assert.NotEqual("pricingTeam", team);

        // The model repeats the question, but with one name as the user wrote it: it unmasks to the same text.
        var repeated = new JsonObject { ["text"] = prompt.Text.Replace(team, "pricingTeam") };
        ResponseUnmasker.Unmask(repeated, masker);

        Assert.Equal(Prompt, repeated["text"]!.GetValue<string>());
        Assert.Same(prompt, masker.Mask(Prompt));
    }

    [Fact]
    public void The_providers_opaque_data_is_never_unmasked_even_where_it_reads_like_a_pseudonym()
    {
        var masker = new SessionMasker(new MaskingSession());
        var (engine, _) = Pseudonyms(masker.Mask(Code).Text);
        var opaque = $"EqQB+{engine}/x";
        var answer = new JsonObject
        {
            ["content"] = new JsonArray(
                new JsonObject { ["type"] = "thinking", ["thinking"] = engine, ["signature"] = opaque },
                new JsonObject { ["type"] = "redacted_thinking", ["data"] = opaque },
                new JsonObject { ["type"] = "reasoning", ["encrypted_content"] = opaque },
                new JsonObject { ["type"] = "reasoning.encrypted", ["data"] = opaque }),
        };

        ResponseUnmasker.Unmask(answer, masker);

        Assert.Equal("OrderPricingEngine", answer["content"]![0]!["thinking"]!.GetValue<string>());
        Assert.All(new[] { answer["content"]![0]!["signature"], answer["content"]![1]!["data"], answer["content"]![2]!["encrypted_content"], answer["content"]![3]!["data"] }, value => Assert.Equal(opaque, value!.GetValue<string>()));
    }

    [Fact]
    public void A_log_probabilitys_token_that_is_a_whole_pseudonym_comes_back_with_bytes_that_spell_the_real_name()
    {
        var masker = new SessionMasker(new MaskingSession());
        var (engine, _) = Pseudonyms(masker.Mask(Code).Text);
        var bytes = string.Join(",", System.Text.Encoding.UTF8.GetBytes(engine));
        var answer = JsonNode.Parse($$$"""
            {"choices":[{"message":{"role":"assistant","content":"{{{engine}}} is empty"},
              "logprobs":{"content":[{"token":"{{{engine}}}","logprob":-0.1,"bytes":[{{{bytes}}}]},
                                     {"token":" é","logprob":-0.2,"bytes":[32,195]}]}}]}
            """)!;

        ResponseUnmasker.Unmask(answer, masker);

        var tokens = answer["choices"]![0]!["logprobs"]!["content"]!;
        Assert.Equal("OrderPricingEngine", tokens[0]!["token"]!.GetValue<string>());
        Assert.Equal("OrderPricingEngine", System.Text.Encoding.UTF8.GetString(tokens[0]!["bytes"]!.AsArray().Select(b => (byte)b!.GetValue<int>()).ToArray()));
        Assert.Equal("[32,195]", tokens[1]!["bytes"]!.ToJsonString()); // untouched: a token may hold part of a character
    }
}
