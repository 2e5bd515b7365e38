using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace CodeLeakGuard.Gateway.Tests.Fakes;

/// <summary>
/// OpenAI's Conversations API as the provider keeps it: conversations created with items, items added and listed back
/// as they were received (masked); a Responses request is answered by <see cref="FakeResponses"/>.
/// </summary>
internal sealed class FakeConversations
{
    private readonly ConcurrentDictionary<string, List<JsonObject>> _items = new();

    public async Task RespondAsync(HttpContext context, RecordedRequest request)
    {
        var segments = request.Path.Split('/', StringSplitOptions.RemoveEmptyEntries); // v1, conversations, {id}, items
        if (segments[^1] == "responses")
        {
            await FakeResponses.RespondAsync(context, request);
            return;
        }

        context.Response.ContentType = "application/json";
        if (segments[^1] == "conversations")
        {
            var id = "conv_" + (_items.Count + 1);
            _items[id] = Stored(request.Json["items"]);
            await context.Response.WriteAsync(new JsonObject
            {
                ["id"] = id, ["object"] = "conversation", ["created_at"] = 1700000000, ["metadata"] = request.Json["metadata"]?.DeepClone() ?? new JsonObject(),
            }.ToJsonString());
            return;
        }

        var items = _items[segments[2]];
        if (context.Request.Method == "POST")
        {
            items.AddRange(Stored(request.Json["items"]));
        }

        await context.Response.WriteAsync(new JsonObject
        {
            ["object"] = "list",
            ["data"] = new JsonArray(items.Select(i => (JsonNode)i.DeepClone()).ToArray()),
            ["first_id"] = items.FirstOrDefault()?["id"]?.DeepClone(),
            ["last_id"] = items.LastOrDefault()?["id"]?.DeepClone(),
            ["has_more"] = false,
        }.ToJsonString());
    }

    // Items as the provider stores them: messages with ids, their text parts typed.
    private static List<JsonObject> Stored(JsonNode? items) => (items as JsonArray ?? []).Select((item, i) =>
    {
        var stored = item!.DeepClone().AsObject();
        stored["id"] = "msg_" + Guid.NewGuid().ToString("N")[..8];
        stored["type"] = "message";
        stored["status"] = "completed";
        if (stored["content"] is JsonValue text)
        {
            stored["content"] = new JsonArray(new JsonObject { ["type"] = "input_text", ["text"] = text.GetValue<string>() });
        }

        return stored;
    }).ToList();
}
