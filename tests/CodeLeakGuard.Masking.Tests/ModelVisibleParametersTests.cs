using System.Text.Json.Nodes;
using CodeLeakGuard.Masking.Http;

namespace CodeLeakGuard.Masking.Tests;

/// <summary>Request parameters outside the messages that the model reads too: predicted outputs, output schemas (both providers'), stored prompts' variables.</summary>
public class ModelVisibleParametersTests
{
    private const string Code = "public sealed class OrderPricingEngine { public decimal ComputeMargin() => 0.42m; }";

    [Fact]
    public void A_chat_completions_prediction_and_output_schema_are_masked()
    {
        var body = JsonNode.Parse("""
            {"model":"gpt-4o","messages":[{"role":"user","content":"Make ComputeMargin async."}],
             "prediction":{"type":"content","content":CODE_JSON},
             "response_format":{"type":"json_schema","json_schema":{"name":"review","description":"A review of OrderPricingEngine.",
               "schema":{"type":"object","properties":{"risk":{"type":"string","description":"Risk to OrderPricingEngine callers"}}}}}}
            """.Replace("CODE_JSON", Json(Code)))!.AsObject();

        new RequestMasker(new SessionMasker(new MaskingSession())).Mask(AiApi.OpenAIChatCompletions, body);

        var sent = body.ToJsonString();
        Assert.DoesNotContain("OrderPricingEngine", sent);
        Assert.DoesNotContain("ComputeMargin", sent);
        Assert.Equal("review", body["response_format"]!["json_schema"]!["name"]!.GetValue<string>());
        Assert.Equal("content", body["prediction"]!["type"]!.GetValue<string>());
    }

    [Fact]
    public void A_responses_output_format_and_stored_prompt_variables_are_masked_and_an_image_variable_refused()
    {
        var body = JsonNode.Parse("""
            {"model":"gpt-5","input":"Review it.",
             "text":{"format":{"type":"json_schema","name":"review","schema":{"type":"object","properties":{"note":{"type":"string","description":"About OrderPricingEngine"}}}}},
             "prompt":{"id":"pmpt_1","variables":{"code":CODE_JSON,"extra":{"type":"input_text","text":"ComputeMargin is hot."}}}}
            """.Replace("CODE_JSON", Json(Code)))!.AsObject();

        new RequestMasker(new SessionMasker(new MaskingSession())).Mask(AiApi.OpenAIResponses, body);

        var sent = body.ToJsonString();
        Assert.DoesNotContain("OrderPricingEngine", sent);
        Assert.DoesNotContain("ComputeMargin", sent);
        Assert.Equal("input_text", body["prompt"]!["variables"]!["extra"]!["type"]!.GetValue<string>());

        var image = JsonNode.Parse("""{"model":"gpt-5","input":"Hi","prompt":{"id":"pmpt_1","variables":{"shot":{"type":"input_image","image_url":"https://x.invalid/a.png"}}}}""")!.AsObject();
        Assert.Throws<MaskingRefusedException>(() => new RequestMasker(new SessionMasker(new MaskingSession())).Mask(AiApi.OpenAIResponses, image));
    }

    [Theory]
    [InlineData("output_config", """{"effort":"high","format":{"type":"json_schema","schema":SCHEMA}}""")]
    [InlineData("output_format", """{"type":"json_schema","schema":SCHEMA}""")]
    public void An_anthropic_structured_output_schema_is_masked(string key, string value)
    {
        const string schema = """{"type":"object","properties":{"risk":{"type":"string","description":"Risk to OrderPricingEngine callers","enum":["ComputeMargin breaks","none"]}}}""";
        var body = JsonNode.Parse($$"""{"model":"claude-sonnet-4-5","max_tokens":100,"messages":[{"role":"user","content":"Review it."}],"{{key}}":{{value.Replace("SCHEMA", schema)}}}""")!.AsObject();

        new RequestMasker(new SessionMasker(new MaskingSession())).Mask(AiApi.AnthropicMessages, body);

        var sent = body.ToJsonString();
        Assert.DoesNotContain("OrderPricingEngine", sent);
        Assert.DoesNotContain("ComputeMargin", sent);
        Assert.Contains("\"json_schema\"", sent);
    }

    [Fact]
    public void Anthropic_compaction_instructions_are_masked_and_excluded_tools_named_as_their_definitions()
    {
        var options = new MaskingOptions();
        options.SensitiveTerms.Add("Contoso");
        var body = JsonNode.Parse("""
            {"model":"claude-sonnet-4-5","max_tokens":100,"messages":[{"role":"user","content":CODE_JSON}],
             "tools":[{"name":"contoso_refunds","description":"Refunds.","input_schema":{"type":"object"}}],
             "context_management":{"edits":[
               {"type":"clear_tool_uses_20250919","trigger":{"type":"input_tokens","value":30000},"exclude_tools":["contoso_refunds","web_search"]},
               {"type":"compact_20260112","instructions":"Keep every detail about OrderPricingEngine.ComputeMargin."}]}}
            """.Replace("CODE_JSON", Json(Code)))!.AsObject();

        new RequestMasker(new SessionMasker(new MaskingSession(options))).Mask(AiApi.AnthropicMessages, body);

        var edits = body["context_management"]!["edits"]!;
        Assert.DoesNotContain("OrderPricingEngine", edits.ToJsonString());
        Assert.StartsWith("Keep every detail about ", edits[1]!["instructions"]!.GetValue<string>());
        Assert.Equal(body["tools"]![0]!["name"]!.GetValue<string>(), edits[0]!["exclude_tools"]![0]!.GetValue<string>());
        Assert.DoesNotContain("contoso", body.ToJsonString(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal("web_search", edits[0]!["exclude_tools"]![1]!.GetValue<string>());
        Assert.Equal(30000, edits[0]!["trigger"]!["value"]!.GetValue<int>());
    }

    [Fact]
    public void A_system_message_among_the_messages_keeps_its_settings_and_its_output_schema_is_masked()
    {
        var body = JsonNode.Parse("""
            {"model":"claude-sonnet-4-5","max_tokens":100,"messages":[{"role":"user","content":CODE_JSON},
             {"role":"system","content":"Review OrderPricingEngine.","clear_at":"next_user_message",
              "output_config":{"effort":"low","format":{"type":"json_schema","schema":{"type":"object","properties":{"risk":{"type":"string","description":"Risk to ComputeMargin"}}}}}},
             {"role":"user","content":"go"}]}
            """.Replace("CODE_JSON", Json(Code)))!.AsObject();

        new RequestMasker(new SessionMasker(new MaskingSession())).Mask(AiApi.AnthropicMessages, body);

        var system = body["messages"]![1]!;
        Assert.DoesNotContain("OrderPricingEngine", body.ToJsonString());
        Assert.DoesNotContain("ComputeMargin", body.ToJsonString());
        Assert.Equal(("next_user_message", "low"), (system["clear_at"]!.GetValue<string>(), system["output_config"]!["effort"]!.GetValue<string>()));
    }

    private static string Json(string text) => System.Text.Json.JsonSerializer.Serialize(text);
}
