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
}
