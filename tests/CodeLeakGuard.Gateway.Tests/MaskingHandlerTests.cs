using System.ClientModel;
using System.ClientModel.Primitives;
using System.Net;
using System.Text;
using CodeLeakGuard.Masking.Http;
using OpenAI;
using OpenAI.Chat;

namespace CodeLeakGuard.Gateway.Tests;

/// <summary>The handler under the real OpenAI SDK client, against a fake upstream on loopback.</summary>
public class MaskingHandlerTests
{
    private static (ChatClient Client, DictionaryMasker Masker) OpenAiClient(FakeUpstream upstream, MaskingMode mode = MaskingMode.Mask)
    {
        var masker = DictionaryMasker.Contoso();
        var handler = new MaskingHandler(new MaskingHandlerOptions { SessionFor = (_, _) => masker, Mode = mode }, new HttpClientHandler());
        var options = new OpenAIClientOptions
        {
            Endpoint = new Uri(upstream.Address, "/v1"),
            Transport = new HttpClientPipelineTransport(new HttpClient(handler)),
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
        };
        return (new ChatClient("gpt-4o", new ApiKeyCredential("sk-test"), options), masker);
    }

    /// <summary>A plain HttpClient through the handler, for requests written by hand (not by an SDK).</summary>
    private static HttpClient ContosoClient()
    {
        var masker = DictionaryMasker.Contoso();
        return new HttpClient(new MaskingHandler(new MaskingHandlerOptions { SessionFor = (_, _) => masker }, new HttpClientHandler()));
    }

    [Fact]
    public async Task The_real_openai_client_sends_masked_text_and_reads_real_names()
    {
        await using var upstream = await FakeUpstream.StartAsync();
        var (client, _) = OpenAiClient(upstream);

        ChatCompletion completion = await client.CompleteChatAsync(
            new SystemChatMessage("You review Contoso code."),
            new UserChatMessage("Why is OrderPricingEngine.ComputeMargin slow? Key: sk-ant-api03-REALKEY"));

        var (_, sent, headers) = Assert.Single(upstream.Received);
        Assert.DoesNotContain("OrderPricingEngine", sent);
        Assert.DoesNotContain("ComputeMargin", sent);
        Assert.DoesNotContain("Contoso", sent);
        Assert.DoesNotContain("REALKEY", sent);
        Assert.Contains("Class1.Method2", sent);
        Assert.Equal("Bearer sk-test", headers["Authorization"]);
        Assert.Equal("OrderPricingEngine.ComputeMargin computes the margin; consider ComputeMarginAsync.", completion.Content[0].Text);
    }

    [Fact]
    public async Task Streaming_restores_a_pseudonym_split_across_events()
    {
        await using var upstream = await FakeUpstream.StartAsync();
        var (client, _) = OpenAiClient(upstream);

        var text = new StringBuilder();
        await foreach (var update in client.CompleteChatStreamingAsync(new UserChatMessage("Explain OrderPricingEngine")))
        {
            foreach (var part in update.ContentUpdate)
            {
                text.Append(part.Text);
            }
        }

        Assert.Equal("OrderPricingEngine.ComputeMargin computes the margin; consider ComputeMarginAsync.", text.ToString());
        Assert.DoesNotContain("OrderPricingEngine", Assert.Single(upstream.Received).Body);
    }

    [Fact]
    public async Task Block_mode_refuses_secrets_and_sends_nothing()
    {
        await using var upstream = await FakeUpstream.StartAsync();
        var (client, _) = OpenAiClient(upstream, MaskingMode.Block);

        var error = await Assert.ThrowsAsync<ClientResultException>(() => client.CompleteChatAsync(new UserChatMessage("my key is sk-ant-api03-REALKEY")));

        Assert.Equal(403, error.Status);
        Assert.Contains("block mode", error.Message);
        Assert.Empty(upstream.Received);
    }

