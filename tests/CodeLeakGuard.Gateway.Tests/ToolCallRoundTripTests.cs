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

    [Fact]
    public async Task A_tool_named_after_the_company_goes_out_masked_and_its_streamed_call_comes_back_with_the_real_names()
    {
        string? written = null, sentName = null;
        await using var upstream = await RecordingUpstream.StartAsync((context, request) =>
        {
            if (request.Json["messages"]!.AsArray().Count > 1)
            {
                context.Response.ContentType = "application/json";
                return context.Response.WriteAsync(FakeUpstream.ChatCompletion("Refunded."));
            }

            // The model calls the tool by the name it was given, with the parameter names it was given.
            var function = request.Json["tools"]![0]!["function"]!;
            sentName = function["name"]!.GetValue<string>();
            var key = function["parameters"]!["properties"]!.AsObject().First().Key;
            written = $$"""{"{{key}}": "A-1042", "reason": "duplicate"}""";
            return SseWriter.WriteAsync(context, Chunks(written, sentName));
        });
        var options = new MaskingOptions();
        options.SensitiveTerms.Add("Contoso");
        var client = new ChatClient("gpt-4o", new ApiKeyCredential("sk-test"), new OpenAIClientOptions
        {
            Endpoint = new Uri(upstream.Address, "/v1"),
            Transport = new HttpClientPipelineTransport(new HttpClient(new MaskingHandler(new MaskingSession(options)) { InnerHandler = new HttpClientHandler() })),
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
        });
        var refunds = ChatTool.CreateFunctionTool(
            "contoso_refunds",
            "Refunds an order.",
            BinaryData.FromString("""{"type":"object","properties":{"contosoOrderId":{"type":"string"},"reason":{"type":"string"}},"required":["contosoOrderId","reason"]}"""));
        var chat = new ChatCompletionOptions { Tools = { refunds } };
        var question = new UserChatMessage("Refund order A-1042, it was charged twice.");

        var arguments = new StringBuilder();
        string? id = null, name = null;
        await foreach (var update in client.CompleteChatStreamingAsync([question], chat))
        {
            foreach (var call in update.ToolCallUpdates)
            {
                id ??= call.ToolCallId;
                name ??= call.FunctionName;
                arguments.Append(call.FunctionArgumentsUpdate?.ToString());
            }
        }

        await client.CompleteChatAsync(
            [question, new AssistantChatMessage([ChatToolCall.CreateFunctionToolCall(id!, name!, BinaryData.FromString(arguments.ToString()))]), new ToolChatMessage(id!, "Refunded.")],
            chat);

        Assert.Equal("contoso_refunds", name);
        Assert.Equal("""{"contosoOrderId": "A-1042", "reason": "duplicate"}""", arguments.ToString());
        Assert.DoesNotContain("contoso", upstream.AllBodies, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("\"reason\"", upstream.AllBodies); // a generic parameter keeps its name
        var replayed = upstream.Received.Last().Json["messages"]![1]!["tool_calls"]![0]!["function"]!;
        Assert.Equal((sentName, written), (replayed["name"]!.GetValue<string>(), replayed["arguments"]!.GetValue<string>()));
    }

    private static IEnumerable<(string? Name, string Data)> Chunks(string arguments, string name = "lookup_symbol")
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
                call["function"]!["name"] = name;
                first = false;
            }

            yield return (null, Chunk(new JsonObject { ["tool_calls"] = new JsonArray(call) }, null).ToJsonString());
        }

        yield return (null, Chunk(new JsonObject(), "tool_calls").ToJsonString());
        yield return (null, "[DONE]");
    }
}
