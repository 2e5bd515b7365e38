using System.Text.Json.Nodes;
using CodeLeakGuard.Masking.Http;

namespace CodeLeakGuard.Masking.Tests;

/// <summary>
/// Results of the tools Anthropic runs itself, and of the MCP servers it calls (and the other blocks of its own it writes:
/// MCP tool listings, model fallbacks), sent back with the conversation:
/// their text is masked; ids and numbers pass; unknown result kinds and entry keys refuse the request.
/// </summary>
public class ServerToolResultsTests
{
    [Theory]
    [InlineData("""{"type":"code_execution_tool_result","tool_use_id":"srvtoolu_1","content":{"type":"code_execution_result","stdout":"OrderPricingEngine: 0.42","stderr":"","return_code":0,"content":[{"type":"code_execution_output","file_id":"file_1"}]}}""")]
    [InlineData("""{"type":"bash_code_execution_tool_result","tool_use_id":"srvtoolu_1","content":{"type":"bash_code_execution_result","stdout":"","stderr":"grep: OrderPricingEngine.cs: no such file","return_code":2,"content":[]}}""")]
    [InlineData("""{"type":"text_editor_code_execution_tool_result","tool_use_id":"srvtoolu_1","content":{"type":"text_editor_code_execution_view_result","file_type":"text","content":"public sealed class OrderPricingEngine { }","num_lines":1,"start_line":1,"total_lines":1}}""")]
    [InlineData("""{"type":"text_editor_code_execution_tool_result","tool_use_id":"srvtoolu_1","content":{"type":"text_editor_code_execution_str_replace_result","lines":["- class OrderPricingEngine","+ class OrderPricingEngine2"],"new_lines":1,"new_start":3,"old_lines":1,"old_start":3}}""")]
    [InlineData("""{"type":"mcp_tool_result","tool_use_id":"mcptoolu_1","is_error":false,"content":[{"type":"text","text":"OrderPricingEngine owns margins."}]}""")]
    [InlineData("""{"type":"tool_search_tool_result","tool_use_id":"srvtoolu_1","content":{"type":"tool_search_tool_search_result","tool_references":[{"type":"tool_reference","tool_name":"lookup_symbol"}]}}""")]
    [InlineData("""{"type":"advisor_tool_result","tool_use_id":"srvtoolu_1","content":{"type":"advisor_result","text":"Check OrderPricingEngine for a zero price."}}""")]
    [InlineData("""{"type":"mcp_tool_listing","mcp_server_name":"wiki","tools":[{"name":"search_code","description":"Searches OrderPricingEngine code","input_schema":{"type":"object","properties":{"q":{"type":"string","description":"A member of OrderPricingEngine"}}}}]}""")]
    [InlineData("""{"type":"fallback","from":{"model":"claude-opus-4-5"},"to":{"model":"claude-sonnet-4-5"},"trigger":{"type":"refusal","category":"cyber"}}""")]
    public void Server_tool_results_go_out_with_their_text_masked(string result)
    {
        var body = Conversation("""{"type":"mcp_tool_use","id":"mcptoolu_1","name":"lookup","server_name":"wiki","input":{"page":"OrderPricingEngine"}}""", result);

        new RequestMasker(new SessionMasker(new MaskingSession())).Mask(AiApi.AnthropicMessages, body);

        Assert.DoesNotContain("OrderPricingEngine", body.ToJsonString());
    }

    [Theory]
    [InlineData("""{"type":"code_execution_tool_result","tool_use_id":"s","content":{"type":"code_execution_result","stdout":"","stderr":"","return_code":0,"notes":"OrderPricingEngine"}}""")]
    [InlineData("""{"type":"future_server_tool_result","tool_use_id":"s","content":"OrderPricingEngine"}""")]
    [InlineData("""{"type":"advisor_tool_result","tool_use_id":"s","content":{"type":"advisor_result","text":"x","reasoning":"OrderPricingEngine"}}""")]
    [InlineData("""{"type":"fallback","from":{"model":"m","note":"OrderPricingEngine"},"to":{"model":"m"}}""")]
    public void What_is_not_understood_is_refused(string result)
    {
        var error = Assert.Throws<MaskingRefusedException>(() => new RequestMasker(new SessionMasker(new MaskingSession())).Mask(AiApi.AnthropicMessages, Conversation(result)));

        Assert.Contains("not sent", error.Message);
    }

    private static JsonObject Conversation(params string[] blocks) => JsonNode.Parse($$"""
        {"model":"claude-sonnet-4-5","max_tokens":100,"messages":[
          {"role":"user","content":"Look at OrderPricingEngine."},
          {"role":"assistant","content":[{{string.Join(",", blocks)}}]}]}
        """)!.AsObject();
}
