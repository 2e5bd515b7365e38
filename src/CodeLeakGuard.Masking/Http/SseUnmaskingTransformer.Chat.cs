using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CodeLeakGuard.Masking.Http;

/// <summary>
/// Chat Completions and text completion streams: each choice's text fields (content, refusal, reasoning; a text
/// completion's text), its tool calls' arguments and the reasoning_details entries of routers are unmasked piece by
/// piece; what a piece held back is released when its choice finishes, or in chunks of its own when the stream ends.
/// </summary>
public sealed partial class SseUnmaskingTransformer
{
    // What a Chat Completions delta streams as text: the answer, a refusal, the reasoning of OpenAI-compatible APIs; and
    // what a text completion's choice does.
    private static readonly string[] ChatTextFields = { "content", "refusal", "reasoning_content", "reasoning", "text" };

    private static readonly string[] ReasoningDetailFields = { "text", "summary" };

    // What a tool call streams as text, by the call's kind: a function's JSON arguments, a custom tool's free-form input.
    private static readonly (string Kind, string Field)[] ToolCallTexts = { ("function", "arguments"), ("custom", "input") };

    private readonly Dictionary<string, JsonNode?> _detailTypes = new(); // a reasoning_details entry's type, by its block key
    private JsonObject? _lastChatChunk; // the last chunk: a template for the chunks that release what was held back at the end

    private IEnumerable<SseEvent> Chat(SseEvent input, JsonObject data)
    {
        if (_lastChatChunk is null && _api == AiApi.OpenAIChatCompletions && data["id"] is JsonValue id && id.GetValueKind() == JsonValueKind.String)
        {
            ResponseIdObserved?.Invoke(id.GetValue<string>()); // a stored completion is read back by this id
        }

        _lastChatChunk = data;
        if (data["choices"] is JsonArray choices)
        {
            foreach (var choice in choices.OfType<JsonObject>())
            {
                var index = choice["index"]?.ToJsonString() ?? "0";
                var finished = choice["finish_reason"] is JsonValue reason && reason.GetValueKind() == JsonValueKind.String;
                // A chat chunk's choice carries a delta; a text completion's carries its text itself.
                if ((choice["delta"] as JsonObject ?? (choice.ContainsKey("text") ? choice : null)) is not { } delta)
                {
                    continue;
                }

                foreach (var field in ChatTextFields)
                {
                    var key = field + "/" + index;
                    var present = delta[field]?.GetValueKind() == JsonValueKind.String;
                    if (present || (finished && _blocks.ContainsKey(key)))
                    {
                        var unmasker = Block(key);
                        var released = unmasker.Push(present ? delta[field]!.GetValue<string>() : string.Empty) + (finished ? unmasker.End() : string.Empty);
                        if (present || released.Length > 0 || field == "content")
                        {
                            delta[field] = released;
                        }
                    }
                }

                if (delta["reasoning_details"] is JsonArray || finished)
                {
                    ReasoningDetails(delta, index, finished);
                }

                if (delta["audio"] is JsonObject audio && audio["transcript"]?.GetValueKind() == JsonValueKind.String)
                {
                    var unmasker = Block("transcript/" + index); // an audio answer's transcript, streamed like content
                    audio["transcript"] = unmasker.Push(audio["transcript"]!.GetValue<string>()) + (finished ? unmasker.End() : string.Empty);
                }

                ToolCalls(delta, index, finished);
            }
        }

        input.Data = data.ToJsonString();
        yield return input;
    }

    /// <summary>
    /// A choice's tool calls: names are sent whole (in a call's first chunk), arguments and custom inputs piece by piece
    /// (key <c>call:{choice}/{call index}/{kind}</c>). When the choice finishes — usually in a chunk with no tool calls —
    /// what each call still held back goes out as one more piece of that call (as a reasoning entry's does).
    /// </summary>
    private void ToolCalls(JsonObject delta, string choice, bool finished)
    {
        foreach (var call in (delta["tool_calls"] as JsonArray)?.OfType<JsonObject>() ?? Enumerable.Empty<JsonObject>())
        {
            foreach (var (kind, field) in ToolCallTexts)
            {
                if (call[kind] is not JsonObject part)
                {
                    continue;
                }

                if (part["name"]?.GetValueKind() == JsonValueKind.String)
                {
                    part["name"] = _masker.Unmask(part["name"]!.GetValue<string>());
                }

                if (part[field]?.GetValueKind() == JsonValueKind.String)
                {
                    part[field] = Block("call:" + choice + "/" + (call["index"]?.ToJsonString() ?? "0") + "/" + kind).Push(part[field]!.GetValue<string>());
                }
            }
        }

        if (!finished)
        {
            return;
        }

        var prefix = "call:" + choice + "/";
        foreach (var key in _blocks.Keys.Where(k => k.StartsWith(prefix, System.StringComparison.Ordinal)).ToList())
        {
            if (EndBlock(key) is { Length: > 0 } rest)
            {
                var parts = key.Substring(prefix.Length).Split('/'); // call index, kind
                var field = ToolCallTexts.First(t => t.Kind == parts[1]).Field;
                var calls = delta["tool_calls"] as JsonArray ?? (JsonArray)(delta["tool_calls"] = new JsonArray());
                calls.Add(new JsonObject { ["index"] = JsonNode.Parse(parts[0]), [parts[1]] = new JsonObject { [field] = rest } });
            }
        }
    }

