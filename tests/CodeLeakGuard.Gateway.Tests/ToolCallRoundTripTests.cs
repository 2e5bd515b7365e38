using System.ClientModel;
using System.ClientModel.Primitives;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CodeLeakGuard.Gateway.Tests.Fakes;
using CodeLeakGuard.Masking;
using CodeLeakGuard.Masking.Http;
using Microsoft.AspNetCore.Http;
using OpenAI;
using OpenAI.Chat;

namespace CodeLeakGuard.Gateway.Tests;

/// <summary>
/// The real OpenAI SDK streams a tool call through the handler and sends it back in the next request: the provider
/// receives the arguments exactly as its model wrote them (spacing too), not re-serialised and masked anew.
/// </summary>
public class ToolCallRoundTripTests
{
    [Fact]
    public async Task Streamed_tool_call_arguments_go_back_exactly_as_the_model_wrote_them()
    {
        string? written = null;
        await using var upstream = await RecordingUpstream.StartAsync((context, request) =>
        {
            if (request.Json["messages"]!.AsArray().Count > 1)
            {
                context.Response.ContentType = "application/json";
                return context.Response.WriteAsync(FakeUpstream.ChatCompletion("Done."));
            }

            var engine = Regex.Match(request.Body, @"class (Class\d+)").Groups[1].Value;
            var margin = Regex.Match(request.Body, @"decimal (Method\d+)\(").Groups[1].Value;
            written = $$"""{"symbol": "{{engine}}.{{margin}}", "include": "marginCache"}""";
            return SseWriter.WriteAsync(context, Chunks(written));
        });
        var client = new ChatClient("gpt-4o", new ApiKeyCredential("sk-test"), new OpenAIClientOptions
        {
            Endpoint = new Uri(upstream.Address, "/v1"),
            Transport = new HttpClientPipelineTransport(new HttpClient(new MaskingHandler(new MaskingSession()) { InnerHandler = new HttpClientHandler() })),
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
        });
        var question = new UserChatMessage(ProprietaryPrompt.Code);

        var arguments = new StringBuilder();
        string? id = null, name = null;
        await foreach (var update in client.CompleteChatStreamingAsync([question]))
        {
            foreach (var call in update.ToolCallUpdates)
            {
                id ??= call.ToolCallId;
                name ??= call.FunctionName;
                arguments.Append(call.FunctionArgumentsUpdate?.ToString());
            }
        }

        Assert.Equal("""{"symbol": "OrderPricingEngine.ComputeMargin", "include": "marginCache"}""", arguments.ToString());
        await client.CompleteChatAsync(
            question,
            new AssistantChatMessage([ChatToolCall.CreateFunctionToolCall(id!, name!, BinaryData.FromString(arguments.ToString()))]),
            new ToolChatMessage(id!, "ComputeMargin multiplies by RebateFactor."));

        var sent = upstream.Received.Last().Json["messages"]![1]!["tool_calls"]![0]!["function"]!["arguments"]!.GetValue<string>();
        Assert.Equal(written, sent);
        ProprietaryPrompt.AssertNoLeak(upstream.AllBodies);
    }

    private static IEnumerable<(string? Name, string Data)> Chunks(string arguments)
    {
        JsonObject Chunk(JsonObject delta, string? finish) => new()
        {
            ["id"] = "chatcmpl-fake",
            ["object"] = "chat.completion.chunk",
            ["created"] = 1_700_000_000,
            ["model"] = "gpt-4o",
            ["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["delta"] = delta, ["finish_reason"] = finish }),
        };

        yield return (null, Chunk(new JsonObject { ["role"] = "assistant", ["content"] = null }, null).ToJsonString());
        var first = true;
        foreach (var piece in SseWriter.Pieces(arguments, 5))
        {
            var call = new JsonObject { ["index"] = 0, ["function"] = new JsonObject { ["arguments"] = piece } };
            if (first)
            {
                call["id"] = "call_1";
                call["type"] = "function";
                call["function"]!["name"] = "lookup_symbol";
                first = false;
            }

            yield return (null, Chunk(new JsonObject { ["tool_calls"] = new JsonArray(call) }, null).ToJsonString());
        }

        yield return (null, Chunk(new JsonObject(), "tool_calls").ToJsonString());
        yield return (null, "[DONE]");
    }
}
