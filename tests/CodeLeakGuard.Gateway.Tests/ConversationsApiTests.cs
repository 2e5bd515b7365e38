using System.ClientModel;
using System.ClientModel.Primitives;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CodeLeakGuard.Gateway.Tests.Fakes;
using CodeLeakGuard.Masking;
using CodeLeakGuard.Masking.Http;
using OpenAI;
using OpenAI.Conversations;
using OpenAI.Responses;

namespace CodeLeakGuard.Gateway.Tests;

/// <summary>
/// OpenAI's provider-stored conversations, with the real OpenAI 2.15.0 clients against a fake provider on loopback:
/// items are masked when created or added, a Responses turn that continues the conversation is masked in its session,
/// and the items read back carry the real names.
/// </summary>
public class ConversationsApiTests
{
    private static OpenAIClientOptions Options(Uri endpoint, HttpMessageHandler? handler) => new()
    {
        Endpoint = endpoint,
        RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
        Transport = handler is null ? null : new HttpClientPipelineTransport(new HttpClient(handler)),
    };

    private static ConversationCreationOptions WithCode() => new()
    {
        Items = { ResponseItem.CreateUserMessageItem(ProprietaryPrompt.Code) },
        Metadata = { ["ticket"] = "OPS-1234" }, // ids and tags for the caller, not read by the model: passed as they are
    };

    [Fact]
    public async Task Items_are_masked_when_created_and_added_and_read_back_with_real_names()
    {
        var provider = new FakeConversations();
        await using var upstream = await RecordingUpstream.StartAsync(provider.RespondAsync);
        var client = new OpenAIClient(new ApiKeyCredential("sk-test"), Options(new Uri(upstream.Address, "/v1"), new MaskingHandler(new MaskingSession(), new HttpClientHandler())))
            .GetConversationClient();

        ConversationResource conversation = await client.CreateConversationAsync(WithCode());
        await client.CreateConversationItemsAsync(conversation.Id, BinaryContent.Create(BinaryData.FromString(
            new JsonObject { ["items"] = new JsonArray(new JsonObject { ["type"] = "message", ["role"] = "user", ["content"] = ProprietaryPrompt.Question }) }.ToJsonString())));
        var read = new List<string>();
        await foreach (var page in client.GetConversationItemsAsync(conversation.Id).GetRawPagesAsync())
        {
            read.Add(page.GetRawResponse().Content.ToString());
        }

        ProprietaryPrompt.AssertNoLeak(upstream.AllBodies);
        Assert.Equal(3, upstream.Received.Count);
        Assert.Equal("OPS-1234", conversation.Metadata["ticket"]);
        var items = Assert.Single(read);
        Assert.Contains("public sealed class OrderPricingEngine", items);
        Assert.Contains(ProprietaryPrompt.Question, items);
    }

    [Fact]
    public async Task Through_the_gateway_a_turn_that_continues_a_created_conversation_is_masked_in_its_session()
    {
        var provider = new FakeConversations();
        await using var upstream = await RecordingUpstream.StartAsync(provider.RespondAsync);
        var gateway = await TestGateway.StartAsync(new GatewayOptions { Upstreams = [new Upstream("openai", upstream.Address)], NewSession = TestGateway.RealSession });
        await using var _ = gateway;
        var openai = new OpenAIClient(new ApiKeyCredential("sk-test"), Options(new Uri(gateway.Address, "/v1"), handler: null));

        ConversationResource conversation = await openai.GetConversationClient().CreateConversationAsync(WithCode());
        ResponseResult answer = await openai.GetResponsesClient().CreateResponseAsync(
            new CreateResponseOptions("gpt-5", [ResponseItem.CreateUserMessageItem("Is OrderPricingEngine thread-safe?")]) { ConversationOptions = new(conversation.Id) });
        var read = new List<string>();
        await foreach (var page in openai.GetConversationClient().GetConversationItemsAsync(conversation.Id).GetRawPagesAsync())
        {
            read.Add(page.GetRawResponse().Content.ToString());
        }

        ProprietaryPrompt.AssertNoLeak(upstream.AllBodies);
        var sent = upstream.Received.ToList();
        var created = JsonNode.Parse(sent[0].Body)!["items"]![0]!["content"]!.ToJsonString();
        var pseudonym = Regex.Match(created, @"sealed class (\w+)").Groups[1].Value;
        Assert.NotEmpty(pseudonym);
        Assert.Contains($"Is {pseudonym} thread-safe?", sent[1].Body); // the same name, the same pseudonym: one session
        Assert.Equal(1, gateway.Sessions.Count);
        Assert.Equal("Echo: Is OrderPricingEngine thread-safe?", answer.GetOutputText());
        Assert.Contains("public sealed class OrderPricingEngine", Assert.Single(read));
    }
}
