using System.Net;
using System.Text;
using CodeLeakGuard.Gateway.Tests.Fakes;
using CodeLeakGuard.Masking.Http;
using Microsoft.AspNetCore.Http;

namespace CodeLeakGuard.Gateway.Tests;

/// <summary>The gateway on real Kestrel (loopback) in front of a fake upstream.</summary>
public class GatewayServerTests
{
    private static async Task<(GatewayServer Gateway, HttpClient Client)> StartAsync(GatewayOptions options)
    {
        var gateway = await TestGateway.StartAsync(options);
        return (gateway, new HttpClient { BaseAddress = gateway.Address });
    }

    [Fact]
    public async Task Anthropic_stream_through_the_gateway_is_unmasked_event_by_event()
    {
        await using var upstream = await FakeUpstream.StartAsync();
        var (gateway, client) = await StartAsync(new GatewayOptions { Upstreams = [new Upstream("anthropic", upstream.Address)], NewSession = DictionaryMasker.Contoso });
        await using var _ = gateway;

        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/messages")
        {
            Content = new StringContent("""{"model":"claude","max_tokens":10,"stream":true,"system":"Contoso reviewer","messages":[{"role":"user","content":"Explain OrderPricingEngine.ComputeMargin"}]}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("x-api-key", "sk-ant-test");
        var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        var body = await response.Content.ReadAsStringAsync();

        var (_, sent, headers) = Assert.Single(upstream.Received);
        Assert.DoesNotContain("OrderPricingEngine", sent);
        Assert.Equal("sk-ant-test", headers["x-api-key"]);
        var text = StreamedText.Anthropic(body);
        Assert.Equal("Use OrderPricingEngine and ComputeMargin", text);
        Assert.Contains("message_stop", body);
    }

    [Fact]
    public async Task Claude_Codes_beta_query_and_headers_reach_the_provider_as_sent_and_its_request_is_masked()
    {
        string? query = null;
        await using var upstream = await RecordingUpstream.StartAsync((context, request) =>
        {
            query = context.Request.QueryString.Value;
            return FakeAnthropic.RespondAsync(context, request);
        });
        var (gateway, client) = await StartAsync(new GatewayOptions { Upstreams = [new Upstream("anthropic", upstream.Address)], NewSession = TestGateway.RealSession });
        await using var _ = gateway;

        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/messages?beta=true") // as Claude Code calls it
        {
            Content = new StringContent("""{"model":"claude-sonnet-4-5","max_tokens":100,"stream":true,"messages":[{"role":"user","content":"Why does OrderPricingEngine.ComputeMargin round twice?"}]}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("anthropic-beta", "claude-code-20250219,interleaved-thinking-2025-05-14");
        request.Headers.Add("anthropic-version", "2023-06-01");
        var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();

        var received = Assert.Single(upstream.Received);
        Assert.Equal(("/v1/messages", "?beta=true"), (received.Path, query));
        Assert.Equal("claude-code-20250219,interleaved-thinking-2025-05-14", received.Headers["anthropic-beta"]);
        Assert.DoesNotContain("OrderPricingEngine", received.Body);
        Assert.Equal("Echo: Why does OrderPricingEngine.ComputeMargin round twice?", StreamedText.Anthropic(body));
    }

    [Theory]
    [InlineData("gzip")]
    [InlineData("zstd")] // as Codex sends its requests
    public async Task A_compressed_body_from_a_client_is_masked_and_sent_on_uncompressed(string coding)
    {
        await using var upstream = await FakeUpstream.StartAsync();
        var (gateway, client) = await StartAsync(new GatewayOptions { Upstreams = [new Upstream("anthropic", upstream.Address)], NewSession = DictionaryMasker.Contoso });
        await using var _ = gateway;
        var content = CodedContent.Json("""{"model":"claude","max_tokens":10,"stream":true,"messages":[{"role":"user","content":"Explain OrderPricingEngine.ComputeMargin"}]}""", coding);
        var response = await client.PostAsync("/v1/messages", content);
        var body = await response.Content.ReadAsStringAsync();

        var (_, sent, headers) = Assert.Single(upstream.Received);
        Assert.False(headers.ContainsKey("Content-Encoding"));
        Assert.Contains("Class1.Method2", sent);
        Assert.DoesNotContain("OrderPricingEngine", sent);
        Assert.Contains("OrderPricingEngine", body);
    }

    [Fact]
    public async Task A_websocket_connection_is_refused_with_a_reason_and_nothing_reaches_the_provider()
    {
        await using var upstream = await FakeUpstream.StartAsync();
        var (gateway, client) = await StartAsync(new GatewayOptions { Upstreams = [new Upstream("openai", upstream.Address)], NewSession = DictionaryMasker.Contoso });
        await using var __ = gateway;
        using var socket = new System.Net.WebSockets.ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        using var handshake = new HttpRequestMessage(HttpMethod.Get, "/v1/responses"); // the same handshake, to read the reason
        handshake.Headers.Upgrade.Add(new System.Net.Http.Headers.ProductHeaderValue("websocket"));

        await Assert.ThrowsAsync<System.Net.WebSockets.WebSocketException>(() => socket.ConnectAsync(new Uri($"ws://{gateway.Address.Authority}/v1/responses"), CancellationToken.None));
        var refused = await client.SendAsync(handshake);

        Assert.Equal(HttpStatusCode.BadRequest, socket.HttpStatusCode);
        Assert.Equal("true", socket.HttpResponseHeaders![ProviderErrors.BlockedHeader].Single());
        Assert.Contains("WebSocket connections cannot be masked", await refused.Content.ReadAsStringAsync());
        Assert.Empty(upstream.Received);
    }

    [Fact]
    public async Task A_compressed_body_is_held_to_the_body_limit_once_decompressed()
    {
        await using var upstream = await FakeUpstream.StartAsync();
        var (gateway, client) = await StartAsync(new GatewayOptions { Upstreams = [new Upstream("anthropic", upstream.Address)], NewSession = DictionaryMasker.Contoso, MaxRequestBodyBytes = 256 * 1024 });
        await using var _ = gateway;
        var bomb = CodedContent.Json($$"""{"model":"claude","max_tokens":10,"messages":[{"role":"user","content":"{{new string('a', 1024 * 1024)}}"}]}""", "zstd");

        var response = await client.PostAsync("/v1/messages", bomb);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("request_too_large", await response.Content.ReadAsStringAsync());
        Assert.Empty(upstream.Received);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("dev:p@ss word")]
    public async Task Upstreams_are_reached_through_the_configured_proxy_and_its_login(string? login)
    {
        // The fake answers as the provider would, but as a proxy: it receives the upstream's absolute URL.
        await using var proxy = await FakeUpstream.StartAsync();
        proxy.ProxyLogin = login;
        var address = login is null ? proxy.Address : new UriBuilder(proxy.Address) { UserName = Uri.EscapeDataString("dev"), Password = Uri.EscapeDataString("p@ss word") }.Uri;
        var (gateway, client) = await StartAsync(new GatewayOptions
        {
            Upstreams = [new Upstream("openai", new Uri("http://api.openai.invalid"))],
            UpstreamProxy = address,
            NewSession = DictionaryMasker.Contoso,
        });
        await using var _ = gateway;

        var response = await client.PostAsync("/v1/chat/completions", new StringContent(
            """{"model":"gpt-4o","messages":[{"role":"user","content":"Explain OrderPricingEngine.ComputeMargin"}]}""", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("http://api.openai.invalid/v1/chat/completions", Assert.Single(proxy.Targets));
        Assert.DoesNotContain("OrderPricingEngine", Assert.Single(proxy.Received).Body);
        Assert.Contains("OrderPricingEngine.ComputeMargin computes the margin", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public void A_proxy_address_is_shown_without_its_password()
    {
        var address = UpstreamProxies.Parse("http://dev:hunter2@proxy.corp:3128");

        Assert.Equal("http://dev:***@proxy.corp:3128/", UpstreamProxies.Redacted(address));
        Assert.DoesNotContain("hunter2", Assert.Throws<ArgumentException>(() => UpstreamProxies.Parse("http://dev:hunter2@proxy.corp:3128/path")).Message);
    }

    [Fact]
    public async Task Only_configured_upstreams_are_reachable()
    {
        await using var upstream = await FakeUpstream.StartAsync();
        var (gateway, client) = await StartAsync(new GatewayOptions
        {
            Upstreams = [new Upstream("openai", upstream.Address), new Upstream("anthropic", upstream.Address)],
            NewSession = DictionaryMasker.Contoso,
        });
        await using var _ = gateway;

        var unknown = await client.PostAsync("/elsewhere/v1/chat/completions", new StringContent("{}"));
        var health = await client.GetStringAsync("/healthz");

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("no configured upstream", await unknown.Content.ReadAsStringAsync());
        Assert.Contains("\"ok\"", health);
        Assert.Empty(upstream.Received);
    }

    [Fact]
    public async Task Health_answers_head_requests_too()
    {
        await using var upstream = await FakeUpstream.StartAsync();
        var (gateway, client) = await StartAsync(new GatewayOptions { Upstreams = [new Upstream("openai", upstream.Address)], NewSession = DictionaryMasker.Contoso });
        await using var _ = gateway;

        using var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/healthz"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Stopping_lets_a_request_in_flight_finish()
    {
        var arrived = new TaskCompletionSource();
        await using var upstream = await RecordingUpstream.StartAsync(async (context, request) =>
        {
            arrived.TrySetResult();
            await Task.Delay(1500);
            await FakeAnthropic.RespondAsync(context, request);
        });
        var (gateway, client) = await StartAsync(new GatewayOptions { Upstreams = [new Upstream("anthropic", upstream.Address)], NewSession = TestGateway.RealSession });

        var inFlight = client.PostAsync("/v1/messages", new StringContent("""{"model":"claude","max_tokens":10,"messages":[{"role":"user","content":"Why is OrderPricingEngine slow?"}]}""", Encoding.UTF8, "application/json"));
        await arrived.Task.WaitAsync(TimeSpan.FromSeconds(30)); // in flight: masked and sent on
        await gateway.DisposeAsync();
        using var response = await inFlight;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("OrderPricingEngine", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("https://contoso.openai.azure.com/openai?api-version=2024-10-21", "", "https://contoso.openai.azure.com/openai/v1/chat/completions?api-version=2024-10-21")]
    [InlineData("https://contoso.openai.azure.com/openai?api-version=2024-10-21", "?api-version=2025-01-01", "https://contoso.openai.azure.com/openai/v1/chat/completions?api-version=2025-01-01")]
    [InlineData("https://contoso.openai.azure.com/openai?api-version=2024-10-21&x=1", "?y=2", "https://contoso.openai.azure.com/openai/v1/chat/completions?api-version=2024-10-21&x=1&y=2")]
    [InlineData("https://api.openai.com", "?y=2", "https://api.openai.com/v1/chat/completions?y=2")]
    public void An_upstreams_own_query_goes_with_every_request_unless_the_request_sets_it(string upstream, string query, string expected)
    {
        var router = new UpstreamRouter([UpstreamRouter.Parse(upstream)]);

        Assert.Equal(expected, router.Route("/v1/chat/completions", query)!.Value.Target.ToString());
    }

    [Fact]
    public async Task A_hanging_upstream_is_a_timeout_error_in_the_providers_format()
    {
        await using var upstream = await FakeUpstream.StartAsync();
        var audit = Path.Combine(Directory.CreateTempSubdirectory().FullName, "audit.jsonl");
        var (gateway, client) = await StartAsync(new GatewayOptions
        {
            Upstreams = [new Upstream("openai", new Uri(upstream.Address, "/hang/"))],
            NewSession = DictionaryMasker.Contoso,
            UpstreamTimeout = TimeSpan.FromSeconds(1),
            AuditPath = audit,
        });
        await using (gateway)
        {
            var response = await client.PostAsync("/v1/chat/completions", new StringContent("""{"model":"gpt-4o","messages":[{"role":"user","content":"OrderPricingEngine"}]}""", Encoding.UTF8, "application/json"));

            Assert.Equal(HttpStatusCode.GatewayTimeout, response.StatusCode);
            Assert.Contains("\"error\"", await response.Content.ReadAsStringAsync());
        }

        var log = await File.ReadAllTextAsync(audit);
        Assert.DoesNotContain("OrderPricingEngine", log);
    }

    [Fact]
    public async Task Concurrent_conversations_keep_separate_sessions()
    {
        await using var upstream = await FakeUpstream.StartAsync();
        var created = 0;
        var (gateway, client) = await StartAsync(new GatewayOptions
        {
            Upstreams = [new Upstream("openai", upstream.Address)],
            NewSession = () => { Interlocked.Increment(ref created); return DictionaryMasker.Contoso(); },
        });
        await using var _ = gateway;

        var requests = Enumerable.Range(0, 6).Select(i => client.PostAsync("/v1/chat/completions", new StringContent(
            $$"""{"model":"gpt-4o","messages":[{"role":"user","content":"conversation {{i % 3}} about OrderPricingEngine"}]}""", Encoding.UTF8, "application/json")));
        var responses = await Task.WhenAll(requests);

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(3, created);
        Assert.Equal(3, gateway.Sessions.Count);
    }

    [Fact]
    public async Task Responses_that_name_a_stored_conversation_share_its_session()
    {
        await using var upstream = await FakeUpstream.StartAsync();
        var (gateway, client) = await StartAsync(new GatewayOptions { Upstreams = [new Upstream("openai", upstream.Address)], NewSession = DictionaryMasker.Contoso });
        await using var _ = gateway;
        Task<HttpResponseMessage> Turn(string conversation, string input) => client.PostAsync("/v1/responses", new StringContent(
            $$"""{"model":"gpt-5","conversation":{{conversation}},"input":"{{input}}"}""", Encoding.UTF8, "application/json"));

        // Each turn sends only its new input; the provider holds the conversation's earlier items.
        await Turn("\"conv_1\"", "Explain OrderPricingEngine");
        await Turn("{\"id\":\"conv_1\"}", "And ComputeMargin?");
        Assert.Equal(1, gateway.Sessions.Count);

        await Turn("\"conv_2\"", "And ComputeMargin?");
        Assert.Equal(2, gateway.Sessions.Count);
    }

    [Fact]
    public async Task A_token_count_is_masked_in_the_session_of_the_conversation_it_counts()
    {
        await using var upstream = await FakeUpstream.StartAsync();
        var created = 0;
        var (gateway, client) = await StartAsync(new GatewayOptions
        {
            Upstreams = [new Upstream("anthropic", upstream.Address)],
            NewSession = () => { Interlocked.Increment(ref created); return DictionaryMasker.Contoso(); },
        });
        await using var _ = gateway;
        const string conversation = "\"system\":\"Contoso reviewer\",\"messages\":[{\"role\":\"user\",\"content\":\"Explain OrderPricingEngine.ComputeMargin\"}]";

        var count = await client.PostAsync("/v1/messages/count_tokens", new StringContent($$"""{"model":"claude",{{conversation}}}""", Encoding.UTF8, "application/json"));
        var message = await client.PostAsync("/v1/messages", new StringContent($$"""{"model":"claude","max_tokens":10,{{conversation}}}""", Encoding.UTF8, "application/json"));

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (count.StatusCode, message.StatusCode));
        Assert.Equal(["/v1/messages/count_tokens", "/v1/messages"], upstream.Received.Select(r => r.Path));
        Assert.All(upstream.Received, r => Assert.DoesNotContain("OrderPricingEngine", r.Body));
        Assert.Equal(1, created);
    }

    [Fact]
    public async Task A_stored_response_read_back_by_id_is_unmasked_in_the_session_of_the_request_that_made_it()
    {
        string? stored = null;
        await using var upstream = await RecordingUpstream.StartAsync((context, request) =>
        {
            context.Response.ContentType = "application/json";
            if (HttpMethods.IsPost(context.Request.Method))
            {
                stored = FakeResponses.EchoPrefix + FakeResponses.LastUserText(request.Json);
                return context.Response.WriteAsync(FakeResponses.Response("queued").ToJsonString());
            }

            return context.Response.WriteAsync(FakeResponses.Response("completed", FakeResponses.Message(stored!)).ToJsonString());
        });
        var (gateway, client) = await StartAsync(new GatewayOptions
        {
            Upstreams = [new Upstream("openai", upstream.Address)],
            NewSession = () => new SessionMasker(new Masking.MaskingSession()),
        });
        await using var _ = gateway;
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "sk-test");

        var queued = await client.PostAsync("/v1/responses", new StringContent(
            """{"model":"gpt-5","background":true,"input":"Why does OrderPricingEngine.ComputeMargin round twice?"}""", Encoding.UTF8, "application/json"));
        var done = await client.GetStringAsync("/v1/responses/resp_fake");

        Assert.Equal(HttpStatusCode.OK, queued.StatusCode);
        Assert.Contains("Echo: Why does OrderPricingEngine.ComputeMargin round twice?", done);
        Assert.DoesNotContain("OrderPricingEngine", stored);
        Assert.Equal("", upstream.Received.Last().Body);
    }

    [Fact]
    public async Task Claude_on_Vertex_AI_is_masked_and_its_stream_unmasked()
    {
        await using var upstream = await RecordingUpstream.StartAsync(FakeAnthropic.RespondAsync);
        var audit = Path.Combine(Directory.CreateTempSubdirectory().FullName, "audit.jsonl");
        var (gateway, client) = await StartAsync(new GatewayOptions
        {
            Upstreams = [new Upstream("vertex", upstream.Address)],
            NewSession = () => new SessionMasker(new Masking.MaskingSession()),
            AuditPath = audit,
        });
        await using var _ = gateway;
        const string path = "/v1/projects/contoso-ai/locations/us-east5/publishers/anthropic/models/claude-sonnet-4-5@20250929:streamRawPredict";

        var response = await client.PostAsync(path, new StringContent(
            """{"anthropic_version":"vertex-2023-10-16","max_tokens":100,"stream":true,"messages":[{"role":"user","content":"Why does OrderPricingEngine.ComputeMargin round twice?"}]}""",
            Encoding.UTF8,
            "application/json"));
        var body = await response.Content.ReadAsStringAsync();

        var received = Assert.Single(upstream.Received);
        Assert.Equal(path, received.Path);
        Assert.DoesNotContain("OrderPricingEngine", received.Body);
        var text = StreamedText.Anthropic(body);
        Assert.Equal("Echo: Why does OrderPricingEngine.ComputeMargin round twice?", text);
        Assert.Contains("\"model\":\"claude-sonnet-4-5@20250929\"", await File.ReadAllTextAsync(audit)); // from the path: the body names none
    }

    [Fact]
    public void Binding_to_a_non_loopback_address_must_be_asked_for()
    {
        var error = Assert.Throws<ArgumentException>(() => GatewayServer.Create(new GatewayOptions
        {
            Listen = new Uri("http://0.0.0.0:8787"),
            Upstreams = [new Upstream("openai", new Uri("https://api.openai.com"))],
        }));

        Assert.Contains("loopback", error.Message);
    }
}
