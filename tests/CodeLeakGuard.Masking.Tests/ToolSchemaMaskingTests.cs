using System.Text.Json.Nodes;
using CodeLeakGuard.Masking.Http;

namespace CodeLeakGuard.Masking.Tests;

/// <summary>What a tool definition shows the model: its descriptions, and the values it offers (enum, default, examples).</summary>
public class ToolSchemaMaskingTests
{
    [Fact]
    public void Tool_schemas_offer_the_model_masked_values_and_keep_their_property_names()
    {
        var body = JsonNode.Parse("""
            {"model":"claude-sonnet-4-5","max_tokens":100,
             "tools":[{"name":"deploy","description":"Deploys a service.","input_schema":{"type":"object","properties":{
               "service":{"type":"string","enum":["ContosoBillingService","ContosoLedgerService","all"],"default":"ContosoBillingService"},
               "description":{"type":"string","examples":["Roll back ContosoLedgerService"]}}}}],
             "messages":[{"role":"user","content":"Deploy it."}]}
            """)!.AsObject();

        new RequestMasker(new SessionMasker(new MaskingSession())).Mask(AiApi.AnthropicMessages, body);

        var schema = body["tools"]![0]!["input_schema"]!["properties"]!;
        Assert.DoesNotContain("Contoso", body.ToJsonString());
        Assert.Equal("all", schema["service"]!["enum"]![2]!.GetValue<string>());
        Assert.Equal(schema["service"]!["enum"]![0]!.GetValue<string>(), schema["service"]!["default"]!.GetValue<string>());
        Assert.NotNull(schema["description"]!["examples"]); // a property named "description" is a property, not a text
    }

    [Theory]
    [InlineData("""{"type":"object","properties":{"symbol":{"type":"string"}},"examples":[{"symbol":"InvoiceLedgerService.ComputeInvoiceTotal"}]}""")]
    [InlineData("""{"type":"object","properties":{"symbol":{"type":"string","default":{"symbol":"InvoiceLedgerService.ComputeInvoiceTotal"}}}}""")]
    [InlineData("""{"type":"object","properties":{"symbol":{"type":"array","default":["InvoiceLedgerService"]}}}""")]
    [InlineData("""{"type":"object","properties":{"symbol":{"type":"string","const":{"a":[{"b":"InvoiceLedgerService"}]}}}}""")]
    [InlineData("""{"type":"object","$comment":"ComputeInvoiceTotal or InvoiceLedgerService","properties":{}}""")]
    [InlineData("""{"type":"object","properties":{"symbol":{"type":"string","pattern":"^(ComputeInvoiceTotal|InvoiceLedgerService)$"}}}""")]
    [InlineData("""{"type":"object","properties":{"type":{"type":"string","description":"the InvoiceLedgerService kind"}}}""")] // a property named "type"
    [InlineData("""{"type":"object","$defs":{"format":{"type":"string","description":"as InvoiceLedgerService writes it"}},"properties":{"f":{"$ref":"#/$defs/format"}}}""")]
    [InlineData("""{"type":"object","properties":{"x":{"type":"string","x-hint":"ask InvoiceLedgerService","x-notes":["InvoiceLedgerService"]}}}""")] // keywords newer than this code
    public void Every_text_of_a_schema_is_masked_whatever_keyword_holds_it(string schema)
    {
        var body = JsonNode.Parse($$"""
            {"model":"claude-sonnet-4-5","max_tokens":100,
             "tools":[{"name":"lookup","description":"Looks a symbol up.","input_schema":{{schema}}}],
             "messages":[{"role":"user","content":"Look it up."}]}
            """)!.AsObject();

        new RequestMasker(new SessionMasker(new MaskingSession())).Mask(AiApi.AnthropicMessages, body);

        var masked = body["tools"]![0]!["input_schema"]!.ToJsonString();
        Assert.DoesNotContain("InvoiceLedgerService", masked);
        Assert.DoesNotContain("ComputeInvoiceTotal", masked);
        Assert.Contains("\"type\":\"object\"", masked);
    }

    [Fact]
    public void A_schemas_machinery_is_left_as_written()
    {
        const string schema = """{"$schema":"https://json-schema.org/draft/2020-12/schema","type":"object","$defs":{"Money":{"type":"string","format":"decimal"}},"properties":{"total":{"$ref":"#/$defs/Money"},"kind":{"type":["string","null"]}},"required":["total"]}""";
        var body = JsonNode.Parse("""{"model":"gpt-4o","messages":[{"role":"user","content":"Total?"}],"response_format":{"type":"json_schema","json_schema":{"name":"answer","schema":""" + schema + "}}}")!.AsObject();

        new RequestMasker(new SessionMasker(new MaskingSession())).Mask(AiApi.OpenAIChatCompletions, body);

        Assert.Equal(JsonNode.Parse(schema)!.ToJsonString(), body["response_format"]!["json_schema"]!["schema"]!.ToJsonString());
    }

    [Fact]
    public void Tool_use_examples_are_masked_as_the_inputs_they_show()
    {
        var body = JsonNode.Parse("""
            {"model":"claude-sonnet-4-5","max_tokens":100,
             "tools":[{"name":"deploy","description":"Deploys a service.","input_schema":{"type":"object","properties":{"service":{"type":"string"}}},
               "input_examples":[{"service":"ContosoBillingService","note":"after OrderPricingEngine.ComputeMargin changed"},{"service":"all"}]}],
             "messages":[{"role":"user","content":"Deploy it."}]}
            """)!.AsObject();

        new RequestMasker(new SessionMasker(new MaskingSession())).Mask(AiApi.AnthropicMessages, body);

        var examples = body["tools"]![0]!["input_examples"]!;
        Assert.DoesNotContain("Contoso", body.ToJsonString());
        Assert.DoesNotContain("OrderPricingEngine", body.ToJsonString());
        Assert.Equal("all", examples[1]!["service"]!.GetValue<string>());
        Assert.NotNull(examples[0]!["note"]); // keys with no policy term keep their names
    }

    [Fact]
    public void A_remote_MCP_servers_description_is_masked_and_its_headers_pass()
    {
        var body = JsonNode.Parse("""
            {"model":"gpt-5","input":"List the failing jobs.",
             "tools":[{"type":"mcp","server_label":"ci","server_url":"https://ci.example.com/mcp","server_description":"Jobs of the ContosoBillingService pipeline",
               "headers":{"Authorization":"Bearer abc"},"require_approval":"never"}]}
            """)!.AsObject();

        new RequestMasker(new SessionMasker(new MaskingSession())).Mask(AiApi.OpenAIResponses, body);

        Assert.DoesNotContain("Contoso", body.ToJsonString());
        Assert.Equal("Bearer abc", body["tools"]![0]!["headers"]!["Authorization"]!.GetValue<string>());
        Assert.Equal("https://ci.example.com/mcp", body["tools"]![0]!["server_url"]!.GetValue<string>());
    }
}
