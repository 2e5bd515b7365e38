using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CodeLeakGuard.Gateway.Tests.Fakes;

namespace CodeLeakGuard.Gateway.Tests;

/// <summary>
/// Anthropic's server-held threads through the gateway: a turn that continues from an earlier answer
/// (<c>thread.previous_message_id</c>) sends only its new messages, so it must be masked in the session of the turn it
/// continues (found by the answer's id, whole or streamed), and the id must reach the provider as it is.
/// </summary>
public class ServerHeldThreadTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_continued_thread_is_masked_in_the_session_of_the_answer_it_continues(bool stream)
    {
        await using var upstream = await RecordingUpstream.StartAsync(FakeAnthropic.RespondAsync);
        var gateway = await TestGateway.StartAsync(new GatewayOptions { Upstreams = [new Upstream("anthropic", upstream.Address)], NewSession = TestGateway.RealSession });
        await using var _ = gateway;
        using var client = new HttpClient { BaseAddress = gateway.Address };
        Task<HttpResponseMessage> Turn(JsonObject thread, string text) => client.PostAsync("/v1/messages", new StringContent(new JsonObject
        {
            ["model"] = "claude-sonnet-4-5", ["max_tokens"] = 100, ["stream"] = stream, ["thread"] = thread,
            ["messages"] = new JsonArray(new JsonObject { ["role"] = "user", ["content"] = text }),
        }.ToJsonString(), Encoding.UTF8, "application/json"));

        (await Turn(new JsonObject { ["type"] = "create" }, ProprietaryPrompt.Code)).EnsureSuccessStatusCode();
        var second = await Turn(new JsonObject { ["type"] = "continue", ["previous_message_id"] = "msg_fake" }, "Is OrderPricingEngine thread-safe?");

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var sent = upstream.Received.ToList();
        ProprietaryPrompt.AssertNoLeak(upstream.AllBodies);
        var pseudonym = Regex.Match(sent[0].Body, @"sealed class (\w+)").Groups[1].Value;
        Assert.NotEmpty(pseudonym);
        Assert.Contains($"Is {pseudonym} thread-safe?", sent[1].Body); // the same name, the same pseudonym: one session
        Assert.Equal("msg_fake", sent[1].Json["thread"]!["previous_message_id"]!.GetValue<string>());
        Assert.Equal(1, gateway.Sessions.Count);
        Assert.Equal("Echo: Is OrderPricingEngine thread-safe?", AnswerText(await second.Content.ReadAsStringAsync(), stream));
    }

    private static string AnswerText(string body, bool stream) =>
        stream ? StreamedText.Anthropic(body) : JsonNode.Parse(body)!["content"]![0]!["text"]!.GetValue<string>();
}
