using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using CodeLeakGuard.Gateway.Tests.Fakes;

namespace CodeLeakGuard.Gateway.Tests;

/// <summary>
/// The gateway's audit log has one line per request, however it ended — refused by the gateway, failed upstream,
/// cut off mid-stream — and never a value from the request, not even one quoted in an error.
/// </summary>
public class GatewayAuditTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    private static StringContent Question(bool stream = false) => new(
        $$"""{"model":"claude","max_tokens":10,"stream":{{(stream ? "true" : "false")}},"messages":[{"role":"user","content":"Why is OrderPricingEngine slow?"}]}""",
        Encoding.UTF8,
        "application/json");

    private static async Task<List<JsonElement>> RunAsync(Func<HttpContext, RecordedRequest, Task> upstreamAnswer, Func<HttpClient, Task> requests, Action<GatewayOptions>? configure = null)
    {
        var audit = Path.Combine(Directory.CreateTempSubdirectory().FullName, "audit.jsonl");
        await using (var upstream = await RecordingUpstream.StartAsync(upstreamAnswer))
        {
            var options = new GatewayOptions
            {
                Upstreams = [new Upstream("anthropic", upstream.Address)],
                NewSession = TestGateway.RealSession,
                UpstreamTimeout = TimeSpan.FromSeconds(1),
                AuditPath = audit,
            };
            configure?.Invoke(options);
            await using var gateway = await TestGateway.StartAsync(options);
            using var http = new HttpClient { BaseAddress = gateway.Address };
            await requests(http).WaitAsync(Bound);
        }

        return File.ReadAllLines(audit).Select(line => JsonDocument.Parse(line).RootElement).ToList();
    }

    [Fact]
    public async Task A_request_the_upstream_never_answers_is_logged_with_what_was_masked_and_why_it_failed()
    {
        var log = await RunAsync(FailingUpstreams.HangsBeforeHeadersAsync, async http =>
            Assert.Equal(HttpStatusCode.GatewayTimeout, (await http.PostAsync("/v1/messages", Question())).StatusCode));

        var line = Assert.Single(log);
        Assert.Equal(504, line.GetProperty("status").GetInt32());
        Assert.Equal("anthropic", line.GetProperty("upstream").GetString());
        Assert.True(line.GetProperty("masked").GetProperty("identifiers").GetInt32() > 0); // it was sent, masked
        Assert.Contains("timeout_error", line.GetProperty("failure").GetString());
        Assert.False(line.GetProperty("blocked").GetBoolean());
    }

    [Fact]
    public async Task A_stream_that_stalls_after_its_first_events_is_logged_as_failed_with_its_whole_duration()
    {
        var log = await RunAsync(FailingUpstreams.HangsMidStreamAsync, async http =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/messages") { Content = Question(stream: true) };
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
            Assert.Contains("timeout_error", await response.Content.ReadAsStringAsync());
        });

        var line = Assert.Single(log);
        Assert.Equal(200, line.GetProperty("status").GetInt32());
        Assert.True(line.GetProperty("streamed").GetBoolean());
        Assert.Contains("sent nothing for 1 s", line.GetProperty("failure").GetString());
        Assert.True(line.GetProperty("durationMs").GetInt64() >= 900, line.ToString());
    }

    [Fact]
    public async Task A_whole_answer_cut_off_half_sent_is_a_502_that_says_so()
    {
        var log = await RunAsync(FailingUpstreams.BreaksOffMidBodyAsync, async http =>
        {
            var response = await http.PostAsync("/v1/messages", Question());
            Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
            using var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.EndsWith("the upstream's answer broke off before its end", error.RootElement.GetProperty("error").GetProperty("message").GetString());
        }, options => options.UpstreamTimeout = TimeSpan.FromSeconds(20));

        var line = Assert.Single(log);
        Assert.Equal(502, line.GetProperty("status").GetInt32());
        Assert.Contains("broke off", line.GetProperty("failure").GetString());
    }

    [Fact]
    public async Task Requests_the_gateway_refuses_or_turns_away_are_logged_too()
    {
        var log = await RunAsync(FakeAnthropic.RespondAsync, async http =>
        {
            Assert.Equal(HttpStatusCode.NotFound, (await http.PostAsync("/elsewhere/v1/messages", Question())).StatusCode);
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await http.PostAsync("/anthropic/v1/messages", new ByteArrayContent(new byte[4096]))).StatusCode);
        }, options =>
        {
            options.Upstreams = [options.Upstreams[0], new Upstream("openai", options.Upstreams[0].BaseAddress)];
            options.MaxRequestBodyBytes = 2048;
        });

        Assert.Equal(2, log.Count);
        Assert.Equal((404, true), (log[0].GetProperty("status").GetInt32(), log[0].GetProperty("blocked").GetBoolean()));
        Assert.Contains("no configured upstream", log[0].GetProperty("blockReason").GetString());
        Assert.Equal((413, true, "anthropic"), (log[1].GetProperty("status").GetInt32(), log[1].GetProperty("blocked").GetBoolean(), log[1].GetProperty("upstream").GetString()));
    }

    [Fact]
    public async Task Too_many_requests_at_once_are_logged_and_told_when_to_retry()
    {
        HttpResponseMessage? turnedAway = null;
        var firstArrived = new TaskCompletionSource();
        var log = await RunAsync((context, request) =>
        {
            firstArrived.TrySetResult();
            return FailingUpstreams.HangsBeforeHeadersAsync(context, request);
        }, async http =>
        {
            var first = http.PostAsync("/v1/messages", Question());
            await firstArrived.Task; // the first holds the only slot until its timeout
            turnedAway = await http.PostAsync("/v1/messages", Question());
            await first;
        }, options =>
        {
            options.MaxConcurrentRequests = 1;
            options.UpstreamTimeout = TimeSpan.FromSeconds(3);
        });

        Assert.Equal(HttpStatusCode.TooManyRequests, turnedAway!.StatusCode);
        Assert.NotNull(turnedAway.Headers.RetryAfter);
        Assert.False(turnedAway.Headers.Contains("x-codeleakguard-blocked")); // turned away, not blocked: retrying is right
        var line = Assert.Single(log, l => l.GetProperty("status").GetInt32() == 429);
        Assert.Contains("rate_limit_error", line.GetProperty("failure").GetString());
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_refused_without_quoting_it()
    {
        const string secret = "AKIA2E0A8F3B244C9986";
        string? answer = null;
        var log = await RunAsync(FakeAnthropic.RespondAsync, async http =>
        {
            var response = await http.PostAsync("/v1/messages", new StringContent(
                $$"""{"model":"claude","max_tokens":10,"temperature": nope, my key is {{secret}} for InvoiceCalculator"}""", Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            answer = await response.Content.ReadAsStringAsync();
        });

        Assert.Contains("not valid JSON (line 1", answer);
        Assert.DoesNotContain(secret, answer);
        var line = Assert.Single(log);
        Assert.DoesNotContain(secret, line.ToString());
        Assert.DoesNotContain("InvoiceCalculator", line.ToString());
        Assert.Contains("not valid JSON", line.GetProperty("blockReason").GetString());
    }
}
