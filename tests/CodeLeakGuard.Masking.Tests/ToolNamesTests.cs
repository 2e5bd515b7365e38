using System.Text.Json.Nodes;
using CodeLeakGuard.Masking.Http;

namespace CodeLeakGuard.Masking.Tests;

/// <summary>
/// Tool names, schema property names and tool-input keys that hold a sensitive term of the policy are masked the same
/// way everywhere (definition, choice, the calls in the history, the prompt's text) and restored in the answer;
/// generic names and the provider's own tools keep theirs, and the prompt names a request's tools as they are given.
/// </summary>
public class ToolNamesTests
{
    [Fact]
    public void Names_with_a_sensitive_term_are_masked_consistently_and_the_answer_gets_them_back()
    {
        var masker = Masker();
        var body = JsonNode.Parse("""
            {"model":"claude-sonnet-4-5","max_tokens":100,
             "tools":[
               {"name":"contoso_refunds","description":"Refunds an order.","input_schema":{"type":"object",
                 "properties":{"contosoOrderId":{"type":"string","description":"The order"},"file_path":{"type":"string"}},"required":["contosoOrderId","file_path"]}},
               {"type":"web_search_20250305","name":"web_search","max_uses":2}],
             "tool_choice":{"type":"tool","name":"contoso_refunds"},
             "messages":[
               {"role":"user","content":"Refund A-1042."},
               {"role":"assistant","content":[{"type":"tool_use","id":"toolu_1","name":"contoso_refunds","input":{"contosoOrderId":"A-1042","file_path":"refunds.csv"}}]},
               {"role":"user","content":[{"type":"tool_result","tool_use_id":"toolu_1","content":"Refunded."}]}]}
            """)!.AsObject();

        new RequestMasker(masker).Mask(AiApi.AnthropicMessages, body);

        var sent = body.ToJsonString();
        Assert.DoesNotContain("contoso", sent, StringComparison.OrdinalIgnoreCase);
        var tool = body["tools"]![0]!;
        var name = tool["name"]!.GetValue<string>();
        var key = tool["input_schema"]!["properties"]!.AsObject().First().Key;
        Assert.Equal(new[] { key, "file_path" }, tool["input_schema"]!["properties"]!.AsObject().Select(p => p.Key));
        Assert.Equal(new[] { key, "file_path" }, tool["input_schema"]!["required"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.Equal(name, body["tool_choice"]!["name"]!.GetValue<string>());
        Assert.Equal("web_search", body["tools"]![1]!["name"]!.GetValue<string>());
        var call = body["messages"]![1]!["content"]![0]!;
        Assert.Equal(name, call["name"]!.GetValue<string>());
        Assert.Equal(new[] { key, "file_path" }, call["input"]!.AsObject().Select(p => p.Key));

        var answer = JsonNode.Parse($$$"""{"content":[{"type":"tool_use","id":"toolu_2","name":"{{{name}}}","input":{"{{{key}}}":"A-2000","file_path":"x.csv"}}]}""");
        ResponseUnmasker.Unmask(answer, masker);

        Assert.Equal("contoso_refunds", answer!["content"]![0]!["name"]!.GetValue<string>());
        Assert.Equal(new[] { "contosoOrderId", "file_path" }, answer["content"]![0]!["input"]!.AsObject().Select(p => p.Key));
    }

    [Fact]
    public void Without_sensitive_terms_names_and_keys_go_out_as_they_are()
    {
        var body = JsonNode.Parse("""
            {"model":"gpt-5","tools":[{"type":"function","name":"lookupOrderPricing","parameters":{"type":"object","properties":{"orderPricingId":{"type":"string"}}}}],
             "input":[{"type":"function_call","call_id":"c1","name":"lookupOrderPricing","arguments":"{\"orderPricingId\":\"7\"}"}]}
            """)!.AsObject();

        new RequestMasker(new SessionMasker(new MaskingSession())).Mask(AiApi.OpenAIResponses, body);

        Assert.Equal("lookupOrderPricing", body["tools"]![0]!["name"]!.GetValue<string>());
        Assert.Equal("lookupOrderPricing", body["input"]![0]!["name"]!.GetValue<string>());
        Assert.Contains("orderPricingId", body["input"]![0]!["arguments"]!.GetValue<string>());
    }

    [Fact]
    public void Tool_search_references_name_the_tools_as_their_definitions_do()
    {
        var body = JsonNode.Parse("""
            {"model":"claude-sonnet-4-5","max_tokens":100,
             "tools":[
               {"type":"tool_search_tool_regex_20251119","name":"tool_search_tool_regex"},
               {"name":"contoso_refunds","description":"Refunds an order.","input_schema":{"type":"object"},"defer_loading":true},
               {"name":"find_tools","description":"Finds tools.","input_schema":{"type":"object"}}],
             "messages":[
               {"role":"user","content":"Refund A-1042."},
               {"role":"assistant","content":[
                 {"type":"server_tool_use","id":"srvtoolu_1","name":"tool_search_tool_regex","input":{"pattern":"refund"}},
                 {"type":"tool_search_tool_result","tool_use_id":"srvtoolu_1","content":{"type":"tool_search_tool_search_result","tool_references":[{"type":"tool_reference","tool_name":"contoso_refunds"}]}},
                 {"type":"tool_use","id":"toolu_1","name":"find_tools","input":{"query":"refunds"}}]},
               {"role":"user","content":[{"type":"tool_result","tool_use_id":"toolu_1","content":[{"type":"tool_reference","tool_name":"contoso_refunds"}]}]}]}
            """)!.AsObject();

        new RequestMasker(Masker()).Mask(AiApi.AnthropicMessages, body);

        Assert.DoesNotContain("contoso", body.ToJsonString(), StringComparison.OrdinalIgnoreCase);
        var name = body["tools"]![1]!["name"]!.GetValue<string>();
        Assert.Equal(name, body["messages"]![1]!["content"]![1]!["content"]!["tool_references"]![0]!["tool_name"]!.GetValue<string>());
        Assert.Equal(name, body["messages"]![2]!["content"]![0]!["content"]![0]!["tool_name"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(AiApi.AnthropicMessages, """{"model":"claude-sonnet-4-5","max_tokens":100,"system":"PROMPT","tools":[{"name":"TodoWrite","input_schema":{"type":"object"}},{"name":"WebFetch","input_schema":{"type":"object"}}],"messages":[{"role":"user","content":"CODE"}]}""")]
    [InlineData(AiApi.OpenAIChatCompletions, """{"model":"gpt-5","messages":[{"role":"system","content":"PROMPT"},{"role":"user","content":"CODE"}],"tools":[{"type":"function","function":{"name":"TodoWrite"}},{"type":"function","function":{"name":"WebFetch"}}]}""")]
    [InlineData(AiApi.OpenAIResponses, """{"model":"gpt-5","instructions":"PROMPT","input":"CODE","tools":[{"type":"function","name":"TodoWrite"},{"type":"custom","name":"WebFetch"}]}""")]
    public void A_prompt_names_the_tools_of_its_request_as_they_are_given(AiApi api, string json)
    {
        // As Claude Code's system prompt does: the tools it defines by name, and one it does not define in this request.
        const string Prompt = "Use the TodoWrite tool to plan, WebFetch to read a page and NotebookEdit for notebooks.";
        const string Code = "```csharp\\npublic class WebFetchCache { TodoWrite Plan() => null; }\\n```"; // as JSON text
        var body = JsonNode.Parse(json.Replace("PROMPT", Prompt).Replace("CODE", Code))!.AsObject();

        new RequestMasker(new SessionMasker(new MaskingSession())).Mask(api, body);

        var sent = body.ToJsonString();
        Assert.Contains("Use the TodoWrite tool to plan, WebFetch to read a page and ", sent);
        Assert.DoesNotContain("NotebookEdit", sent);
        Assert.DoesNotContain("WebFetchCache", sent);
        Assert.Contains("TodoWrite Method", sent); // the tool's name, used in code, is that name there too
    }

    [Theory]
    [InlineData(AiApi.AnthropicMessages, """{"model":"claude-sonnet-4-5","max_tokens":100,"system":"PROMPT","tools":[{"name":"Edit","description":"PROMPT","input_schema":{"type":"object","properties":{"replace_all":{"type":"boolean"},"match_caseFold":{"type":"boolean"}}}}],"messages":[{"role":"user","content":"hi"}]}""")]
    [InlineData(AiApi.OpenAIChatCompletions, """{"model":"gpt-5","messages":[{"role":"system","content":"PROMPT"}],"tools":[{"type":"function","function":{"name":"Edit","description":"PROMPT","parameters":{"type":"object","properties":{"replace_all":{"type":"boolean"}},"required":["match_caseFold"]}}}]}""")]
    [InlineData(AiApi.OpenAIChatCompletions, """{"model":"gpt-5","messages":[{"role":"system","content":"PROMPT"},{"role":"assistant","tool_calls":[{"id":"c1","type":"function","function":{"name":"Edit","arguments":"{\"replace_all\":true,\"options\":{\"match_caseFold\":false}}"}}]}]}""")]
    public void A_prompt_names_the_parameters_of_its_request_as_they_are_given(AiApi api, string json)
    {
        // As Claude Code's tool descriptions do: "Use replace_all to change every instance".
        const string Prompt = "Use replace_all to change every instance, match_caseFold to ignore case; never set ReplaceEverything.";
        var body = JsonNode.Parse(json.Replace("PROMPT", Prompt))!.AsObject();

        new RequestMasker(new SessionMasker(new MaskingSession())).Mask(api, body);

        var sent = body.ToJsonString();
        Assert.Contains("Use replace_all to change every instance, match_caseFold to ignore case; never set ", sent);
        Assert.DoesNotContain("ReplaceEverything", sent);
    }

    [Fact]
    public void A_tool_name_masked_for_a_sensitive_term_is_the_same_word_in_the_prompt()
    {
        var body = JsonNode.Parse("""
            {"model":"claude-sonnet-4-5","max_tokens":100,"system":"Call ContosoRefunds to refund an order.",
             "tools":[{"name":"ContosoRefunds","description":"Refunds an order.","input_schema":{"type":"object"}}],
             "messages":[{"role":"user","content":"Refund A-1042."}]}
            """)!.AsObject();

        new RequestMasker(Masker()).Mask(AiApi.AnthropicMessages, body);

        var name = body["tools"]![0]!["name"]!.GetValue<string>();
        Assert.DoesNotContain("Contoso", name);
        Assert.Equal($"Call {name} to refund an order.", body["system"]!.GetValue<string>());
    }

    private static SessionMasker Masker()
    {
        var options = new MaskingOptions();
        options.SensitiveTerms.Add("Contoso");
        return new SessionMasker(new MaskingSession(options));
    }
}
