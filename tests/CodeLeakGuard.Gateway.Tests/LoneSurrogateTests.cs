using System.Net;
using System.Text;
using System.Text.Json;
using Anthropic;
using Anthropic.Core;
using Anthropic.Models.Messages;
using Microsoft.AspNetCore.Http;
using CodeLeakGuard.Gateway.Tests.Fakes;
using CodeLeakGuard.Masking;
using CodeLeakGuard.Masking.Http;

namespace CodeLeakGuard.Gateway.Tests;

/// <summary>
/// A string cut inside an emoji, as JavaScript clients escape it (<c>\ud83d</c> alone): in a request (a coding agent's
/// truncated tool output) or in a provider's stream. The handler reads it as U+FFFD instead of failing the request,
/// and every later one of the conversation, which would send the same text again.
/// </summary>
public class LoneSurrogateTests
{
    private const string Question = "Why is OrderPricingEngine.ComputeMargin slow?";

    [Fact]
    public async Task A_request_with_a_cut_emoji_is_masked_and_answered()
    {
        await using var upstream = await RecordingUpstream.StartAsync(FakeAnthropic.RespondAsync);
        using var client = new HttpClient(new MaskingHandler(new MaskingSession(), new HttpClientHandler()));
        var body = $$$"""
            {"model":"claude-sonnet-4-5","max_tokens":64,"messages":[
              {"role":"assistant","content":[{"type":"tool_use","id":"toolu_1","name":"Bash","input":{"command":"dotnet test"}}]},
              {"role":"user","content":[
                {"type":"tool_result","tool_use_id":"toolu_1","content":"OrderPricingEngine passed \ud83d\ude00, output cut here: \ud83d"},
                {"type":"text","text":"{{{Question}}} \ude00"}]}]}
            """;

        using var response = await client.PostAsync(new Uri(upstream.Address, "/v1/messages"), new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var sent = Assert.Single(upstream.Received);
        Assert.DoesNotContain("OrderPricingEngine", sent.Body);
        Assert.DoesNotContain("ComputeMargin", sent.Body);
        var toolResult = sent.Json["messages"]![1]!["content"]![0]!["content"]!.GetValue<string>();
        Assert.EndsWith("passed \U0001F600, output cut here: \uFFFD", toolResult); // the whole pair kept, the lone one replaced
        using var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(FakeAnthropic.EchoPrefix + Question + " \uFFFD", answer.RootElement.GetProperty("content")[0].GetProperty("text").GetString());
    }

    [Fact]
    public async Task A_stream_with_an_emoji_cut_across_events_is_read_to_the_end()
    {
        await using var upstream = await RecordingUpstream.StartAsync((context, request) =>
        {
            var events = FakeAnthropic.Events(FakeAnthropic.EchoPrefix + MaskedQuestion(request), toolInput: null).ToList();
            var stop = events.FindIndex(e => e.Name == "content_block_stop");
            events.InsertRange(stop, [Delta(@"\ud83d"), Delta(@"\ude00 done")]);
            return SseWriter.WriteAsync(context, events);
        });
        using var client = new AnthropicClient(new ClientOptions
        {
            BaseUrl = upstream.Address.ToString().TrimEnd('/'),
            HttpClient = new HttpClient(new MaskingHandler(new MaskingSession(), new HttpClientHandler())),
            ApiKey = "sk-ant-test-credential",
            MaxRetries = 0,
        });

        var text = new StringBuilder();
        await foreach (var streamEvent in client.Messages.CreateStreaming(new MessageCreateParams
        {
            Model = "claude-sonnet-4-5",
            MaxTokens = 64,
            Messages = [new UserMessageParam { Content = Question }],
        }))
        {
            if (streamEvent.TryPickContentBlockDelta(out var delta) && delta!.Delta.TryPickText(out var textDelta))
            {
                text.Append(textDelta!.Text);
            }
        }

        Assert.Equal(FakeAnthropic.EchoPrefix + Question + "\uFFFD\uFFFD done", text.ToString());
    }

    [Fact]
    public async Task Tool_arguments_with_a_cut_emoji_inside_their_json_are_masked()
    {
        await using var upstream = await RecordingUpstream.StartAsync((context, _) =>
        {
            context.Response.ContentType = "application/json";
            return context.Response.WriteAsync("""{"id":"chatcmpl-1","object":"chat.completion","choices":[{"index":0,"message":{"role":"assistant","content":"ok"},"finish_reason":"stop"}]}""");
        });
        using var client = new HttpClient(new MaskingHandler(new MaskingSession(), new HttpClientHandler()));
        // The arguments are JSON in a string, so the cut emoji is escaped twice.
        const string body = """
            {"model":"gpt-4o","messages":[
              {"role":"user","content":"Run the OrderPricingEngine tests."},
              {"role":"assistant","content":null,"tool_calls":[{"id":"call_1","type":"function","function":{"name":"run","arguments":"{\"filter\":\"OrderPricingEngine \\ud83d\"}"}}]},
              {"role":"tool","tool_call_id":"call_1","content":"OrderPricingEngine: 3 passed"}]}
            """;

        using var response = await client.PostAsync(new Uri(upstream.Address, "/v1/chat/completions"), new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var sent = Assert.Single(upstream.Received);
        Assert.DoesNotContain("OrderPricingEngine", sent.Body);
        var arguments = sent.Json["messages"]![1]!["tool_calls"]![0]!["function"]!["arguments"]!.GetValue<string>();
        Assert.EndsWith(" \uFFFD", JsonDocument.Parse(arguments).RootElement.GetProperty("filter").GetString());
    }

    private static string MaskedQuestion(RecordedRequest request) =>
        request.Json["messages"]![0]!["content"]!.GetValue<string>();

    private static (string? Name, string Data) Delta(string escapedText) =>
        ("content_block_delta", $$$"""{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"{{{escapedText}}}"}}""");
}