    [Fact]
    public async Task Requests_it_does_not_understand_never_leave()
    {
        await using var upstream = await FakeUpstream.StartAsync();
        using var http = ContosoClient();

        var unknown = await http.PostAsync(new Uri(upstream.Address, "/v1/images/generations"), new StringContent("{\"prompt\":\"OrderPricingEngine\"}"));
        var malformed = await http.PostAsync(new Uri(upstream.Address, "/v1/chat/completions"), new StringContent("{not json"));
        var image = await http.PostAsync(new Uri(upstream.Address, "/v1/chat/completions"), new StringContent(
            """{"model":"gpt-4o","messages":[{"role":"user","content":[{"type":"image_url","image_url":{"url":"data:image/png;base64,AAAA"}}]}]}"""));

        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, image.StatusCode);
        Assert.Contains("\"error\"", await malformed.Content.ReadAsStringAsync());
        Assert.Contains("image_url", await image.Content.ReadAsStringAsync());
        Assert.Empty(upstream.Received);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("[]")]
    [InlineData("\"OrderPricingEngine\"")]
    [InlineData("null")]
    [InlineData("{\"model\":\"gpt-4o\",\"messages\":[")]
    [InlineData("{\"model\":\"gpt-4o\"} {}")]
    public async Task A_body_that_is_not_one_JSON_object_is_refused_and_never_leaves(string? body)
    {
        await using var upstream = await FakeUpstream.StartAsync();
        using var http = ContosoClient();

        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(upstream.Address, "/v1/chat/completions"))
        {
            Content = body is null ? null : new StringContent(body, Encoding.UTF8, "application/json"),
        };
        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("the request body is not valid JSON", await response.Content.ReadAsStringAsync());
        Assert.Empty(upstream.Received);
    }

    /// <summary>
    /// A body streamed in small pieces, of no announced length, is read whole; what the handler does not mask (the
    /// model, metadata with escapes, numbers as written) reaches the provider as it was, beside the masked text.
    /// </summary>
    [Fact]
    public async Task A_streamed_body_of_unknown_length_is_masked_and_the_rest_reaches_upstream_unchanged()
    {
        await using var upstream = await FakeUpstream.StartAsync();
        using var http = ContosoClient();
        const string metadata = """{"note":"caf\u00E9 \uD83D\uDE00 \"quoted\"","n":[1,2.5e3,-0.0,true,null]}""";
        var prompt = "Explain OrderPricingEngine. " + new string('x', 200_000);
        var body = """{"model":"gpt-4o","metadata":""" + metadata + ""","messages":[{"role":"user","content":" """.TrimEnd() + prompt + "\"}]}";

        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(upstream.Address, "/v1/chat/completions"))
        {
            Content = new StreamContent(new TrickleStream(Encoding.UTF8.GetBytes(body), 4093)),
        };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var (_, sent, headers) = Assert.Single(upstream.Received);
        Assert.Equal(Encoding.UTF8.GetByteCount(sent).ToString(System.Globalization.CultureInfo.InvariantCulture), headers.GetValueOrDefault("Content-Length")); // a length, not chunks
        Assert.Contains("\"model\":\"gpt-4o\"", sent);
        Assert.Contains("\"n\":[1,2.5e3,-0.0,true,null]", sent); // numbers as written
        Assert.Equal("caf\u00E9 \uD83D\uDE00 \"quoted\"", System.Text.Json.Nodes.JsonNode.Parse(sent)!["metadata"]!["note"]!.GetValue<string>());
        Assert.Equal(prompt.Replace("OrderPricingEngine", "Class1", StringComparison.Ordinal), System.Text.Json.Nodes.JsonNode.Parse(sent)!["messages"]![0]!["content"]!.GetValue<string>());
    }

    /// <summary>A request body that arrives a few bytes at a time and cannot tell its length (as a proxied upload).</summary>
    private sealed class TrickleStream(byte[] bytes, int piece) : Stream
    {
        private int _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = Math.Min(Math.Min(count, piece), bytes.Length - _position);
            Array.Copy(bytes, _position, buffer, offset, n);
            _position += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
