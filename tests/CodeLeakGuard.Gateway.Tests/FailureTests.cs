using System.Diagnostics;
using System.Net;
using System.Text;
using Anthropic;
using Anthropic.Core;
using Anthropic.Models.Messages;
using CodeLeakGuard.Gateway.Tests.Fakes;
using CodeLeakGuard.Masking;
using CodeLeakGuard.Masking.Http;

namespace CodeLeakGuard.Gateway.Tests;

/// <summary>
/// Providers that fail: the client gets a clear error in time, and nothing unmasked reaches the audit log. The
/// waits are bounded generously (the machine may be busy); a hang would exceed them by far.
/// </summary>
public class FailureTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    private static MessageCreateParams Question(string text) => new()
    {
        Model = "claude-sonnet-4-5",
        MaxTokens = 256,
        Messages = [new UserMessageParam { Content = text }],
    };

    private static AnthropicClient Client(Uri baseUrl, HttpMessageHandler handler, TimeSpan? timeout = null) => new(new ClientOptions
    {
        BaseUrl = baseUrl.ToString().TrimEnd('/'),
        HttpClient = new HttpClient(handler),
        ApiKey = "sk-ant-test-credential",
        MaxRetries = 0,
        Timeout = timeout,
    });

    private static async Task<string> ReadStreamAsync(AnthropicClient client, string question, CancellationToken cancellationToken = default)
    {
        var text = new StringBuilder();
        await foreach (var streamEvent in client.Messages.CreateStreaming(Question(question), cancellationToken))
        {
            if (streamEvent.TryPickContentBlockDelta(out var delta) && delta!.Delta.TryPickText(out var textDelta))
            {
                text.Append(textDelta!.Text);
            }
        }

        return text.ToString();
    }

    [Fact]
    public async Task A_stream_that_breaks_off_is_an_error_not_a_short_answer()
    {
        await using var upstream = await RecordingUpstream.StartAsync(FailingUpstreams.BreaksOffAfter(4));
        using var client = Client(upstream.Address, new MaskingHandler(new MaskingSession(), new HttpClientHandler()));

        var error = await Assert.ThrowsAnyAsync<Exception>(() => ReadStreamAsync(client, "Explain OrderPricingEngine.ComputeMargin").WaitAsync(Bound));

        Assert.IsNotType<TimeoutException>(error);
        Assert.True(Describe(error).Contains("stream broke off"), Describe(error));
    }

    [Fact]
    public async Task A_stream_that_stops_moving_ends_when_the_application_gives_up()
    {
        await using var upstream = await RecordingUpstream.StartAsync(FailingUpstreams.HangsMidStreamAsync);
        using var client = Client(upstream.Address, new MaskingHandler(new MaskingSession(), new HttpClientHandler()));
        using var giveUp = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAnyAsync<Exception>(() => ReadStreamAsync(client, "Explain OrderPricingEngine", giveUp.Token).WaitAsync(Bound));

        Assert.IsAssignableFrom<OperationCanceledException>(error); // not WaitAsync's TimeoutException: the read honoured the token
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task Through_the_gateway_a_stream_that_stops_moving_gets_a_timeout_error_event_and_the_audit_log_stays_masked()
    {
        await using var upstream = await RecordingUpstream.StartAsync(FailingUpstreams.HangsMidStreamAsync);
        var audit = Path.Combine(Directory.CreateTempSubdirectory().FullName, "audit.jsonl");
        var gateway = await TestGateway.StartAsync(new GatewayOptions
        {
            Upstreams = [new Upstream("anthropic", upstream.Address)],
            NewSession = TestGateway.RealSession,
            UpstreamTimeout = TimeSpan.FromSeconds(2),
            AuditPath = audit,
        });
        await using (gateway)
        {
            using var http = new HttpClient { BaseAddress = gateway.Address };
            using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/messages")
            {
                Content = new StringContent("""{"model":"claude","max_tokens":10,"stream":true,"messages":[{"role":"user","content":"Why is OrderPricingEngine.ComputeMargin slow?"}]}""", Encoding.UTF8, "application/json"),
            };
            var clock = Stopwatch.StartNew();
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead).WaitAsync(Bound);
            var received = await ReadUntilEndOrBreakAsync(await response.Content.ReadAsStreamAsync()).WaitAsync(Bound);

            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"took {clock.Elapsed}");
            Assert.True(received.Contains("event: error"), received);
            Assert.Contains("timeout_error", received);
        }

        var log = await File.ReadAllTextAsync(audit);
        Assert.Contains("\"streamed\":true", log);
        Assert.DoesNotContain("OrderPricingEngine", log);
        Assert.DoesNotContain("ComputeMargin", log);
    }

    [Fact]
    public async Task Through_the_gateway_a_stream_that_breaks_off_reaches_the_sdk_as_an_error()
    {
        await using var upstream = await RecordingUpstream.StartAsync(FailingUpstreams.BreaksOffAfter(4));
        var audit = Path.Combine(Directory.CreateTempSubdirectory().FullName, "audit.jsonl");
        var gateway = await TestGateway.StartAsync(new GatewayOptions
        {
            Upstreams = [new Upstream("anthropic", upstream.Address)],
            NewSession = TestGateway.RealSession,
            AuditPath = audit,
        });
        await using (gateway)
        {
            using var client = Client(gateway.Address, new HttpClientHandler());

            var error = await Assert.ThrowsAnyAsync<Exception>(() => ReadStreamAsync(client, "Explain OrderPricingEngine.ComputeMargin").WaitAsync(Bound));

            Assert.IsNotType<TimeoutException>(error);
        }

        var log = await File.ReadAllTextAsync(audit);
        Assert.DoesNotContain("OrderPricingEngine", log);
        Assert.DoesNotContain("ComputeMargin", log);
    }

    [Fact]
    public async Task An_upstream_that_never_answers_is_cancelled_by_the_client()
    {
        await using var upstream = await RecordingUpstream.StartAsync(FailingUpstreams.HangsBeforeHeadersAsync);
        using var client = Client(upstream.Address, new MaskingHandler(new MaskingSession(), new HttpClientHandler()), TimeSpan.FromSeconds(2));

        var error = await Assert.ThrowsAnyAsync<Exception>(() => client.Messages.Create(Question("Explain OrderPricingEngine")).WaitAsync(Bound));

        Assert.IsNotType<TimeoutException>(error);
        Assert.DoesNotContain("OrderPricingEngine", Assert.Single(upstream.Received).Body);
    }

    [Fact]
    public async Task An_answer_that_is_not_json_is_still_unmasked_as_text()
    {
        await using var upstream = await RecordingUpstream.StartAsync(FailingUpstreams.AnswersWithBrokenJsonAsync);
        using var http = new HttpClient(new MaskingHandler(new MaskingSession(), new HttpClientHandler()));

        var response = await http.PostAsync(new Uri(upstream.Address, "/v1/messages"), new StringContent(
            """{"model":"claude","max_tokens":10,"messages":[{"role":"user","content":"Why is OrderPricingEngine slow?"}]}""", Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();

        Assert.DoesNotContain("OrderPricingEngine", Assert.Single(upstream.Received).Body);
        Assert.Contains("Why is OrderPricingEngine slow?", text);
    }

    [Fact]
    public async Task A_request_that_is_not_json_is_refused_in_the_anthropic_error_format()
    {
        await using var upstream = await RecordingUpstream.StartAsync(FakeAnthropic.RespondAsync);
        using var http = new HttpClient(new MaskingHandler(new MaskingSession(), new HttpClientHandler()));

        var response = await http.PostAsync(new Uri(upstream.Address, "/v1/messages"), new StringContent(
            "{\"model\":\"claude\",\"messages\":[{\"role\":\"user\",\"content\":\"OrderPricingEngine", Encoding.UTF8, "application/json"));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith("{\"type\":\"error\",\"error\":{\"type\":\"invalid_request_error\"", body);
        Assert.DoesNotContain("OrderPricingEngine", body);
        Assert.Empty(upstream.Received);
    }

    private static string Describe(Exception error)
    {
        var text = new StringBuilder();
        for (var e = error; e is not null; e = e.InnerException)
        {
            text.Append(e.GetType().Name).Append(": ").Append(e.Message).Append(" | ");
        }

        return text.ToString();
    }

    private static async Task<string> ReadUntilEndOrBreakAsync(Stream stream)
    {
        var received = new MemoryStream();
        try
        {
            await stream.CopyToAsync(received);
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException)
        {
            // The gateway ends the connection after the error event: expected.
        }

        return Encoding.UTF8.GetString(received.ToArray());
    }
}
