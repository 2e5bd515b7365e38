using System.Text.Json.Nodes;
using CodeLeakGuard.Masking.Http;
using CodeLeakGuard.Policy;

namespace CodeLeakGuard.Masking.Tests;

/// <summary>
/// The items of the tools OpenAI runs itself, as a stateless Responses client (Codex with web search, an app with file
/// search, code interpreter or a remote MCP server) sends them back: their text is masked, ids and URLs pass, and an
/// entry key that is not understood refuses the request.
/// </summary>
public class HostedToolItemsTests
{
    [Fact]
    public void Hosted_tool_items_go_out_with_their_text_masked_and_their_ids_and_urls_as_they_were()
    {
        var body = JsonNode.Parse("""
            {"model":"gpt-5","input":[
              {"type":"message","role":"user","content":"Why does OrderPricingEngine.ComputeMargin round twice?"},
              {"type":"web_search_call","id":"ws_1","status":"completed","action":{"type":"search","query":"OrderPricingEngine rounding","sources":[{"type":"url","url":"https://example.com/rounding"}]}},
              {"type":"file_search_call","id":"fs_1","status":"completed","queries":["ComputeMargin"],"results":[{"file_id":"file_1","filename":"OrderPricingEngine.cs","score":0.9,"text":"public decimal ComputeMargin() => 0;","attributes":{"owner":"OrderPricingEngine team"}}]},
              {"type":"code_interpreter_call","id":"ci_1","status":"completed","container_id":"cntr_1","code":"print('OrderPricingEngine')","outputs":[{"type":"logs","logs":"OrderPricingEngine"},{"type":"image","url":"https://files.example/plot.png"}]},
              {"type":"mcp_list_tools","id":"ml_1","server_label":"wiki","tools":[{"name":"lookup","description":"Looks up OrderPricingEngine pages","input_schema":{"type":"object"}}]},
              {"type":"mcp_approval_request","id":"mr_1","server_label":"wiki","name":"lookup","arguments":"{\"page\":\"OrderPricingEngine\"}"},
              {"type":"mcp_approval_response","approval_request_id":"mr_1","approve":true,"reason":"OrderPricingEngine is fine to read"},
              {"type":"mcp_call","id":"mc_1","server_label":"wiki","name":"lookup","arguments":"{\"page\":\"OrderPricingEngine\"}","output":"ComputeMargin rounds twice.","error":null}]}
            """)!.AsObject();

        new RequestMasker(new SessionMasker(new MaskingSession())).Mask(AiApi.OpenAIResponses, body);

        var sent = body.ToJsonString();
        Assert.DoesNotContain("OrderPricingEngine", sent);
        Assert.DoesNotContain("ComputeMargin", sent);
        Assert.Contains("https://example.com/rounding", sent);
        Assert.Contains("https://files.example/plot.png", sent);
        Assert.Equal("cntr_1", body["input"]![3]!["container_id"]!.GetValue<string>());
        Assert.NotNull(JsonNode.Parse(body["input"]![7]!["arguments"]!.GetValue<string>())!["page"]); // still JSON
    }

    [Theory]
    [InlineData("""{"type":"web_search_call","id":"ws_1","status":"completed","action":{"type":"search","query":"q","answer":"OrderPricingEngine"}}""")]
    [InlineData("""{"type":"web_search_call","id":"ws_1","status":"completed","action":{"type":"search","query":"q","sources":[{"type":"url","url":"u","snippet":"OrderPricingEngine"}]}}""")]
    [InlineData("""{"type":"code_interpreter_call","id":"ci_1","status":"completed","code":"x","outputs":[{"type":"files","files":["OrderPricingEngine.csv"]}]}""")]
    [InlineData("""{"type":"computer_call","id":"cu_1","call_id":"c1","status":"completed","action":{"type":"type","text":"x","note":"OrderPricingEngine"},"pending_safety_checks":[]}""")]
    public void What_is_not_understood_is_refused(string item)
    {
        var body = JsonNode.Parse($$"""{"model":"gpt-5","input":[{{item}}]}""")!.AsObject();

        Assert.Throws<MaskingRefusedException>(() => new RequestMasker(new SessionMasker(new MaskingSession())).Mask(AiApi.OpenAIResponses, body));
    }

    [Theory]
    [InlineData(ImageHandling.Refuse)]
    [InlineData(ImageHandling.Withhold)]
    [InlineData(ImageHandling.Pass)]
    public void A_generated_image_goes_back_only_where_images_may_pass_with_its_revised_prompt_masked(ImageHandling images)
    {
        var body = JsonNode.Parse("""
            {"model":"gpt-5","input":[{"type":"message","role":"user","content":"Draw OrderPricingEngine."},
              {"type":"image_generation_call","id":"ig_1","status":"completed","result":"iVBORw0KGgo=","revised_prompt":"A diagram of OrderPricingEngine","size":"1024x1024"}]}
            """)!.AsObject();
        var masker = new RequestMasker(new SessionMasker(new MaskingSession())) { Images = images };

        if (images != ImageHandling.Pass)
        {
            Assert.Contains("set images=pass", Assert.Throws<MaskingRefusedException>(() => masker.Mask(AiApi.OpenAIResponses, body)).Message);
            return;
        }

        masker.Mask(AiApi.OpenAIResponses, body);

        Assert.DoesNotContain("OrderPricingEngine", body.ToJsonString());
        Assert.Equal("iVBORw0KGgo=", body["input"]![1]!["result"]!.GetValue<string>());
    }
}
