using System.Net;
using System.Text;
using CodeLeakGuard.Gateway.Tests.Fakes;
using CodeLeakGuard.Masking;
using CodeLeakGuard.Masking.Http;
using CodeLeakGuard.Policy;
using Microsoft.AspNetCore.Http;

namespace CodeLeakGuard.Gateway.Tests;

/// <summary>
/// Requests the handler does not understand are blocked unless the policy's <c>allow passthrough</c> names the
/// endpoint; an AI request it cannot mask never passes unmasked, whatever the policy says.
/// </summary>
public class PassThroughTests
{
    private static async Task<(RecordingUpstream Upstream, HttpClient Http)> StartAsync(string policyText)
    {
        var upstream = await RecordingUpstream.StartAsync((context, _) =>
        {
            context.Response.ContentType = "application/json";
            return context.Response.WriteAsync("""{"data":[{"id":"claude-sonnet-4-5","type":"model"}]}""");
        });
        var session = new MaskingSession(new MaskingOptions { Policy = AiPolicy.Parse(policyText, "codeleakguard.policy") });
        return (upstream, new HttpClient(new MaskingHandler(session) { InnerHandler = new HttpClientHandler() }));
    }

    [Fact]
    public async Task An_endpoint_the_policy_allows_passes_and_others_stay_blocked()
    {
        var (upstream, http) = await StartAsync("allow passthrough 127.0.0.1/v1/files");
        await using var _ = upstream;
        using var __ = http;

        var files = await http.GetAsync(new Uri(upstream.Address, "/v1/files"));
        var users = await http.GetAsync(new Uri(upstream.Address, "/v1/organizations/users"));

        Assert.Equal(HttpStatusCode.OK, files.StatusCode);
        Assert.Contains("claude-sonnet-4-5", await files.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, users.StatusCode);
        Assert.Contains("allow pass-through", await users.Content.ReadAsStringAsync());
        Assert.Equal("/v1/files", Assert.Single(upstream.Received).Path);
    }

    [Fact]
    public async Task What_passes_unmasked_is_audited_as_such()
    {
        await using var upstream = await RecordingUpstream.StartAsync((context, _) => context.Response.WriteAsync("{}"));
        var audit = new List<MaskingAuditRecord>();
        var options = MaskingHandlerOptions.ForSession(new MaskingSession(new MaskingOptions { Policy = AiPolicy.Parse("allow passthrough 127.0.0.1/v1/files", "codeleakguard.policy") }));
        options.Audit = audit.Add;
        using var http = new HttpClient(new MaskingHandler(options, new HttpClientHandler()));

        await http.GetAsync(new Uri(upstream.Address, "/v1/files"));
        await http.GetAsync(new Uri(upstream.Address, "/v1/models"));

        Assert.Equal([("/v1/files", true, 200), ("/v1/models", false, 200)], audit.Select(r => (r.Path, r.PassedThrough, r.Status ?? 0)));
    }

    [Fact]
    public async Task Without_a_passthrough_line_nothing_unknown_passes()
    {
        var (upstream, http) = await StartAsync("# no pass-through");
        await using var _ = upstream;
        using var __ = http;

        var files = await http.GetAsync(new Uri(upstream.Address, "/v1/files"));

        Assert.Equal(HttpStatusCode.BadRequest, files.StatusCode);
        Assert.Empty(upstream.Received);
    }

    [Fact]
    public async Task An_ai_request_that_cannot_be_masked_is_refused_even_on_an_allowed_host()
    {
        var (upstream, http) = await StartAsync("allow passthrough 127.0.0.1");
        await using var _ = upstream;
        using var __ = http;

        var response = await http.PostAsync(new Uri(upstream.Address, "/v1/messages"), new StringContent(
            """{"model":"claude","max_tokens":10,"messages":[{"role":"user","content":[{"type":"text","text":"OrderPricingEngine"},{"type":"image","source":{"type":"base64","media_type":"image/png","data":"AAAA"}}]}]}""",
            Encoding.UTF8,
            "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var message = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetProperty("message").GetString();
        Assert.Contains("an image ('image') cannot be masked", message);
        Assert.Empty(upstream.Received);
    }
}
