using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace CodeLeakGuard.Gateway.Tests.Fakes;

/// <summary>
/// Answers in the OpenAI Responses format, whole or streamed: an output_text that echoes the last user input text as
/// the model saw it (masked), and a function_call that echoes the arguments of the request's last function_call.
/// </summary>
internal static class FakeResponses
{
    public const string EchoPrefix = "Echo: ";

    public static Task RespondAsync(HttpContext context, RecordedRequest request)
    {
        var body = request.Json;
        var text = EchoPrefix + LastUserText(body);
        var arguments = LastFunctionArguments(body);
        if (!request.Streamed)
        {
            context.Response.ContentType = "application/json";
            return context.Response.WriteAsync(Response("completed", Message(text), FunctionCall(arguments)).ToJsonString());
        }

        return SseWriter.WriteAsync(context, Events(text, arguments));
    }

    private static IEnumerable<(string? Name, string Data)> Events(string text, string arguments)
    {
        var sequence = 0;
        (string?, string) Event(string type, JsonObject data)
        {
            var ordered = new JsonObject { ["type"] = type, ["sequence_number"] = sequence++ };
            foreach (var (key, value) in data.ToList())
            {
                data.Remove(key);
                ordered[key] = value;
            }

            return (type, ordered.ToJsonString());
        }

        JsonObject Part(string partText) => new() { ["type"] = "output_text", ["text"] = partText, ["annotations"] = new JsonArray() };

        yield return Event("response.created", new JsonObject { ["response"] = Response("in_progress") });
        var empty = Message(string.Empty);
        empty["status"] = "in_progress";
        empty["content"] = new JsonArray();
        yield return Event("response.output_item.added", new JsonObject { ["output_index"] = 0, ["item"] = empty });
        yield return Event("response.content_part.added", new JsonObject { ["item_id"] = "msg_fake", ["output_index"] = 0, ["content_index"] = 0, ["part"] = Part(string.Empty) });
        foreach (var piece in SseWriter.Pieces(text, 3))
        {
            yield return Event("response.output_text.delta", new JsonObject { ["item_id"] = "msg_fake", ["output_index"] = 0, ["content_index"] = 0, ["delta"] = piece });
        }

        yield return Event("response.output_text.done", new JsonObject { ["item_id"] = "msg_fake", ["output_index"] = 0, ["content_index"] = 0, ["text"] = text });
        yield return Event("response.content_part.done", new JsonObject { ["item_id"] = "msg_fake", ["output_index"] = 0, ["content_index"] = 0, ["part"] = Part(text) });
        yield return Event("response.output_item.done", new JsonObject { ["output_index"] = 0, ["item"] = Message(text) });

        var call = FunctionCall(arguments);
        call["arguments"] = string.Empty;
        call["status"] = "in_progress";
        yield return Event("response.output_item.added", new JsonObject { ["output_index"] = 1, ["item"] = call });
        foreach (var piece in SseWriter.Pieces(arguments, 4))
        {
            yield return Event("response.function_call_arguments.delta", new JsonObject { ["item_id"] = "fc_fake", ["output_index"] = 1, ["delta"] = piece });
        }

        yield return Event("response.function_call_arguments.done", new JsonObject { ["item_id"] = "fc_fake", ["output_index"] = 1, ["arguments"] = arguments });
        yield return Event("response.output_item.done", new JsonObject { ["output_index"] = 1, ["item"] = FunctionCall(arguments) });
        yield return Event("response.completed", new JsonObject { ["response"] = Response("completed", Message(text), FunctionCall(arguments)) });
    }

    public static JsonObject Response(string status, params JsonObject[] output) => new()
    {
        ["id"] = "resp_fake",
        ["object"] = "response",
        ["created_at"] = 1700000000,
        ["status"] = status,
        ["model"] = "gpt-4.1",
        ["output"] = new JsonArray(output.Select(o => (JsonNode)o).ToArray()),
        ["parallel_tool_calls"] = true,
        ["tool_choice"] = "auto",
        ["tools"] = new JsonArray(),
        ["usage"] = new JsonObject
        {
            ["input_tokens"] = 100,
            ["input_tokens_details"] = new JsonObject { ["cached_tokens"] = 0 },
            ["output_tokens"] = 42,
            ["output_tokens_details"] = new JsonObject { ["reasoning_tokens"] = 0 },
            ["total_tokens"] = 142,
        },
    };

    public static JsonObject Message(string text) => new()
    {
        ["type"] = "message",
        ["id"] = "msg_fake",
        ["status"] = "completed",
        ["role"] = "assistant",
        ["content"] = new JsonArray(new JsonObject { ["type"] = "output_text", ["text"] = text, ["annotations"] = new JsonArray() }),
    };

    private static JsonObject FunctionCall(string arguments) => new()
    {
        ["type"] = "function_call",
        ["id"] = "fc_fake",
        ["call_id"] = "call_answer",
        ["name"] = "lookup_symbol",
        ["arguments"] = arguments,
        ["status"] = "completed",
    };

    public static string LastUserText(JsonObject body) => body["input"] switch
    {
        JsonValue text => text.GetValue<string>(),
        JsonArray items => items.Last(i => i!["role"]?.GetValue<string>() == "user")!["content"] switch
        {
            JsonValue text => text.GetValue<string>(),
            JsonArray parts => parts.Last(p => p!["type"]!.GetValue<string>() == "input_text")!["text"]!.GetValue<string>(),
            _ => string.Empty,
        },
        _ => string.Empty,
    };

    private static string LastFunctionArguments(JsonObject body) =>
        (body["input"] as JsonArray)?.LastOrDefault(i => i!["type"]?.GetValue<string>() == "function_call")?["arguments"]?.GetValue<string>() ?? "{}";
}
