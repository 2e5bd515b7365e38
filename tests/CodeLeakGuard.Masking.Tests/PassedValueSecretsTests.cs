using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using CodeLeakGuard.Masking.Http;
using CodeLeakGuard.Policy;
using CodeLeakGuard.Tests.Shared;

namespace CodeLeakGuard.Masking.Tests;

/// <summary>
/// Values the handler sends as the client wrote them (ids, settings, metadata, a message's name) cannot be masked:
/// a credential among them refuses the request, naming where it is and what kind it is, never its value; the ids,
/// user ids, e-mail addresses, opaque payloads and MCP servers' tokens (for the provider to use) real clients send
/// there still pass.
/// </summary>
public class PassedValueSecretsTests
{
    public static TheoryData<string, string, string, string> Refused() => new()
    {
        { "/v1/messages", """{"model":"m","max_tokens":1,"metadata":{"user_id":"SECRET"},"messages":[{"role":"user","content":"hi"}]}""", FakeSecrets.AwsAccessKeyId, "$.metadata.user_id holds a secret (AwsAccessKeyId)" },
        { "/v1/chat/completions", """{"model":"m","user":"SECRET","messages":[{"role":"user","content":"hi"}]}""", FakeSecrets.GitHubToken, "$.user holds a secret (GitHubToken)" },
        { "/v1/chat/completions", """{"model":"m","messages":[{"role":"user","name":"SECRET","content":"hi"}]}""", FakeSecrets.OpenAIKey, "$.messages[0].name holds a secret (OpenAIKey)" },
        { "/v1/responses", """{"model":"m","input":"hi","prompt_cache_key":"SECRET"}""", FakeSecrets.Jwt, "$.prompt_cache_key holds a secret (Jwt)" },
        { "/v1/responses", """{"model":"m","input":"hi","metadata":{"ticket":"OPS-12","deploy":"SECRET"}}""", "https://deploy:Tr0ub4dor-3xyz@ci.contoso.com/", "$.metadata.deploy holds a secret (UrlCredentials)" },
        { "/v1/messages/batches", """{"requests":[{"custom_id":"SECRET","params":{"model":"m","max_tokens":1,"messages":[{"role":"user","content":"hi"}]}}]}""", FakeSecrets.StripeKey, "$.requests[0].custom_id holds a secret (StripeKey)" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task A_credential_in_a_value_sent_as_it_is_refuses_the_request(string path, string json, string secret, string where)
    {
        var (response, upstream, audit) = await InMemoryUpstream.SendThroughHandlerAsync(path, Encoding.UTF8.GetBytes(json.Replace("SECRET", secret)));

        var error = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(where, error.Replace("\\u0027", "'"));
        Assert.DoesNotContain(secret, error);
        Assert.Empty(upstream.Bodies);
        Assert.True(audit!.Blocked);
        Assert.DoesNotContain(secret, audit.BlockReason);
    }

    [Theory]
    [InlineData("/v1/messages", """{"model":"claude-sonnet-4-5","max_tokens":1024,"metadata":{"user_id":"user_2f8a9c0d1e4b7a6c5d3e2f1a0b9c8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f3a2b1c_account_3fa85f64-5717-4562-b3fc-2c963f66afa6_session_9b2d7c1e-4f3a-4b8e-9d6c-1a2b3c4d5e6f"},"messages":[{"role":"user","content":"Read it"},{"role":"assistant","content":[{"type":"thinking","thinking":"I read it.","signature":"SIGNATURE"},{"type":"redacted_thinking","data":"SIGNATURE"},{"type":"tool_use","id":"toolu_01A09q90qw90lq917835lq9","name":"Read","input":{"file_path":"src/App.cs"}}]},{"role":"user","content":[{"type":"tool_result","tool_use_id":"toolu_01A09q90qw90lq917835lq9","content":"class App {}"}]}]}""")]
    [InlineData("/v1/chat/completions", """{"model":"gpt-4o","user":"jane.doe@contoso.com","safety_identifier":"5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8","messages":[{"role":"user","name":"jane","content":[{"type":"text","text":"hi"}]}]}""")]
    [InlineData("/v1/responses", """{"model":"gpt-5","previous_response_id":"resp_68af4030592c81938ec0a5fbab4a3e9f05438e46b5f69a3b","input":[{"type":"reasoning","id":"rs_1","summary":[],"encrypted_content":"SIGNATURE"},{"type":"message","role":"user","content":"hi"}],"metadata":{"ticket":"OPS-12"}}""")]
    [InlineData("/v1/messages", """{"model":"claude-sonnet-4-5","max_tokens":1024,"mcp_servers":[{"type":"url","url":"https://mcp.example.com/sse","name":"tickets","authorization_token":"GITHUB_TOKEN"}],"messages":[{"role":"user","content":"hi"}]}""")]
    [InlineData("/v1/responses", """{"model":"gpt-5","input":"hi","tools":[{"type":"mcp","server_label":"tickets","server_url":"https://mcp.example.com/sse","authorization":"GITHUB_TOKEN","headers":{"X-Api-Key":"GITHUB_TOKEN"},"require_approval":"never"}]}""")]
    public async Task Ids_user_ids_addresses_opaque_payloads_and_tokens_for_the_provider_still_pass(string path, string json)
    {
        // Opaque payloads are base64 of anything: this one holds what reads as an AWS key id and a GitHub token.
        var opaque = Convert.ToBase64String(Encoding.UTF8.GetBytes("binary")) + "+" + FakeSecrets.AwsAccessKeyId + "+" + FakeSecrets.GitHubToken;
        var (response, upstream, _) = await InMemoryUpstream.SendThroughHandlerAsync(path, Encoding.UTF8.GetBytes(json.Replace("SIGNATURE", opaque).Replace("GITHUB_TOKEN", FakeSecrets.GitHubToken)));

        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var sent = Assert.Single(upstream.Bodies);
        Assert.True(!json.Contains("SIGNATURE") || sent.Replace("\\u002B", "+").Contains(opaque));
    }

    [Fact]
    public void An_image_passed_by_policy_is_not_read_as_text()
    {
        var image = "data:image/png;base64," + Convert.ToBase64String(Encoding.UTF8.GetBytes("binary")) + "+" + FakeSecrets.AwsAccessKeyId + "+";
        var body = JsonNode.Parse("""{"model":"gpt-4o","messages":[{"role":"user","content":[{"type":"image_url","image_url":{"url":"IMAGE"}}]}]}""".Replace("IMAGE", image))!.AsObject();

        new RequestMasker(new SessionMasker(new MaskingSession())) { Images = ImageHandling.Pass }.Mask(AiApi.OpenAIChatCompletions, body);

        Assert.Equal(image, body["messages"]![0]!["content"]![0]!["image_url"]!["url"]!.GetValue<string>());
    }
}
