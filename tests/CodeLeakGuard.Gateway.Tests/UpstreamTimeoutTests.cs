using System.Diagnostics;
using System.Net;
using System.Text;
using CodeLeakGuard.Gateway.Tests.Fakes;

namespace CodeLeakGuard.Gateway.Tests;

/// <summary>
/// The gateway's upstream timeout is a wait for the upstream, not a cap on the answer: a whole answer that stalls
/// half-sent ends in a timeout error (and frees its slot), a stream still moving is never cut off.
/// </summary>
public class UpstreamTimeoutTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    private static StringContent Question(bool stream) => new(
        $$"""{"model":"claude","max_tokens":10,"stream":{{(stream ? "true" : "false")}},"messages":[{"role":"user","content":"Why is OrderPricingEngine slow?"}]}""",
        Encoding.UTF8,
        "application/json");

    [Fact]
    public async Task A_whole_answer_that_stalls_half_sent_is_a_timeout_and_frees_its_slot()
    {
        await using var upstream = await RecordingUpstream.StartAsync(FailingUpstreams.StallsMidBodyAsync);
        var gateway = await TestGateway.StartAsync(new GatewayOptions
        {
            Upstreams = [new Upstream("anthropic", upstream.Address)],
            NewSession = TestGateway.RealSession,
            UpstreamTimeout = TimeSpan.FromSeconds(1),
            MaxConcurrentRequests = 1,
        });
        await using var _ = gateway;
        using var http = new HttpClient { BaseAddress = gateway.Address };

        var clock = Stopwatch.StartNew();
        using var first = await http.PostAsync("/v1/messages", Question(stream: false)).WaitAsync(Bound);
        var elapsed = clock.Elapsed;
        using var second = await http.PostAsync("/v1/messages", Question(stream: false)).WaitAsync(Bound);

        Assert.Equal(HttpStatusCode.GatewayTimeout, first.StatusCode);
        Assert.Contains("timeout_error", await first.Content.ReadAsStringAsync());
        Assert.True(elapsed < TimeSpan.FromSeconds(15), $"took {elapsed}");
        Assert.Equal(HttpStatusCode.GatewayTimeout, second.StatusCode); // not 429: the first request's slot came back
        Assert.Equal(2, upstream.Received.Count);
    }

    [Fact]
    public async Task A_stream_slower_than_the_timeout_in_total_but_never_stalled_arrives_whole()
    {
        await using var upstream = await RecordingUpstream.StartAsync(FailingUpstreams.StreamsSlowly(TimeSpan.FromMilliseconds(400)));
        var gateway = await TestGateway.StartAsync(new GatewayOptions
        {
            Upstreams = [new Upstream("anthropic", upstream.Address)],
            NewSession = TestGateway.RealSession,
            UpstreamTimeout = TimeSpan.FromSeconds(1.5),
        });
        await using var _ = gateway;
        using var http = new HttpClient { BaseAddress = gateway.Address };

        var clock = Stopwatch.StartNew();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/messages") { Content = Question(stream: true) };
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead).WaitAsync(Bound);
        var received = await response.Content.ReadAsStringAsync().WaitAsync(Bound);

        Assert.True(clock.Elapsed > TimeSpan.FromSeconds(3), $"the fake streams for more than twice the timeout; took {clock.Elapsed}");
        Assert.DoesNotContain("event: error", received);
        Assert.Contains("event: message_stop", received);
    }
}
