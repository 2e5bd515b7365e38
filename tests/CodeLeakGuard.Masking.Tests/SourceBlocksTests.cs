using System.Text.Json.Nodes;
using CodeLeakGuard.Masking.Http;

namespace CodeLeakGuard.Masking.Tests;

/// <summary>
/// Text that reaches the model outside plain text blocks: documents, search results, the provider's web search and
/// fetch results sent back with the history, refusals, and message-level keys beside the content. Text is masked;
/// what cannot be masked (a PDF, an unknown key holding text) is refused, never sent as it is.
/// </summary>
public class SourceBlocksTests
{
    private const string Name = "OrderPricingEngine";

    [Theory]
    [InlineData("""{"type":"document","source":{"type":"text","media_type":"text/plain","data":"OrderPricingEngine rounds twice."},"title":"OrderPricingEngine notes","context":"From OrderPricingEngine's wiki","citations":{"enabled":true}}""")]
    [InlineData("""{"type":"document","source":{"type":"content","content":[{"type":"text","text":"OrderPricingEngine rounds twice."}]}}""")]
    [InlineData("""{"type":"search_result","source":"https://wiki.contoso.internal/OrderPricingEngine","title":"OrderPricingEngine","content":[{"type":"text","text":"OrderPricingEngine rounds twice."}],"citations":{"enabled":false}}""")]
    [InlineData("""{"type":"web_search_tool_result","tool_use_id":"srvtoolu_1","content":[{"type":"web_search_result","url":"https://example.com/margins","title":"Margins in OrderPricingEngine","encrypted_content":"EqgfCioIARgB","page_age":"April 30, 2025"}]}""")]
    [InlineData("""{"type":"web_fetch_tool_result","tool_use_id":"srvtoolu_2","content":{"type":"web_fetch_result","url":"https://example.com/margins","retrieved_at":"2025-08-25T10:30:00Z","content":{"type":"document","source":{"type":"text","media_type":"text/plain","data":"OrderPricingEngine rounds twice."},"title":"OrderPricingEngine"}}}""")]
    [InlineData("""{"type":"refusal","refusal":"I will not rewrite OrderPricingEngine."}""")]
    public void Text_in_source_blocks_goes_out_masked(string block)
    {
        var body = Anthropic($"[{block}]");

        Mask(AiApi.AnthropicMessages, body);

        Assert.DoesNotContain(Name, body.ToJsonString());
    }

