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

    [Theory]
    [InlineData(AiApi.OpenAIChatCompletions, """{"type":"custom","custom":{"name":"emit_patch","description":"Patches InvoiceLedgerService","format":{"type":"grammar","grammar":{"syntax":"lark","definition":"start: \"InvoiceLedgerService.\" NAME"}}}}""")]
    [InlineData(AiApi.OpenAIChatCompletions, """{"type":"custom","custom":{"name":"emit_patch","description":"Patches InvoiceLedgerService","format":{"type":"text"}}}""")]
    [InlineData(AiApi.OpenAIResponses, """{"type":"custom","name":"emit_patch","description":"Patches it","format":{"type":"grammar","syntax":"regex","definition":"^InvoiceLedgerService\\.[A-Za-z]+$"}}""")]
    public void A_custom_tools_description_and_grammar_are_masked(AiApi api, string tool)
    {
        var messages = api == AiApi.OpenAIResponses ? "\"input\":\"Patch it.\"" : "\"messages\":[{\"role\":\"user\",\"content\":\"Patch it.\"}]";
        var body = JsonNode.Parse("{\"model\":\"gpt-5\"," + messages + ",\"tools\":[" + tool + "]}")!.AsObject();

        new RequestMasker(new SessionMasker(new MaskingSession())).Mask(api, body);

        Assert.DoesNotContain("InvoiceLedgerService", body.ToJsonString());
        Assert.Contains("emit_patch", body.ToJsonString());
    }

    [Fact]
    public void A_custom_tool_call_sent_back_has_its_input_masked()
    {
        var body = JsonNode.Parse("""
            {"model":"gpt-5","tools":[{"type":"custom","custom":{"name":"apply_patch"}}],"messages":[
              {"role":"user","content":"Fix it."},
              {"role":"assistant","content":null,"tool_calls":[{"id":"call_c1","type":"custom","custom":{"name":"apply_patch",
                "input":"*** Update File: InvoiceLedgerService.cs\n- public decimal ComputeInvoiceTotal(int invoiceId)\n+ // key AKIA2E0A8F3B244C9986"}}]},
              {"role":"tool","tool_call_id":"call_c1","content":"applied"}]}
            """)!.AsObject();

        new RequestMasker(new SessionMasker(new MaskingSession())).Mask(AiApi.OpenAIChatCompletions, body);

        var sent = body.ToJsonString();
        Assert.DoesNotContain("InvoiceLedgerService", sent);
        Assert.DoesNotContain("ComputeInvoiceTotal", sent);
        Assert.DoesNotContain("AKIA2E0A8F3B244C9986", sent);
        Assert.Equal("apply_patch", body["messages"]![1]!["tool_calls"]![0]!["custom"]!["name"]!.GetValue<string>());
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
