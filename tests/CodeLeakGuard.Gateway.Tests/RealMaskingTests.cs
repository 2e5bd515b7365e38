using System.ClientModel;
using System.ClientModel.Primitives;
using OpenAI;
using OpenAI.Chat;

namespace CodeLeakGuard.Gateway.Tests;

/// <summary>The real OpenAI SDK client, through the real gateway, with the real masking session, to a fake upstream.</summary>
public class RealMaskingTests
{
    private const string Prompt = """
        Review this code:
        ```csharp
        namespace Contoso.Pricing;

        public sealed class OrderPricingEngine
        {
            public decimal ComputeMargin(decimal basePrice) => basePrice * 0.42m;
        }
        ```
        Why is OrderPricingEngine.ComputeMargin so slow?
        """;

    [Fact]
    public async Task Names_leave_masked_and_come_back_real()
    {
        await using var upstream = await FakeUpstream.StartAsync();
        upstream.Echo = true;
        var gateway = await TestGateway.StartAsync(new GatewayOptions
        {
            Upstreams = [new Upstream("openai", upstream.Address)],
            NewSession = TestGateway.RealSession,
        });
        await using var _ = gateway;
        var client = new ChatClient("gpt-4o", new ApiKeyCredential("sk-test"), new OpenAIClientOptions
        {
            Endpoint = new Uri(gateway.Address, "/v1"),
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
        });

        ChatCompletion completion = await client.CompleteChatAsync(new UserChatMessage(Prompt));

        var sent = Assert.Single(upstream.Received).Body;
        Assert.DoesNotContain("OrderPricingEngine", sent);
        Assert.DoesNotContain("ComputeMargin", sent);
        Assert.DoesNotContain("Contoso", sent);
        Assert.Contains("decimal", sent);
        Assert.Equal("Echo: " + Prompt, completion.Content[0].Text);
    }
}
