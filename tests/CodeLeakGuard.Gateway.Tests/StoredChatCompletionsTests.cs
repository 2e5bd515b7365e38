using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using CodeLeakGuard.Gateway.Tests.Fakes;
using Microsoft.AspNetCore.Http;

namespace CodeLeakGuard.Gateway.Tests;

/// <summary>
/// Chat completions stored by the provider (<c>"store": true</c>) and read back by id through the gateway: the stored
/// messages come back with real names, unmasked in the session that masked them; a body on a read is refused; its
/// metadata can be updated. Before, every such request was blocked as not understood.
/// </summary>
public class StoredChatCompletionsTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_stored_completions_messages_read_back_by_id_carry_the_real_names(bool stream)
    {
        string? stored = null;
        await using var upstream = await RecordingUpstream.StartAsync(async (context, request) =>
        {
            context.Response.ContentType = "application/json";
            if (context.Request.Method == "POST" && request.Path.EndsWith("/chatcmpl-1", StringComparison.Ordinal))
            {
                var updated = JsonNode.Parse(FakeUpstream.ChatCompletion(stored!))!;
                updated["metadata"] = request.Json["metadata"]!.DeepClone();
                await context.Response.WriteAsync(updated.ToJsonString());
                return;
            }

            if (context.Request.Method == "POST")
            {
                stored = request.Json["messages"]![0]!["content"]!.GetValue<string>(); // kept as the provider got it: masked
                if (stream)
                {
                    context.Response.ContentType = "text/event-stream";
                    await context.Response.WriteAsync("""data: {"id":"chatcmpl-1","object":"chat.completion.chunk","created":1,"model":"gpt-4.1","choices":[{"index":0,"delta":{"role":"assistant","content":"Noted."},"finish_reason":"stop"}]}""" + "\n\ndata: [DONE]\n\n");
                    return;
                }

                await context.Response.WriteAsync(FakeUpstream.ChatCompletion("Noted."));
                return;
            }

            await context.Response.WriteAsync(new JsonObject
            {
                ["object"] = "list",
                ["data"] = new JsonArray(new JsonObject { ["id"] = "chatcmpl-1-0", ["role"] = "user", ["content"] = stored }),
            }.ToJsonString());
        });
        var gateway = await TestGateway.StartAsync(new GatewayOptions { Upstreams = [new Upstream("openai", upstream.Address)], NewSession = TestGateway.RealSession });
        await using var _ = gateway;
        using var client = new HttpClient { BaseAddress = gateway.Address };

        var chat = await client.PostAsync("/v1/chat/completions", new StringContent(
            new JsonObject { ["model"] = "gpt-4.1", ["store"] = true, ["stream"] = stream, ["messages"] = new JsonArray(new JsonObject { ["role"] = "user", ["content"] = ProprietaryPrompt.Code }) }.ToJsonString(),
            Encoding.UTF8, "application/json"));
        var messages = await client.GetAsync("/v1/chat/completions/chatcmpl-1/messages");
        var withBody = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/v1/chat/completions/chatcmpl-1") { Content = new StringContent("{\"x\":1}") });
        var update = await client.PostAsync("/v1/chat/completions/chatcmpl-1", new StringContent("""{"metadata":{"ticket":"JIRA-42"}}""", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, chat.StatusCode);
        ProprietaryPrompt.AssertNoLeak(stored!);
        Assert.Equal(HttpStatusCode.OK, messages.StatusCode);
        var content = JsonNode.Parse(await messages.Content.ReadAsStringAsync())!["data"]![0]!["content"]!.GetValue<string>();
        Assert.Contains("public sealed class OrderPricingEngine", content);
        Assert.Equal(HttpStatusCode.BadRequest, withBody.StatusCode);
        Assert.Equal(HttpStatusCode.OK, update.StatusCode); // a stored completion's metadata updated, its answer unmasked in its session
        Assert.Contains("public sealed class OrderPricingEngine", JsonNode.Parse(await update.Content.ReadAsStringAsync())!["choices"]![0]!["message"]!["content"]!.GetValue<string>());
        Assert.Equal("""{"ticket":"JIRA-42"}""", upstream.Received.Last().Json["metadata"]!.ToJsonString());
        Assert.Equal(3, upstream.Received.Count);
    }
}
