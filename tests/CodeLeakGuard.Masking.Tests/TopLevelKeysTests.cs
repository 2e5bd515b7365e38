using System.Text.Json.Nodes;
using CodeLeakGuard.Masking.Http;
using CodeLeakGuard.Tests.Shared;

namespace CodeLeakGuard.Masking.Tests;

/// <summary>Top-level keys beside the ones a shape masks: settings and ids pass as they are, any other key's strings are masked.</summary>
public class TopLevelKeysTests
{
    private const string Code = "public sealed class OrderPricingEngine { public decimal ComputeMargin() => 0.42m; }";

    // As Claude Code sends it in every request's metadata (masked as text, it had become "Name1-5717-...").
    private const string ClaudeCodeUserId = "user_2f8a9c0d1e4b7a6c5d3e2f1a0b9c8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f3a2b1c_account_3fa85f64-5717-4562-b3fc-2c963f66afa6_session_9b2d7c1e-4f3a-4b8e-9d6c-1a2b3c4d5e6f";

    [Theory]
    [InlineData(AiApi.AnthropicMessages, """{"model":"claude-sonnet-4-5","max_tokens":100,"messages":[{"role":"user","content":CODE}],"stop_sequences":["OrderPricingEngine:"],"metadata":{"user_id":"USER_ID"},"x_new_parameter":{"hint":"ComputeMargin","key":"SECRET"},"service_tier":"auto","thinking":{"type":"enabled","budget_tokens":1024},"thread":{"type":"continue","previous_message_id":"msg_01XFDUDYJgAACzvnptvVoYEL"},"compaction":{"instructions":"Keep all of ComputeMargin."}}""")]
    [InlineData(AiApi.OpenAIChatCompletions, """{"model":"gpt-5","messages":[{"role":"user","content":CODE}],"stop":"OrderPricingEngine:","metadata":{"ticket":"OPS-12"},"x_new_parameter":["ComputeMargin","SECRET"],"reasoning_effort":"high","user":"dev-42"}""")]
    [InlineData(AiApi.OpenAIResponses, """{"model":"gpt-5","input":CODE,"x_new_parameter":"ComputeMargin SECRET","metadata":{"user_id":"USER_ID"},"client_metadata":{"x-codex-installation-id":"USER_ID"},"include":["reasoning.encrypted_content"],"reasoning":{"effort":"high","summary":"auto"},"truncation":"auto"}""")]
    public void An_unknown_or_free_text_top_level_key_is_masked_and_settings_pass(AiApi api, string json)
    {
        var body = JsonNode.Parse(json.Replace("CODE", Json(Code)).Replace("SECRET", FakeSecrets.AnthropicKey).Replace("USER_ID", ClaudeCodeUserId))!.AsObject();
        var settings = body.Where(p => p.Key is "metadata" or "client_metadata" or "thread" or "service_tier" or "thinking" or "reasoning_effort" or "user" or "include" or "reasoning" or "truncation")
            .ToDictionary(p => p.Key, p => p.Value!.ToJsonString());

        var masker = new RequestMasker(new SessionMasker(new MaskingSession()));
        masker.Mask(api, body);

        var sent = body.ToJsonString();
        Assert.DoesNotContain("OrderPricingEngine", sent);
        Assert.DoesNotContain("ComputeMargin", sent);
        Assert.DoesNotContain(FakeSecrets.AnthropicKey, sent);
        Assert.NotEmpty(settings);
        Assert.All(settings, setting => Assert.Equal(setting.Value, body[setting.Key]!.ToJsonString()));
    }

    [Theory]
    [InlineData("""{"web_search_options":{"search_context_size":"low","user_location":{"type":"approximate","approximate":{"country":"US","city":"New York","timezone":"America/New_York"}}}}""")]
    [InlineData("""{"provider":{"order":["DeepInfra","Fireworks"],"ignore":["OpenAI","SambaNova","GoogleAIStudio"]},"models":["anthropic/claude-sonnet-4.5","openai/gpt-5"],"route":"fallback","transforms":["middle-out"]}""")]
    [InlineData("""{"safety_settings":[{"category":"HARM_CATEGORY_DANGEROUS_CONTENT","threshold":"BLOCK_NONE"}],"cached_content":"cachedContents/abc123"}""")]
    [InlineData("""{"keep_alive":"5m","ttl":300,"draft_model":"qwen2.5-0.5b-instruct"}""")]
    public void The_routing_and_settings_of_OpenAI_compatible_services_pass_as_they_are(string settings)
    {
        var expected = JsonNode.Parse(settings)!.AsObject();
        var body = JsonNode.Parse(settings)!.AsObject();
        body["model"] = "gpt-4o";
        body["messages"] = JsonNode.Parse("""[{"role":"user","content":""" + Json(Code) + "}]");

        new RequestMasker(new SessionMasker(new MaskingSession())).Mask(AiApi.OpenAIChatCompletions, body);

        Assert.DoesNotContain("OrderPricingEngine", body.ToJsonString());
        Assert.All(expected, setting => Assert.Equal(setting.Value!.ToJsonString(), body[setting.Key]!.ToJsonString()));
    }

    [Fact]
    public void A_batched_requests_unknown_key_is_masked_too()
    {
        var body = JsonNode.Parse("""{"requests":[{"custom_id":"r1","params":{"model":"claude-sonnet-4-5","max_tokens":10,"messages":[{"role":"user","content":CODE}],"stop_sequences":["ComputeMargin("]}}]}""".Replace("CODE", Json(Code)))!.AsObject();

        new RequestMasker(new SessionMasker(new MaskingSession())).Mask(AiApi.AnthropicMessageBatches, body);

        Assert.DoesNotContain("ComputeMargin", body.ToJsonString());
    }

    private static string Json(string text) => System.Text.Json.JsonSerializer.Serialize(text);
}
