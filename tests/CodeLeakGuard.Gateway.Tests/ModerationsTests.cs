using System.ClientModel;
using System.ClientModel.Primitives;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using CodeLeakGuard.Gateway.Tests.Fakes;
using CodeLeakGuard.Masking;
using CodeLeakGuard.Masking.Http;
using CodeLeakGuard.Policy;
using OpenAI;
using OpenAI.Moderations;

namespace CodeLeakGuard.Gateway.Tests;

/// <summary>
/// Moderation checks, as applications run them on a user's text before sending it to a model: the real OpenAI 2.15.0
/// moderation client through the handler, with the real masking session, to a fake provider on loopback.
/// </summary>
public class ModerationsTests
{
    private static ModerationClient Client(Uri endpoint, HttpMessageHandler handler) => new(
        "omni-moderation-latest",
        new ApiKeyCredential("sk-test"),
        new OpenAIClientOptions
        {
            Endpoint = endpoint,
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            Transport = new HttpClientPipelineTransport(new HttpClient(handler)),
        });

    [Fact]
    public async Task The_text_checked_is_masked_and_the_verdicts_come_back()
    {
        await using var upstream = await FakeUpstream.StartAsync();
        var client = Client(new Uri(upstream.Address, "/v1"), new MaskingHandler(new MaskingSession(), new HttpClientHandler()));

        ModerationResultCollection results = await client.ClassifyTextAsync([ProprietaryPrompt.Code, ProprietaryPrompt.Question]);

        var sent = Assert.Single(upstream.Received);
        Assert.EndsWith("/v1/moderations", sent.Path);
        ProprietaryPrompt.AssertNoLeak(sent.Body);
        Assert.Equal(2, JsonNode.Parse(sent.Body)!["input"]!.AsArray().Count);
        Assert.Equal(2, results.Count);
        Assert.All(results, result => Assert.False(result.Flagged));
    }

    [Theory]
    [InlineData(ImageHandling.Refuse)]
    [InlineData(ImageHandling.Withhold)]
    public async Task Text_and_image_parts_are_masked_as_a_messages_content_with_images_as_the_policy_says(ImageHandling images)
    {
        await using var upstream = await FakeUpstream.StartAsync();
        var options = MaskingHandlerOptions.ForSession(new MaskingSession());
        options.Images = images;
        using var http = new HttpClient(new MaskingHandler(options, new HttpClientHandler()));
        var body = new JsonObject
        {
            ["model"] = "omni-moderation-latest",
            ["input"] = new JsonArray(
                new JsonObject { ["type"] = "text", ["text"] = ProprietaryPrompt.Code },
                new JsonObject { ["type"] = "image_url", ["image_url"] = new JsonObject { ["url"] = "https://example.invalid/screenshot.png" } }),
        };

        var response = await http.PostAsync(new Uri(upstream.Address, "/v1/moderations"), new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"));

        if (images == ImageHandling.Refuse)
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Empty(upstream.Received);
            return;
        }

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var sent = Assert.Single(upstream.Received).Body;
        ProprietaryPrompt.AssertNoLeak(sent);
        Assert.DoesNotContain("screenshot.png", sent);
        Assert.Contains(RequestMasker.WithheldImageText, sent);
    }
}
