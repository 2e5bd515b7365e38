using System.Net;
using System.Text;
using CodeLeakGuard.Masking.Http;

namespace CodeLeakGuard.Masking.Tests;

/// <summary>
/// Bodies built to get past the handler or to break it (found by fuzzing it): a request it cannot read is refused in
/// the provider's format, never thrown out of it and never sent; a container of the wrong shape or a key it does not
/// know is no way out for a name or a secret; an answer in an odd shape is still read to its end, unmasked.
/// </summary>
public class HostileBodyTests
{
    private const string Secret = "AKIA2E0A8F3B244C9986";
    private const string Code = "public class InvoiceLedgerService { decimal Total() => 0m; }";

    public static TheoryData<string, string, string> Refused() => new()
    {
        { "/v1/messages", """{"model":"m","model":"m","max_tokens":1,"messages":[]}""", "a key twice" },
        { "/v1/messages", """{"model":"m","max_tokens":1,"messages":[{"role":"user","content":[{"type":"text","type":"text","text":"CODE"}]}]}""", "a key twice" },
        { "/v1/messages", """{"model":"m","max_tokens":1,"tools":[[{"name":"Read","description":"Reads CODE SECRET","input_schema":{"type":"object"}}]],"messages":[]}""", "is not an object" },
        { "/v1/messages", """{"model":"m","max_tokens":1,"tools":{"x":{"name":"Read","description":"CODE"}},"messages":[]}""", "is not a list" },
        { "/v1/chat/completions", """{"model":"m","messages":[{"role":"assistant","tool_calls":{"x":[{"id":"c1","type":"function","function":{"name":"f","arguments":"SECRET"}}]}}]}""", "is not a list" },
        { "/v1/chat/completions", """{"model":"m","messages":[{"role":"assistant","tool_calls":[{"id":"c1","type":"function","function":[{"arguments":"SECRET"}]}]}]}""", "is not an object" },
        { "/v1/chat/completions", """{"model":"m","messages":[],"response_format":[{"type":"json_schema","json_schema":{"name":"r","description":"CODE"}}]}""", "is not an object" },
        { "/v1/responses", """{"model":"m","input":"hi","text":"CODE SECRET"}""", "is not an object" },
        { "/v1/chat/completions", """{"model":"m","messages":[{"role":"CODE SECRET","content":"hi"}]}""", "role that is not understood" },
        { "/v1/responses", """{"model":"m","input":[{"type":"message","role":"SECRET","content":"hi"}]}""", "role that is not understood" },
        { "/v1/chat/completions", """{"model":"m","temperature":"CODE SECRET","messages":[]}""", "must be a number" },
        { "/v1/chat/completions", """{"model":"m","messages":[],"tools":[{"type":"custom","custom":{"name":"g","format":"CODE SECRET"}}]}""", "is not an object" },
        { "/v1/responses", """{"model":"m","input":"hi","tools":[{"type":"custom","name":"g","format":{"type":"grammar","grammar":"CODE SECRET"}}]}""", "is not an object" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task A_body_it_cannot_mask_safely_is_refused_and_nothing_is_sent(string path, string json, string reason)
    {
        var (response, upstream, audit) = await SendAsync(path, Encoding.UTF8.GetBytes(Fill(json)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, await response.Content.ReadAsStringAsync());
        Assert.Empty(upstream.Bodies);
        Assert.True(audit!.Blocked);
        Assert.DoesNotContain(Secret, audit.BlockReason);
    }

    [Fact]
    public async Task Text_that_is_not_utf8_is_refused_and_nothing_is_sent()
    {
        var body = Encoding.UTF8.GetBytes("""{"model":"m#","messages":[]}""");
        body[Array.IndexOf(body, (byte)'#')] = 0xFF;

        var (response, upstream, _) = await SendAsync("/v1/chat/completions", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("not valid UTF-8", await response.Content.ReadAsStringAsync());
        Assert.Empty(upstream.Bodies);
    }

    [Theory]
    [InlineData("/v1/messages", """{"model":"m","max_tokens":1,"tools":[{"name":"Read","note":"Reads CODE SECRET","input_schema":{"type":"object"}}],"messages":[{"role":"user","content":"hi"}]}""")]
    [InlineData("/v1/chat/completions", """{"model":"m","messages":[{"role":"user","content":"hi"}],"tools":[{"type":"function","function":{"name":"f","note":"CODE SECRET","parameters":{"type":"object"}}}]}""")]
    [InlineData("/v1/chat/completions", """{"model":"m","messages":[{"role":"user","content":"hi"}],"response_format":{"type":"json_schema","json_schema":{"name":"r","note":"CODE SECRET","schema":{"type":"object"}}}}""")]
    [InlineData("/v1/responses", """{"model":"m","input":"hi","text":{"format":{"type":"text"},"note":"CODE SECRET"}}""")]
    [InlineData("/v1/chat/completions", """{"model":"m","messages":[{"role":"assistant","tool_calls":[{"x":{"id":"c1","function":{"name":"f","arguments":"CODE SECRET"}}}]}]}""")]
    [InlineData("/v1/chat/completions", """{"model":"m","messages":[{"role":"assistant","tool_calls":[{"id":"c1","type":"function","function":{"x":{"arguments":"CODE SECRET"}}}]}]}""")]
    [InlineData("/v1/chat/completions", """{"model":"m","messages":[{"role":"user","content":"hi"}],"response_format":{"x":{"json_schema":{"description":"CODE SECRET"}}}}""")]
    [InlineData("/v1/messages", """{"model":"m","max_tokens":1,"tools":[{"type":"text","text":{"name":"Read","description":"CODE SECRET"}}],"messages":[{"role":"user","content":"hi"}]}""")]
    public async Task A_key_it_does_not_know_in_a_tool_or_format_is_masked(string path, string json)
    {
        var (response, upstream, _) = await SendAsync(path, Encoding.UTF8.GetBytes(Fill(json)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var sent = Assert.Single(upstream.Bodies);
        Assert.DoesNotContain("InvoiceLedgerService", sent);
        Assert.DoesNotContain(Secret, sent);
    }

    [Fact]
    public async Task A_providers_own_tool_keeps_its_settings()
    {
        const string tool = """{"type":"web_search_20250305","name":"web_search","max_uses":3,"allowed_domains":["docs.contoso.com"],"user_location":{"type":"approximate","city":"New York","timezone":"America/New_York"}}""";

        var (_, upstream, _) = await SendAsync("/v1/messages", Encoding.UTF8.GetBytes("""{"model":"m","max_tokens":1,"messages":[{"role":"user","content":"hi"}],"tools":[""" + tool + "]}"));

        var sent = System.Text.Json.Nodes.JsonNode.Parse(Assert.Single(upstream.Bodies))!["tools"]![0]!.ToJsonString();
        Assert.Equal(System.Text.Json.Nodes.JsonNode.Parse(tool)!.ToJsonString(), sent);
    }

    [Theory]
    [InlineData("""{"id":"a","id":"b","content":[{"type":"text","text":"NAME"}]}""")]
    [InlineData("""{"content":[{"type":"text","type":"text","text":"NAME"}]}""")]
    [InlineData("""[{"type":"text","text":"NAME"}]""")]
    public async Task A_whole_answer_in_an_odd_shape_comes_back_unmasked(string answer)
    {
        var (masked, realName) = await PseudonymAsync();

        var (response, _, _) = await SendAsync("/v1/messages", Encoding.UTF8.GetBytes(Fill("""{"model":"m","max_tokens":1,"messages":[{"role":"user","content":"CODE"}]}""")), answer.Replace("NAME", masked), "application/json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains(realName, text);
        Assert.DoesNotContain(masked, text);
    }

    [Theory]
    [InlineData("""{"type":1,"text":"NAME"}""")]
    [InlineData("""{"type":"content_block_delta","index":0,"delta":{"type":1,"text":"NAME"}}""")]
    [InlineData("""{"type":"message_start","message":1,"note":"NAME"}""")]
    [InlineData("""{"type":"ping","type":"ping","note":"NAME"}""")]
    public async Task A_stream_event_in_an_odd_shape_is_read_to_the_end_unmasked(string data)
    {
        var (masked, realName) = await PseudonymAsync();
        var stream = "event: x\ndata: " + data.Replace("NAME", masked) + "\n\nevent: message_stop\ndata: {\"type\":\"message_stop\"}\n\n";

        var (response, _, _) = await SendAsync("/v1/messages", Encoding.UTF8.GetBytes(Fill("""{"model":"m","max_tokens":1,"stream":true,"messages":[{"role":"user","content":"CODE"}]}""")), stream, "text/event-stream");

        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains(realName, text);
        Assert.DoesNotContain(masked, text);
        Assert.Contains("message_stop", text);
    }

    [Theory]
    [InlineData("content of type 'AKIA2E0A8F3B244C9986' cannot be masked", "content of type '…' cannot be masked")]
    [InlineData("content of type 'InvoiceLedgerService' cannot be masked", "content of type '…' cannot be masked")]
    [InlineData("content of type 'a3f9b2c1d4e5' cannot be masked", "content of type '…' cannot be masked")]
    [InlineData("content of type 'input_audio' cannot be masked", "content of type 'input_audio' cannot be masked")]
    [InlineData("'web_search_20250305' entries with 'x' are not understood", "'web_search_20250305' entries with 'x' are not understood")]
    public void An_audit_reason_keeps_api_words_and_drops_anything_else_quoted(string reason, string audited)
    {
        Assert.Equal(audited, AuditText.Redact(reason));
    }

    private static string Fill(string json) => json.Replace("CODE", Code).Replace("SECRET", Secret);

    // The pseudonym the session gives InvoiceLedgerService (sessions number alike, so a fresh one gives the same).
    private static async Task<(string Masked, string Real)> PseudonymAsync()
    {
        var (_, upstream, _) = await SendAsync("/v1/messages", Encoding.UTF8.GetBytes(Fill("""{"model":"m","max_tokens":1,"messages":[{"role":"user","content":"CODE"}]}""")));
        var sent = Assert.Single(upstream.Bodies);
        var masked = System.Text.RegularExpressions.Regex.Match(sent, @"public class (\w+)").Groups[1].Value;
        Assert.NotEqual("InvoiceLedgerService", masked);
        return (masked, "InvoiceLedgerService");
    }

    private static Task<(HttpResponseMessage Response, InMemoryUpstream Upstream, MaskingAuditRecord? Audit)> SendAsync(
        string path, byte[] body, string answer = """{"content":[]}""", string mediaType = "application/json") =>
        InMemoryUpstream.SendThroughHandlerAsync(path, body, answer, mediaType);
}
