using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using CodeLeakGuard.Masking;
using CodeLeakGuard.Masking.Http;

namespace CodeLeakGuard.Gateway.Tests;

/// <summary>
/// The handler as an application uses it, without the gateway: one <see cref="MaskingSession"/> handed to
/// <c>new MaskingHandler(session)</c> inside the application's own <see cref="HttpClient"/>.
/// </summary>
public class ApplicationHandlerTests
{
    private const string Question = "Why does OrderPricingEngine.ComputeMargin round twice? See `ContosoPricingRules` too.";

    private static StringContent Chat(string text) => new(
        new JsonObject
        {
            ["model"] = "gpt-4o",
            ["messages"] = new JsonArray(new JsonObject { ["role"] = "user", ["content"] = text }),
        }.ToJsonString(),
        Encoding.UTF8,
        "application/json");

    [Fact]
    public async Task One_session_masks_every_request_and_unmasks_every_answer()
    {
        await using var upstream = await FakeUpstream.StartAsync();
        upstream.Echo = true;
        var session = new MaskingSession();
        using var http = new HttpClient(new MaskingHandler(session) { InnerHandler = new HttpClientHandler() });
        var endpoint = new Uri(upstream.Address, "/v1/chat/completions");

        var first = await http.PostAsync(endpoint, Chat(Question));
        var second = await http.PostAsync(endpoint, Chat("And OrderPricingEngine.ComputeMargin again?"));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var sent = upstream.Received.Select(r => r.Body).ToList();
        Assert.Equal(2, sent.Count);
        Assert.All(sent, body => Assert.DoesNotContain("OrderPricingEngine", body));
        Assert.All(sent, body => Assert.DoesNotContain("ComputeMargin", body));
        Assert.DoesNotContain("ContosoPricingRules", sent[0]);

        // The same name has the same pseudonym in both requests: one session for the whole conversation.
        var pseudonym = PseudonymOf(sent[0], "round twice");
        Assert.Contains(pseudonym, sent[1]);

        var answer = JsonNode.Parse(await first.Content.ReadAsStringAsync())!["choices"]![0]!["message"]!["content"]!.GetValue<string>();
        Assert.Equal("Echo: " + Question, answer);
        Assert.True(session.PlaceholderCount > 0);
    }

    [Fact]
    public async Task A_request_it_cannot_mask_is_answered_in_the_providers_format_without_reaching_the_network()
    {
        await using var upstream = await FakeUpstream.StartAsync();
        using var http = new HttpClient(new MaskingHandler(new MaskingSession(), new HttpClientHandler()));

        var response = await http.PostAsync(new Uri(upstream.Address, "/v1/chat/completions"), new StringContent("[1,2", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("true", Assert.Single(response.Headers.GetValues(ProviderErrors.BlockedHeader)));
        Assert.Contains("\"invalid_request_error\"", await response.Content.ReadAsStringAsync());
        Assert.Empty(upstream.Received);
    }

    // The masked form of "OrderPricingEngine.ComputeMargin" is the text just before the given words.
    private static string PseudonymOf(string body, string followedBy)
    {
        var content = JsonNode.Parse(body)!["messages"]![0]!["content"]!.GetValue<string>();
        var end = content.IndexOf(" " + followedBy, StringComparison.Ordinal);
        var start = content.LastIndexOf(' ', end - 1) + 1;
        return content[start..end];
    }
}
