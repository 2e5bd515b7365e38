using System.ClientModel;
using System.ClientModel.Primitives;
using CodeLeakGuard.Masking;
using CodeLeakGuard.Masking.Http;
using CodeLeakGuard.Policy;
using OpenAI;
using OpenAI.Chat;

namespace CodeLeakGuard.Gateway.Tests;

/// <summary>
/// A pasted screenshot, with the real OpenAI SDK through <c>new MaskingHandler(session)</c>, whose policy says what to
/// do with images: refused by default; with <c>set images=withhold</c> the question goes out without it.
/// </summary>
public class ImagePolicyTests
{
    private static readonly BinaryData Png = BinaryData.FromBytes(Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgYGD4DwABBAEAwS2OUAAAAABJRU5ErkJggg=="));

    private static ChatClient Client(FakeUpstream upstream, string policy) => new(
        "gpt-4o",
        new ApiKeyCredential("sk-test"),
        new OpenAIClientOptions
        {
            Endpoint = new Uri(upstream.Address, "/v1"),
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            Transport = new HttpClientPipelineTransport(new HttpClient(new MaskingHandler(
                new MaskingSession(new MaskingOptions { Policy = AiPolicy.Parse(policy, "ai.clgpolicy") }), new HttpClientHandler()))),
        });

    private static UserChatMessage Question() => new(
        ChatMessageContentPart.CreateTextPart("Why does OrderPricingEngine render like this?"),
        ChatMessageContentPart.CreateImagePart(Png, "image/png"));

    [Fact]
    public async Task By_default_the_request_is_refused_and_nothing_is_sent()
    {
        await using var upstream = await FakeUpstream.StartAsync();

        var refused = await Assert.ThrowsAsync<ClientResultException>(() => Client(upstream, "# no image line").CompleteChatAsync(Question()));

        Assert.Equal(400, refused.Status);
        Assert.Contains("set images=withhold", refused.Message);
        Assert.Empty(upstream.Received);
    }

    [Fact]
    public async Task With_images_withheld_the_question_goes_out_masked_without_its_image()
    {
        await using var upstream = await FakeUpstream.StartAsync();
        upstream.Echo = true;

        ChatCompletion answer = await Client(upstream, "set images=withhold").CompleteChatAsync(Question());

        var sent = Assert.Single(upstream.Received).Body;
        Assert.DoesNotContain("OrderPricingEngine", sent);
        Assert.DoesNotContain("image_url", sent);
        Assert.DoesNotContain(Convert.ToBase64String(Png.ToArray()), sent);
        Assert.Equal("Echo: Why does OrderPricingEngine render like this?" + RequestMasker.WithheldImageText, answer.Content[0].Text);
    }
}
