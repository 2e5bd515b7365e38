using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CodeLeakGuard.Masking.Http;

/// <summary>
/// Unmasks a streamed response event by event, in the Anthropic Messages and OpenAI Chat Completions / Responses
/// stream shapes. Text deltas go through a <see cref="StreamingUnmasker"/> per content block, so each event is
/// forwarded as soon as it is safe; what is held back is released in a delta of its own just before the block ends.
/// Events with whole texts (message_start, response.completed, ...) are unmasked as a whole.
/// </summary>
public sealed class SseUnmaskingTransformer
{
    // What a Chat Completions delta streams as text: the answer, a refusal, the reasoning of OpenAI-compatible APIs; and
    // what a text completion's choice does.
    private static readonly string[] ChatTextFields = { "content", "refusal", "reasoning_content", "reasoning", "text" };

    private static readonly string[] ReasoningDetailFields = { "text", "summary" };

    private readonly IConversationMasker _masker;
    private readonly AiApi _api;
    private readonly Dictionary<string, StreamingUnmasker> _blocks = new();
    private readonly Dictionary<string, JsonNode?> _detailTypes = new();
    private JsonObject? _lastChatChunk;

    public SseUnmaskingTransformer(IConversationMasker masker, AiApi api)
    {
        _masker = masker;
        _api = api;
    }

    public AiApi Api => _api;

    /// <summary>Called with the response id a Responses API stream announces.</summary>
    public System.Action<string>? ResponseIdObserved { get; set; }

    public IEnumerable<SseEvent> Transform(SseEvent input)
    {
        if (input.Data is null || input.Data == "[DONE]")
        {
            foreach (var pending in FlushAllChat())
            {
                yield return pending;
            }

            yield return input;
            yield break;
        }

        JsonObject? data;
        try
        {
            data = JsonNode.Parse(input.Data) as JsonObject;
        }
        catch (JsonException)
        {
            data = null;
        }

        if (data is null)
        {
            // Not JSON: unmask it as text rather than pass a pseudonym through.
            input.Data = _masker.Unmask(input.Data);
            yield return input;
            yield break;
        }

        var output = _api switch
        {
            AiApi.AnthropicMessages => Anthropic(input, data),
            AiApi.OpenAIChatCompletions or AiApi.OpenAICompletions => Chat(input, data),
            AiApi.OpenAIResponses => Responses(input, data),
            _ => Whole(input, data),
        };

        foreach (var e in output)
        {
            yield return e;
        }
    }

    /// <summary>Anything still held back when the stream ends without a proper stop event.</summary>
    public IEnumerable<SseEvent> Complete() => FlushAllChat();

    private IEnumerable<SseEvent> Anthropic(SseEvent input, JsonObject data)
    {
        var type = data["type"]?.GetValue<string>();
        var index = data["index"]?.ToJsonString() ?? "0";
        if (type == "content_block_delta" && data["delta"] is JsonObject delta)
        {
            var field = delta["type"]?.GetValue<string>() switch
            {
                "text_delta" => "text",
                "input_json_delta" => "partial_json",
                "thinking_delta" => "thinking",
                "compaction_delta" => "content", // a compaction block's summary, appended delta by delta like text
                _ => null,
            };
            if (field is not null && delta[field]?.GetValueKind() == JsonValueKind.String)
            {
                delta[field] = Block(index + field).Push(delta[field]!.GetValue<string>());
                input.Data = data.ToJsonString();
                yield return input;
                yield break;
            }
        }

        if (type == "content_block_stop")
        {
            foreach (var field in new[] { "text", "partial_json", "thinking", "content" })
            {
                if (EndBlock(index + field) is { Length: > 0 } rest)
                {
                    var deltaType = field switch { "text" => "text_delta", "partial_json" => "input_json_delta", "thinking" => "thinking_delta", _ => "compaction_delta" };
                    var flush = new JsonObject
                    {
                        ["type"] = "content_block_delta",
                        ["index"] = JsonNode.Parse(index),
                        ["delta"] = new JsonObject { ["type"] = deltaType, [field] = rest },
                    };
                    yield return new SseEvent { Event = "content_block_delta", Data = flush.ToJsonString() };
                }
            }
        }

        foreach (var e in Whole(input, data))
        {
            yield return e;
        }
    }

