using System.Text.Json.Nodes;
using CodeLeakGuard.Masking.Http;

namespace CodeLeakGuard.Masking.Tests;

/// <summary>
/// Stateless agents (Codex CLI on the Responses API, Claude Code with thinking) send the provider's own output items
/// back with every request: they must be masked where they hold text, passed as they are where they are the
/// provider's opaque data, and anything else in a block still refused.
/// </summary>
public class ReplayedOutputShapesTests
{
    private const string Code = "```csharp\npublic sealed class OrderPricingEngine { public decimal ComputeMargin() => 0.42m; }\n```";

    [Fact]
    public void Responses_reasoning_items_and_output_text_with_annotations_go_out_masked_with_their_encrypted_content_untouched()
    {
        var body = JsonNode.Parse($$"""
            {"model":"gpt-5","store":false,"input":[
              {"type":"message","role":"user","content":[{"type":"input_text","text":{{Json(Code)}}}]},
              {"type":"reasoning","id":"rs_1","summary":[{"type":"summary_text","text":"Look at OrderPricingEngine.ComputeMargin first."}],"encrypted_content":"gAAAAABopaque=="},
              {"type":"message","role":"assistant","id":"msg_1","status":"completed","content":[{"type":"output_text","text":"OrderPricingEngine rounds twice.","annotations":[],"logprobs":[]}]},
              {"type":"custom_tool_call","call_id":"c1","name":"apply_patch","input":"*** Update File: OrderPricingEngine.cs"},
              {"type":"custom_tool_call_output","call_id":"c1","output":"Patched OrderPricingEngine.cs"},
              {"type":"item_reference","id":"msg_0"}]}
            """)!.AsObject();

        new RequestMasker(new SessionMasker(new MaskingSession())).Mask(AiApi.OpenAIResponses, body);

        var sent = body.ToJsonString();
        Assert.DoesNotContain("OrderPricingEngine", sent);
        Assert.DoesNotContain("ComputeMargin", sent);
        Assert.Equal("gAAAAABopaque==", body["input"]![1]!["encrypted_content"]!.GetValue<string>());
        Assert.Empty(body["input"]![2]!["content"]![0]!["annotations"]!.AsArray());
    }

    [Fact]
    public void Anthropic_redacted_thinking_passes_as_it_is_and_citations_are_masked()
    {
        var body = JsonNode.Parse($$"""
            {"model":"claude-sonnet-4-5","max_tokens":100,"messages":[
              {"role":"user","content":{{Json(Code)}}},
              {"role":"assistant","content":[
                {"type":"redacted_thinking","data":"EmwKAhgBEgy3va3pzix/LafPsn4aDFIT"},
                {"type":"text","text":"See OrderPricingEngine.","citations":[{"type":"char_location","cited_text":"OrderPricingEngine rounds","document_index":0,"start_char_index":0,"end_char_index":24}]}]},
              {"role":"user","content":"Go on."}]}
            """)!.AsObject();

        new RequestMasker(new SessionMasker(new MaskingSession())).Mask(AiApi.AnthropicMessages, body);

        Assert.DoesNotContain("OrderPricingEngine", body.ToJsonString());
        Assert.Equal("EmwKAhgBEgy3va3pzix/LafPsn4aDFIT", body["messages"]![1]!["content"]![0]!["data"]!.GetValue<string>());
    }

    [Fact]
    public void Compaction_blocks_go_out_with_their_summary_masked_and_their_opaque_parts_untouched()
    {
        var body = JsonNode.Parse($$"""
            {"model":"claude-sonnet-4-5","max_tokens":100,"messages":[
              {"role":"user","content":{{Json(Code)}}},
              {"role":"assistant","content":[
                {"type":"compaction","content":"We renamed OrderPricingEngine.ComputeMargin.","encrypted_content":"EqQBopaque","signature":"sig=="},
                {"type":"compaction","content":null}]},
              {"role":"user","content":"Go on."}]}
            """)!.AsObject();

        new RequestMasker(new SessionMasker(new MaskingSession())).Mask(AiApi.AnthropicMessages, body);

        var compaction = body["messages"]![1]!["content"]![0]!;
        Assert.DoesNotContain("OrderPricingEngine", body.ToJsonString());
        Assert.StartsWith("We renamed ", compaction["content"]!.GetValue<string>());
        Assert.Equal(("EqQBopaque", "sig=="), (compaction["encrypted_content"]!.GetValue<string>(), compaction["signature"]!.GetValue<string>()));
    }

    [Fact]
    public void A_container_upload_passes_as_the_file_id_it_is_and_refuses_anything_more()
    {
        var body = JsonNode.Parse("""{"model":"claude-sonnet-4-5","max_tokens":100,"messages":[{"role":"user","content":[{"type":"text","text":"Chart it."},{"type":"container_upload","file_id":"file_011CNha8iCJcU1wXNR6q4V8w"}]}]}""")!.AsObject();
        var sneaky = JsonNode.Parse("""{"model":"claude-sonnet-4-5","max_tokens":100,"messages":[{"role":"user","content":[{"type":"container_upload","file_id":"f","text":"OrderPricingEngine internals"}]}]}""")!.AsObject();

        new RequestMasker(new SessionMasker(new MaskingSession())).Mask(AiApi.AnthropicMessages, body);

        Assert.Equal("file_011CNha8iCJcU1wXNR6q4V8w", body["messages"]![0]!["content"]![1]!["file_id"]!.GetValue<string>());
        Assert.Throws<MaskingRefusedException>(() => new RequestMasker(new SessionMasker(new MaskingSession())).Mask(AiApi.AnthropicMessages, sneaky));
    }

    [Theory]
    [InlineData("""{"type":"compaction","content":"s","tool_changes":[{"type":"tool_added","name":"OrderPricingEngine"}]}""")]
    [InlineData("""{"type":"text","text":"hi","input":"OrderPricingEngine internals"}""")]
    [InlineData("""{"type":"thinking","thinking":"hm","data":"OrderPricingEngine internals"}""")]
    [InlineData("""{"type":"redacted_thinking","data":"x","text":"OrderPricingEngine internals"}""")]
    [InlineData("""{"type":"text","text":"hi","encrypted_content":"OrderPricingEngine internals"}""")]
    public void A_key_that_belongs_to_another_block_type_is_refused(string block)
    {
        var body = JsonNode.Parse($$"""{"model":"claude-sonnet-4-5","max_tokens":100,"messages":[{"role":"user","content":[{{block}}]}]}""")!.AsObject();

        var error = Assert.Throws<MaskingRefusedException>(() => new RequestMasker(new SessionMasker(new MaskingSession())).Mask(AiApi.AnthropicMessages, body));
        Assert.Contains("not understood", error.Message);
    }

    private static string Json(string text) => System.Text.Json.JsonSerializer.Serialize(text);
}
