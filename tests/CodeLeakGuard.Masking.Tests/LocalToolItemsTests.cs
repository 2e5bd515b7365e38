using System.Text.Json.Nodes;
using CodeLeakGuard.Masking.Http;
using CodeLeakGuard.Policy;
using CodeLeakGuard.Tests.Shared;

namespace CodeLeakGuard.Masking.Tests;

/// <summary>
/// The shell and apply-patch items a Codex-style agent sends back on the Responses API: commands, environment values,
/// output and patches are masked (secrets too); ids, statuses and exit codes pass; unknown keys refuse.
/// </summary>
public class LocalToolItemsTests
{
    [Fact]
    public void Shell_and_patch_items_go_out_masked()
    {
        var body = JsonNode.Parse($$$"""
            {"model":"gpt-5-codex","input":[
              {"type":"message","role":"user","content":"Fix OrderPricingEngine.ComputeMargin."},
              {"type":"local_shell_call","id":"lsh_1","call_id":"c1","status":"completed","action":{"type":"exec","command":["grep","-rn","ComputeMargin","src/OrderPricingEngine.cs"],"timeout_ms":10000,"working_directory":"/repo","env":{"DB_PASSWORD":"{{{FakeSecrets.DatabasePassword}}}"},"user":null}},
              {"type":"local_shell_call_output","call_id":"c1","output":"src/OrderPricingEngine.cs:12: public decimal ComputeMargin()"},
              {"type":"shell_call","id":"sh_1","call_id":"c2","status":"completed","action":{"commands":["dotnet test --filter OrderPricingEngineTests"],"timeout_ms":60000,"max_output_length":4096}},
              {"type":"shell_call_output","id":"sho_1","call_id":"c2","max_output_length":4096,"output":[{"stdout":"Passed OrderPricingEngineTests","stderr":"","outcome":{"type":"exit","exit_code":0}}]},
              {"type":"apply_patch_call","id":"ap_1","call_id":"c3","status":"completed","operation":{"type":"update_file","path":"src/OrderPricingEngine.cs","diff":"@@\n-    public decimal ComputeMargin() => 0;\n+    public decimal ComputeMargin() => RebateFactor;\n"}},
              {"type":"apply_patch_call_output","id":"apo_1","call_id":"c3","status":"completed","output":"Updated src/OrderPricingEngine.cs"}]}
            """)!.AsObject();

        new RequestMasker(new SessionMasker(new MaskingSession())).Mask(AiApi.OpenAIResponses, body);

        var sent = body.ToJsonString();
        Assert.DoesNotContain("OrderPricingEngine", sent);
        Assert.DoesNotContain("ComputeMargin", sent);
        Assert.DoesNotContain(FakeSecrets.DatabasePassword, sent);
        Assert.Equal(0, body["input"]![4]!["output"]![0]!["outcome"]!["exit_code"]!.GetValue<int>());
        Assert.Equal("update_file", body["input"]![5]!["operation"]!["type"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("""{"type":"shell_call","id":"s","call_id":"c","status":"completed","action":{"commands":["ls"],"stdin":"OrderPricingEngine"}}""")]
    [InlineData("""{"type":"apply_patch_call","id":"a","call_id":"c","status":"completed","operation":{"type":"update_file","path":"p","diff":"d","content":"OrderPricingEngine"}}""")]
    [InlineData("""{"type":"shell_call_output","id":"s","call_id":"c","output":[{"stdout":"","stderr":"","outcome":{"type":"exit","message":"OrderPricingEngine"}}]}""")]
    public void What_is_not_understood_is_refused(string item)
    {
        var body = JsonNode.Parse($$$"""{"model":"gpt-5-codex","input":[{{{item}}}]}""")!.AsObject();

        Assert.Throws<MaskingRefusedException>(() => new RequestMasker(new SessionMasker(new MaskingSession())).Mask(AiApi.OpenAIResponses, body));
    }

    [Theory]
    [InlineData(ImageHandling.Refuse)]
    [InlineData(ImageHandling.Withhold)]
    [InlineData(ImageHandling.Pass)]
    public void Computer_use_calls_go_out_masked_and_their_screenshots_only_where_images_may_pass(ImageHandling images)
    {
        var body = JsonNode.Parse($$$"""
            {"model":"computer-use-preview","truncation":"auto","input":[
              {"type":"message","role":"user","content":"Open OrderPricingEngine.cs."},
              {"type":"computer_call","id":"cu_1","call_id":"c1","status":"completed","action":{"type":"type","text":"class OrderPricingEngine"},
               "pending_safety_checks":[{"id":"sc_1","code":"malicious_instructions","message":"The page mentions ComputeMargin."}]},
              {"type":"computer_call","id":"cu_2","call_id":"c2","status":"completed","action":{"type":"click","x":10,"y":20,"button":"left"},"pending_safety_checks":[]},
              {"type":"computer_call_output","call_id":"c2","output":{"type":"computer_screenshot","image_url":"data:image/png;base64,iVBORw0KGgo="},
               "acknowledged_safety_checks":[{"id":"sc_1","code":"malicious_instructions","message":"The page mentions ComputeMargin."}]}]}
            """)!.AsObject();
        var masker = new RequestMasker(new SessionMasker(new MaskingSession())) { Images = images };

        if (images != ImageHandling.Pass)
        {
            Assert.Contains("set images=pass", Assert.Throws<MaskingRefusedException>(() => masker.Mask(AiApi.OpenAIResponses, body)).Message);
            return;
        }

        masker.Mask(AiApi.OpenAIResponses, body);

        var sent = body.ToJsonString();
        Assert.DoesNotContain("OrderPricingEngine", sent);
        Assert.DoesNotContain("ComputeMargin", sent);
        Assert.Equal(("click", 10), (body["input"]![2]!["action"]!["type"]!.GetValue<string>(), body["input"]![2]!["action"]!["x"]!.GetValue<int>()));
        Assert.Equal("data:image/png;base64,iVBORw0KGgo=", body["input"]![3]!["output"]!["image_url"]!.GetValue<string>());
        Assert.Equal(1, masker.Counts["image passed"]);
    }
}