    [Fact]
    public void What_the_provider_encrypted_and_the_urls_it_found_pass_as_they_are()
    {
        var body = Anthropic("""[{"type":"web_search_tool_result","tool_use_id":"srvtoolu_1","content":[{"type":"web_search_result","url":"https://example.com/OrderPricingEngine","title":"OrderPricingEngine","encrypted_content":"OrderPricingEngine-EqgfCioIARgB","page_age":null}]}]""");

        Mask(AiApi.AnthropicMessages, body);

        var result = body["messages"]![0]!["content"]![0]!["content"]![0]!;
        Assert.Equal("https://example.com/OrderPricingEngine", result["url"]!.GetValue<string>());
        Assert.Equal("OrderPricingEngine-EqgfCioIARgB", result["encrypted_content"]!.GetValue<string>());
        Assert.NotEqual(Name, result["title"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("""{"type":"document","source":{"type":"base64","media_type":"application/pdf","data":"JVBERi0x"}}""", "'base64' source")]
    [InlineData("""{"type":"document","source":{"type":"file","file_id":"file_011"}}""", "'file' source")]
    [InlineData("""{"type":"document","source":{"type":"text","media_type":"text/plain","data":"x","url":"OrderPricingEngine"}}""", "with 'url'")]
    [InlineData("""{"type":"document","source":{"type":"text","data":"x"},"citations":{"note":"OrderPricingEngine"}}""", "text in 'citations'")]
    [InlineData("""{"type":"web_search_tool_result","tool_use_id":"s","content":[{"type":"web_search_result","title":"t","snippet":"OrderPricingEngine"}]}""", "with 'snippet'")]
    public void What_cannot_be_masked_is_refused(string block, string reason)
    {
        var error = Assert.Throws<MaskingRefusedException>(() => Mask(AiApi.AnthropicMessages, Anthropic($"[{block}]")));

        Assert.Contains(reason, error.Message);
    }

    [Fact]
    public void A_chat_message_refusal_and_reasoning_are_masked_and_flags_pass()
    {
        var body = JsonNode.Parse("""
            {"model":"gpt-4.1","messages":[
              {"role":"user","content":"Why is OrderPricingEngine slow?","name":"dev"},
              {"role":"assistant","content":null,"refusal":"I will not discuss OrderPricingEngine.","prefix":true},
              {"role":"assistant","content":"It rounds twice.","reasoning_content":"OrderPricingEngine rounds in two places."}]}
            """)!.AsObject();

        Mask(AiApi.OpenAIChatCompletions, body);

        Assert.DoesNotContain(Name, body.ToJsonString());
        Assert.True(body["messages"]![1]!["prefix"]!.GetValue<bool>());
    }

    [Fact]
    public void Reasoning_details_a_router_returned_go_back_with_their_text_masked_and_their_signed_parts_untouched()
    {
        var body = JsonNode.Parse("""
            {"model":"anthropic/claude-sonnet-4.5","messages":[
              {"role":"user","content":"Why is OrderPricingEngine slow?"},
              {"role":"assistant","content":"It rounds twice.","reasoning_details":[
                {"type":"reasoning.text","text":"OrderPricingEngine.ComputeMargin rounds twice.","signature":"EqQBCkgIARABOrderPricingEngine","format":"anthropic-claude-v1","index":0},
                {"type":"reasoning.summary","summary":"Looked at OrderPricingEngine.","index":1},
                {"type":"reasoning.encrypted","data":"gAAAAOrderPricingEngine==","index":2}]}]}
            """)!.AsObject();

        Mask(AiApi.OpenAIChatCompletions, body);

        var details = body["messages"]![1]!["reasoning_details"]!;
        Assert.DoesNotContain("OrderPricingEngine", details[0]!["text"]!.GetValue<string>() + details[1]!["summary"]!.GetValue<string>());
        Assert.Equal("EqQBCkgIARABOrderPricingEngine", details[0]!["signature"]!.GetValue<string>());
        Assert.Equal("gAAAAOrderPricingEngine==", details[2]!["data"]!.GetValue<string>());
    }

    [Fact]
    public void Thinking_blocks_web_citations_and_cache_control_that_proxies_put_on_chat_messages_go_out_masked()
    {
        var body = JsonNode.Parse("""
            {"model":"anthropic/claude-sonnet-4-5","messages":[
              {"role":"user","content":"Why is OrderPricingEngine slow?","cache_control":{"type":"ephemeral"}},
              {"role":"assistant","content":"It rounds twice.",
               "thinking_blocks":[{"type":"thinking","thinking":"OrderPricingEngine rounds twice.","signature":"EqQBsig=="}],
               "annotations":[{"type":"url_citation","url_citation":{"url":"https://example.com/r","title":"Rounding in OrderPricingEngine","start_index":0,"end_index":5}}]}]}
            """)!.AsObject();

        Mask(AiApi.OpenAIChatCompletions, body);

        Assert.DoesNotContain(Name, body.ToJsonString());
        Assert.Equal("EqQBsig==", body["messages"]![1]!["thinking_blocks"]![0]!["signature"]!.GetValue<string>());
        Assert.Equal("https://example.com/r", body["messages"]![1]!["annotations"]![0]!["url_citation"]!["url"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(AiApi.OpenAIChatCompletions, """{"model":"gpt-4.1","messages":[{"role":"assistant","content":"ok","annotations":[{"type":"file_citation","file_citation":{"quote":"OrderPricingEngine"}}]}]}""")]
    [InlineData(AiApi.OpenAIChatCompletions, """{"model":"gpt-4.1","messages":[{"role":"assistant","content":"ok","transcript":"OrderPricingEngine"}]}""")]
    [InlineData(AiApi.OpenAIChatCompletions, """{"model":"gpt-4.1","messages":[{"role":"assistant","content":"ok","reasoning_details":[{"type":"reasoning.text","text":"t","note":"OrderPricingEngine"}]}]}""")]
    [InlineData(AiApi.AnthropicMessages, """{"model":"claude","max_tokens":1,"messages":[{"role":"user","content":"hi","attachment":"OrderPricingEngine.cs"}]}""")]
    public void A_message_key_that_is_not_understood_and_holds_text_is_refused(AiApi api, string json)
    {
        var error = Assert.Throws<MaskingRefusedException>(() => Mask(api, JsonNode.Parse(json)!.AsObject()));

        Assert.Contains("not understood", error.Message);
    }

    private static JsonObject Anthropic(string content) =>
        JsonNode.Parse($$"""{"model":"claude-sonnet-4-5","max_tokens":100,"messages":[{"role":"user","content":{{content}}}]}""")!.AsObject();

    private static void Mask(AiApi api, JsonObject body) => new RequestMasker(new SessionMasker(new MaskingSession())).Mask(api, body);
}