    private IEnumerable<SseEvent> Chat(SseEvent input, JsonObject data)
    {
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

                if (delta["tool_calls"] is JsonArray calls)
                {
                    foreach (var call in calls.OfType<JsonObject>())
                    {
                        if (call["function"] is JsonObject { } named && named["name"]?.GetValueKind() == JsonValueKind.String)
                        {
                            named["name"] = _masker.Unmask(named["name"]!.GetValue<string>()); // sent whole, in the call's first chunk
                        }

                        if (call["function"] is JsonObject function && function["arguments"]?.GetValueKind() == JsonValueKind.String)
                        {
                            var unmasker = Block("t" + index + "/" + (call["index"]?.ToJsonString() ?? "0"));
                            function["arguments"] = unmasker.Push(function["arguments"]!.GetValue<string>()) + (finished ? unmasker.End() : string.Empty);
                        }
                    }
                }
            }
        }

        input.Data = data.ToJsonString();
        yield return input;
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

    private IEnumerable<SseEvent> Responses(SseEvent input, JsonObject data)
    {
        var type = data["type"]?.GetValue<string>() ?? string.Empty;
        if (type == "response.created" && data["response"]?["id"] is JsonValue id && id.GetValueKind() == JsonValueKind.String)
        {
            ResponseIdObserved?.Invoke(id.GetValue<string>());
        }

        var key = (data["item_id"]?.ToJsonString() ?? string.Empty) + "/" + (data["content_index"]?.ToJsonString() ?? data["output_index"]?.ToJsonString() ?? "0");
        if (type.EndsWith(".delta", System.StringComparison.Ordinal) && data["delta"]?.GetValueKind() == JsonValueKind.String)
        {
            data["delta"] = Block(type + key).Push(data["delta"]!.GetValue<string>());
            input.Data = data.ToJsonString();
            yield return input;
            yield break;
        }

        if (type.EndsWith(".done", System.StringComparison.Ordinal))
        {
            var deltaType = type.Substring(0, type.Length - ".done".Length) + ".delta";
            if (EndBlock(deltaType + key) is { Length: > 0 } rest)
            {
                var flush = data.DeepClone().AsObject();
                foreach (var whole in new[] { "text", "arguments", "part", "item" })
                {
                    flush.Remove(whole);
                }

                flush["type"] = deltaType;
                flush["delta"] = rest;
                yield return new SseEvent { Event = input.Event is null ? null : deltaType, Data = flush.ToJsonString() };
            }
        }

        foreach (var e in Whole(input, data))
        {
            yield return e;
        }
    }

    private IEnumerable<SseEvent> Whole(SseEvent input, JsonObject data)
    {
        ResponseUnmasker.Unmask(data, _masker, remember: false); // the texts were remembered whole at their blocks' ends
        input.Data = data.ToJsonString();
        yield return input;
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
            if (rest.Length == 0 || (!reasoning && System.Array.IndexOf(ChatTextFields, field) < 0))
            {
                continue; // a tool call's arguments: released whole when its choice finished
            }

            var chunk = _lastChatChunk.DeepClone().AsObject();
            var choice = new JsonObject { ["index"] = JsonNode.Parse(pair.Key.Substring(slash + 1)) };
            if (field == "text")
            {
                choice["text"] = rest; // a text completion's choice holds its text itself
            }
            else
            {
                choice["delta"] = reasoning ? new JsonObject { ["reasoning_details"] = new JsonArray(HeldBackDetail(pair.Key, rest)) } : new JsonObject { [field] = rest };
            }

            choice["finish_reason"] = null;
            chunk["choices"] = new JsonArray(choice);
            yield return new SseEvent { Data = chunk.ToJsonString() };
        }
    }

    /// <summary>The end of a text block: what it still held back (null when there was no such block); the block is gone.</summary>
    private string? EndBlock(string key)
    {
        if (!_blocks.TryGetValue(key, out var unmasker))
        {
            return null;
        }

        _blocks.Remove(key);
        return unmasker.End();
    }

    private StreamingUnmasker Block(string key)
    {
        if (!_blocks.TryGetValue(key, out var unmasker))
        {
            _blocks[key] = unmasker = new StreamingUnmasker(_masker);
        }

        return unmasker;
    }
}
