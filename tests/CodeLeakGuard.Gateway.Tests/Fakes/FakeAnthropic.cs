using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace CodeLeakGuard.Gateway.Tests.Fakes;

/// <summary>
/// Answers in the Anthropic Messages format, whole or streamed: a text block that echoes the last user text as the
/// model saw it (masked), and a tool_use block that echoes the input of the request's last tool_use block. The SDK
/// should therefore read back exactly what the application wrote.
/// </summary>
internal static class FakeAnthropic
{
    public const string EchoPrefix = "Echo: ";

    public static Task RespondAsync(HttpContext context, RecordedRequest request) => RespondAsync(context, request, abortAfter: null);

    public static Task RespondAsync(HttpContext context, RecordedRequest request, int? abortAfter)
    {
        var body = request.Json;
        var text = EchoPrefix + LastUserText(body);
        var toolInput = LastToolUseInput(body);
        if (!request.Streamed)
        {
            context.Response.ContentType = "application/json";
            return context.Response.WriteAsync(Message(text, toolInput).ToJsonString());
        }

        return SseWriter.WriteAsync(context, Events(text, toolInput), abortAfter);
    }

    public static IEnumerable<(string? Name, string Data)> Events(string text, JsonObject? toolInput)
    {
        var start = Message(string.Empty, null);
        start["content"] = new JsonArray();
        start["stop_reason"] = null;
        yield return Event("message_start", new JsonObject { ["message"] = start });
        yield return Event("content_block_start", new JsonObject { ["index"] = 0, ["content_block"] = new JsonObject { ["type"] = "text", ["text"] = string.Empty } });
        foreach (var piece in SseWriter.Pieces(text, 3))
        {
            yield return Event("content_block_delta", new JsonObject { ["index"] = 0, ["delta"] = new JsonObject { ["type"] = "text_delta", ["text"] = piece } });
        }

        yield return Event("content_block_stop", new JsonObject { ["index"] = 0 });
        if (toolInput is not null)
        {
            yield return Event("content_block_start", new JsonObject
            {
                ["index"] = 1,
                ["content_block"] = new JsonObject { ["type"] = "tool_use", ["id"] = "toolu_answer", ["name"] = "lookup_symbol", ["input"] = new JsonObject() },
            });
            foreach (var piece in SseWriter.Pieces(toolInput.ToJsonString(), 4))
            {
                yield return Event("content_block_delta", new JsonObject { ["index"] = 1, ["delta"] = new JsonObject { ["type"] = "input_json_delta", ["partial_json"] = piece } });
            }

            yield return Event("content_block_stop", new JsonObject { ["index"] = 1 });
        }

        yield return Event("message_delta", new JsonObject
        {
            ["delta"] = new JsonObject { ["stop_reason"] = toolInput is null ? "end_turn" : "tool_use", ["stop_sequence"] = null },
            ["usage"] = new JsonObject { ["output_tokens"] = 42 },
        });
        yield return Event("message_stop", new JsonObject());
    }

    public static JsonObject Message(string text, JsonObject? toolInput)
    {
        var content = new JsonArray(new JsonObject { ["type"] = "text", ["text"] = text });
        if (toolInput is not null)
        {
            content.Add(new JsonObject { ["type"] = "tool_use", ["id"] = "toolu_answer", ["name"] = "lookup_symbol", ["input"] = toolInput.DeepClone() });
        }

        return new JsonObject
        {
            ["id"] = "msg_fake",
            ["type"] = "message",
            ["role"] = "assistant",
            ["model"] = "claude-sonnet-4-5",
            ["content"] = content,
            ["stop_reason"] = toolInput is null ? "end_turn" : "tool_use",
            ["stop_sequence"] = null,
            ["usage"] = new JsonObject { ["input_tokens"] = 100, ["output_tokens"] = 42 },
        };
    }

    public static (string? Name, string Data) Event(string type, JsonObject data)
    {
        var ordered = new JsonObject { ["type"] = type };
        foreach (var (key, value) in data.ToList())
        {
            data.Remove(key);
            ordered[key] = value;
        }

        return (type, ordered.ToJsonString());
    }

    private static string LastUserText(JsonObject body)
    {
        var last = body["messages"]!.AsArray().Last(m => m!["role"]!.GetValue<string>() == "user")!["content"];
        return last switch
        {
            JsonValue text => text.GetValue<string>(),
            JsonArray blocks => blocks.Last(b => b!["type"]!.GetValue<string>() == "text")!["text"]!.GetValue<string>(),
            _ => string.Empty,
        };
    }

    private static JsonObject? LastToolUseInput(JsonObject body) =>
        body["messages"]!.AsArray()
            .SelectMany(m => m!["content"] as JsonArray ?? [])
            .LastOrDefault(b => b!["type"]!.GetValue<string>() == "tool_use")?["input"]?.DeepClone().AsObject();
}
