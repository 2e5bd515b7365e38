using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Anthropic;
using Anthropic.Models.Messages;
using CodeLeakGuard.Gateway.Tests.Fakes;
using CodeLeakGuard.Masking;
using CodeLeakGuard.Masking.Http;
using Microsoft.AspNetCore.Http;

namespace CodeLeakGuard.Gateway.Tests;

/// <summary>
/// With thinking on, a client must send the model's thinking block back unchanged with its signature, after a prefix
/// that did not change: the real Anthropic SDK streams a turn through the handler, sends it back, and the provider
/// receives the thinking and the text exactly as its model wrote them.
/// </summary>
public class ThinkingRoundTripTests
{
    private const string Signature = "EqQBCkYIBxgCKkBsignature==";

    [Fact]
    public async Task A_thinking_block_and_the_text_before_it_go_back_exactly_as_the_model_wrote_them()
    {
        string? thinkingWritten = null, textWritten = null;
        await using var upstream = await RecordingUpstream.StartAsync((context, request) =>
        {
            if (IsFollowUp(request))
            {
                context.Response.ContentType = "application/json";
                return context.Response.WriteAsync(FakeAnthropic.Message("ok", null).ToJsonString());
            }

            // The model writes in the pseudonyms it was given, and a code-like word of its own (`marginCache`), which
            // masking the unmasked text anew would turn into a pseudonym.
            var engine = Regex.Match(request.Body, @"class (Class\d+)").Groups[1].Value;
            thinkingWritten = $"The user asks about {engine}; a `marginCache` field would avoid the second pass.";
            textWritten = $"Add a `marginCache` to {engine}.";
            return SseWriter.WriteAsync(context, Events(thinkingWritten, textWritten));
        });
        var session = new MaskingSession();
        using var client = new AnthropicClient(new Anthropic.Core.ClientOptions
        {
            BaseUrl = upstream.Address.ToString().TrimEnd('/'),
            HttpClient = new HttpClient(new MaskingHandler(session) { InnerHandler = new HttpClientHandler() }),
            ApiKey = "sk-ant-test-credential",
            MaxRetries = 0,
        });
        var question = new UserMessageParam { Content = ProprietaryPrompt.Code };

        var thinking = new StringBuilder();
        var signature = new StringBuilder();
        var text = new StringBuilder();
        await foreach (var streamEvent in client.Messages.CreateStreaming(new MessageCreateParams { Model = "claude-sonnet-4-5", MaxTokens = 2048, Messages = [question] }))
        {
            if (streamEvent.TryPickContentBlockDelta(out var delta))
            {
                if (delta!.Delta.TryPickThinking(out var thinkingDelta))
                {
                    thinking.Append(thinkingDelta!.Thinking);
                }
                else if (delta.Delta.TryPickSignature(out var signatureDelta))
                {
                    signature.Append(signatureDelta!.Signature);
                }
                else if (delta.Delta.TryPickText(out var textDelta))
                {
                    text.Append(textDelta!.Text);
                }
            }
        }

        Assert.Equal("The user asks about OrderPricingEngine; a `marginCache` field would avoid the second pass.", thinking.ToString());
        Assert.Equal(Signature, signature.ToString());
        await client.Messages.Create(new MessageCreateParams
        {
            Model = "claude-sonnet-4-5",
            MaxTokens = 2048,
            Messages =
            [
                question,
                new AssistantMessageParam
                {
                    Content = new List<ContentBlockParam>
                    {
                        new ThinkingBlockParam { Thinking = thinking.ToString(), Signature = signature.ToString() },
                        new TextBlockParam { Text = text.ToString() },
                    },
                },
                new UserMessageParam { Content = "Go on." },
            ],
        });

        var followUp = upstream.Received.Last().Json;
        var turn = followUp["messages"]![1]!["content"]!.AsArray();
        Assert.Equal(thinkingWritten, turn[0]!["thinking"]!.GetValue<string>());
        Assert.Equal(Signature, turn[0]!["signature"]!.GetValue<string>());
        Assert.Equal(textWritten, turn[1]!["text"]!.GetValue<string>());
        Assert.Equal(upstream.Received.First().Json["messages"]![0]!.ToJsonString(), followUp["messages"]![0]!.ToJsonString());
        ProprietaryPrompt.AssertNoLeak(upstream.AllBodies);
    }

    private static bool IsFollowUp(RecordedRequest request) => request.Json["messages"]!.AsArray().Count > 1;

    private static IEnumerable<(string? Name, string Data)> Events(string thinking, string text)
    {
        (string?, string) Event(string type, JsonObject data)
        {
            data["type"] = type;
            return (type, data.ToJsonString());
        }

        var start = FakeAnthropic.Message(string.Empty, null);
        start["content"] = new JsonArray();
        yield return Event("message_start", new JsonObject { ["message"] = start });
        yield return Event("content_block_start", new JsonObject { ["index"] = 0, ["content_block"] = new JsonObject { ["type"] = "thinking", ["thinking"] = string.Empty, ["signature"] = string.Empty } });
        foreach (var piece in SseWriter.Pieces(thinking, 4))
        {
            yield return Event("content_block_delta", new JsonObject { ["index"] = 0, ["delta"] = new JsonObject { ["type"] = "thinking_delta", ["thinking"] = piece } });
        }

        yield return Event("content_block_delta", new JsonObject { ["index"] = 0, ["delta"] = new JsonObject { ["type"] = "signature_delta", ["signature"] = Signature } });
        yield return Event("content_block_stop", new JsonObject { ["index"] = 0 });
        yield return Event("content_block_start", new JsonObject { ["index"] = 1, ["content_block"] = new JsonObject { ["type"] = "text", ["text"] = string.Empty } });
        foreach (var piece in SseWriter.Pieces(text, 3))
        {
            yield return Event("content_block_delta", new JsonObject { ["index"] = 1, ["delta"] = new JsonObject { ["type"] = "text_delta", ["text"] = piece } });
        }

        yield return Event("content_block_stop", new JsonObject { ["index"] = 1 });
        yield return Event("message_delta", new JsonObject { ["delta"] = new JsonObject { ["stop_reason"] = "end_turn", ["stop_sequence"] = null }, ["usage"] = new JsonObject { ["output_tokens"] = 42 } });
        yield return Event("message_stop", new JsonObject());
    }
}
