using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using CodeLeakGuard.Masking;
using CodeLeakGuard.Masking.Http;

namespace CodeLeakGuard.Gateway.Tests;

/// <summary>
/// Compressed bodies (<c>Content-Encoding</c>) through the handler, over a real loopback provider: a body must be read
/// to be masked or unmasked, so a gzip one is undone, and one in a coding the handler cannot undo is refused instead of
/// being passed on unread (a request unmasked, or an answer in pseudonyms or garbled).
/// </summary>
public class ContentCodingTests
{
    private const string Question = "Why does OrderPricingEngine.ComputeMargin round twice?";

    // The fake provider's answer (Class1.Method2 ...) with the Contoso table's real names.
    private const string RealAnswer = "OrderPricingEngine.ComputeMargin computes the margin; consider ComputeMarginAsync.";

    private static string ChatJson(bool stream) => new JsonObject
    {
        ["model"] = "gpt-4o",
        ["stream"] = stream,
        ["messages"] = new JsonArray(new JsonObject { ["role"] = "user", ["content"] = Question }),
    }.ToJsonString();

    // An application's client as many are set up: it asks for compressed answers and its handler does not decompress.
    // The fixed pseudonyms of the Contoso table let the provider's canned answer be checked; a real session, the echo.
    private static HttpClient Client(MaskingSession? session = null)
    {
        var options = session is null ? new MaskingHandlerOptions { SessionFor = (_, _) => DictionaryMasker.Contoso() } : MaskingHandlerOptions.ForSession(session);
        var http = new HttpClient(new MaskingHandler(options, new HttpClientHandler { AutomaticDecompression = DecompressionMethods.None }));
        http.DefaultRequestHeaders.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));
        http.DefaultRequestHeaders.AcceptEncoding.Add(new StringWithQualityHeaderValue("br"));
        return http;
    }

    [Fact]
    public async Task The_provider_is_asked_for_an_answer_it_can_read_and_the_client_gets_the_real_names()
    {
        await using var upstream = await FakeUpstream.StartAsync();
        using var http = Client();

        var response = await PostChatAsync(http, upstream, Chat(stream: false));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(Assert.Single(upstream.Received).Headers.ContainsKey("Accept-Encoding"));
        Assert.Contains(RealAnswer, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_gzip_answer_sent_unasked_is_decompressed_and_unmasked_whole()
    {
        await using var upstream = await FakeUpstream.StartAsync();
        upstream.AnswerCoding = "gzip";
        using var http = Client();

        var response = await PostChatAsync(http, upstream, Chat(stream: false));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(response.Content.Headers.ContentEncoding);
        var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["choices"]![0]!["message"]!["content"]!.GetValue<string>();
        Assert.Equal(RealAnswer, answer);
    }

    [Fact]
    public async Task A_gzip_stream_is_decompressed_and_unmasked_event_by_event()
    {
        await using var upstream = await FakeUpstream.StartAsync();
        upstream.AnswerCoding = "gzip";
        using var http = Client();

        var response = await PostChatAsync(http, upstream, Chat(stream: true));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(response.Content.Headers.ContentEncoding);
        var text = string.Concat((await response.Content.ReadAsStringAsync())
            .Split('\n')
            .Where(line => line.StartsWith("data: {", StringComparison.Ordinal))
            .Select(line => JsonNode.Parse(line["data: ".Length..])!["choices"]![0]!["delta"]!["content"]?.GetValue<string>()));
        Assert.Equal(RealAnswer, text);
    }

    [Fact]
    public async Task An_answer_in_a_coding_it_cannot_undo_becomes_an_error_in_the_providers_format()
    {
        await using var upstream = await FakeUpstream.StartAsync();
        upstream.AnswerCoding = "br";
        using var http = Client();

        var response = await PostChatAsync(http, upstream, Chat(stream: false));

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        var error = await response.Content.ReadAsStringAsync();
        Assert.Contains("coded with 'br'", JsonNode.Parse(error)!["error"]!["message"]!.GetValue<string>());
        Assert.DoesNotContain("Class1", error);
        Assert.Equal("api_error", JsonNode.Parse(error)!["error"]!["type"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("gzip")]
    [InlineData("zstd")]
    public async Task A_compressed_request_body_is_masked_and_sent_uncompressed(string coding)
    {
        await using var upstream = await FakeUpstream.StartAsync();
        upstream.Echo = true;
        using var http = Client(new MaskingSession());

        var response = await PostChatAsync(http, upstream, CodedContent.Json(ChatJson(stream: false), coding));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var sent = Assert.Single(upstream.Received);
        Assert.False(sent.Headers.ContainsKey("Content-Encoding"));
        Assert.DoesNotContain("OrderPricingEngine", sent.Body);
        Assert.DoesNotContain("ComputeMargin", sent.Body);
        Assert.NotNull(JsonNode.Parse(sent.Body)!["messages"]);
        Assert.Contains("Echo: " + Question, await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("br", HttpStatusCode.UnsupportedMediaType, "coded with 'br'")]
    [InlineData("gzip", HttpStatusCode.BadRequest, "not valid gzip")]
    [InlineData("zstd", HttpStatusCode.BadRequest, "not valid zstd")]
    public async Task A_request_body_it_cannot_undo_is_refused_and_nothing_is_sent(string coding, HttpStatusCode status, string message)
    {
        await using var upstream = await FakeUpstream.StartAsync();
        using var http = Client();
        var content = Chat(stream: false);
        content.Headers.ContentEncoding.Add(coding); // labelled, but not coded

        var response = await PostChatAsync(http, upstream, content);

        Assert.Equal(status, response.StatusCode);
        Assert.Contains(message, JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!["message"]!.GetValue<string>());
        Assert.Empty(upstream.Received);
    }

    [Theory]
    [InlineData("gzip")]
    [InlineData("zstd")]
    public async Task A_request_body_that_decompresses_past_the_limit_is_refused_and_nothing_is_sent(string coding)
    {
        await using var upstream = await FakeUpstream.StartAsync();
        using var http = new HttpClient(new MaskingHandler(new MaskingHandlerOptions { SessionFor = (_, _) => DictionaryMasker.Contoso(), MaxDecodedRequestBytes = 1024 * 1024 }, new HttpClientHandler()));
        var bomb = ChatJson(stream: false).Replace(Question, new string(' ', 4 * 1024 * 1024)); // 4 MB of spaces: a few KB coded

        var response = await PostChatAsync(http, upstream, CodedContent.Json(bomb, coding));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("more than 1,048,576 bytes", JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!["message"]!.GetValue<string>());
        Assert.Empty(upstream.Received);
    }

    private static StringContent Chat(bool stream) => new(ChatJson(stream), Encoding.UTF8, "application/json");

    private static Task<HttpResponseMessage> PostChatAsync(HttpClient http, FakeUpstream upstream, HttpContent content) =>
        http.PostAsync(new Uri(upstream.Address, "/v1/chat/completions"), content);
}