    /// <summary>
    /// The reasoning OpenAI-compatible routers (OpenRouter) stream as <c>reasoning_details</c> entries: each entry's text
    /// or summary is unmasked piece by piece like content (key <c>d:{entry index}:{field}/{choice}</c>); what an entry held
    /// back is released as an entry of its own when the choice finishes (or the stream ends).
    /// </summary>
    private void ReasoningDetails(JsonObject delta, string choice, bool finished)
    {
        foreach (var detail in (delta["reasoning_details"] as JsonArray)?.OfType<JsonObject>() ?? Enumerable.Empty<JsonObject>())
        {
            foreach (var field in ReasoningDetailFields)
            {
                if (detail[field]?.GetValueKind() == JsonValueKind.String)
                {
                    var key = "d:" + (detail["index"]?.ToJsonString() ?? "0") + ":" + field + "/" + choice;
                    _detailTypes[key] = detail["type"]?.DeepClone();
                    detail[field] = Block(key).Push(detail[field]!.GetValue<string>());
                }
            }
        }

        if (!finished)
        {
            return;
        }

        foreach (var key in _blocks.Keys.Where(k => k.StartsWith("d:", System.StringComparison.Ordinal) && k.EndsWith("/" + choice, System.StringComparison.Ordinal)).ToList())
        {
            if (EndBlock(key) is { Length: > 0 } rest)
            {
                var details = delta["reasoning_details"] as JsonArray ?? (JsonArray)(delta["reasoning_details"] = new JsonArray());
                details.Add(HeldBackDetail(key, rest));
            }
        }
    }

    // An entry that carries what a reasoning_details entry held back: its type and index, and the rest of its field.
    private JsonObject HeldBackDetail(string key, string rest)
    {
        var parts = key.Substring(0, key.IndexOf('/')).Split(':'); // "d", index, field
        _detailTypes.TryGetValue(key, out var type);
        _detailTypes.Remove(key);
        return new JsonObject { ["type"] = type?.DeepClone(), ["index"] = JsonNode.Parse(parts[1]), [parts[2]] = rest };
    }

    private IEnumerable<SseEvent> FlushAllChat()
    {
        if (_api is not (AiApi.OpenAIChatCompletions or AiApi.OpenAICompletions) || _lastChatChunk is null)
        {
            yield break;
        }

        foreach (var pair in _blocks.ToList())
        {
            _blocks.Remove(pair.Key);
            var rest = pair.Value.End();
            var slash = pair.Key.IndexOf('/');
            var field = pair.Key.Substring(0, slash);
            var reasoning = field.StartsWith("d:", System.StringComparison.Ordinal);
            if (rest.Length == 0 || (!reasoning && field != "transcript" && System.Array.IndexOf(ChatTextFields, field) < 0))
            {
                continue; // a tool call's: released when its choice finished
            }

            var chunk = _lastChatChunk.DeepClone().AsObject();
            var choice = new JsonObject { ["index"] = JsonNode.Parse(pair.Key.Substring(slash + 1)) };
            if (field == "text")
            {
                choice["text"] = rest; // a text completion's choice holds its text itself
            }
            else
            {
                choice["delta"] = reasoning ? new JsonObject { ["reasoning_details"] = new JsonArray(HeldBackDetail(pair.Key, rest)) }
                    : field == "transcript" ? new JsonObject { ["audio"] = new JsonObject { ["transcript"] = rest } }
                    : new JsonObject { [field] = rest };
            }

            choice["finish_reason"] = null;
            chunk["choices"] = new JsonArray(choice);
            yield return new SseEvent { Data = chunk.ToJsonString() };
        }
    }
}
