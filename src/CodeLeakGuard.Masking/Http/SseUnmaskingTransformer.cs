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
public sealed partial class SseUnmaskingTransformer
{
    private readonly IConversationMasker _masker;
    private readonly AiApi _api;
    private readonly Dictionary<string, StreamingUnmasker> _blocks = new();

    // What places a Responses API delta event: its item, output, part and summary indexes, and its number in the stream.
    private static readonly string[] ResponsesDeltaKeys = { "sequence_number", "item_id", "output_index", "content_index", "summary_index" };

    public SseUnmaskingTransformer(IConversationMasker masker, AiApi api)
    {
        _masker = masker;
        _api = api;
    }

    public AiApi Api => _api;

    /// <summary>Called with the id a stream announces: a Responses API response's, an Anthropic message's, a chat completion's.</summary>
    public System.Action<string>? ResponseIdObserved { get; set; }

    public IEnumerable<SseEvent> Transform(SseEvent input)
    {
        if (input.Data is null)
        {
            // A comment (": keep-alive", as routers send), or only an id or retry line: nothing to unmask, and no reason
            // to release what is held back (it may be half a pseudonym that the next chunk completes).
            yield return input;
            yield break;
        }

        input.Data = LoneSurrogates.Replace(input.Data);
        if (input.Data == "[DONE]")
        {
            foreach (var pending in FlushAllChat())
            {
                yield return pending;
            }

            yield return input;
            yield break;
        }

        if (_api == AiApi.AnthropicMessages && AnthropicDelta.TryRead(input.Data, out var delta))
        {
            input.Data = delta.With(Block(delta.Index + delta.Field).Push(delta.Value)).ToJson();
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

        foreach (var e in Read(input, data))
        {
            yield return e;
        }
    }

    /// <summary>
    /// One event read as its API's, or, when its JSON is not in the shape its type promises (a number for a type, a key
    /// twice), unmasked as text: a provider's odd event must not end the client's stream, nor pass a pseudonym on.
    /// </summary>
    private List<SseEvent> Read(SseEvent input, JsonObject data)
    {
        var text = input.Data!;
        try
        {
            var output = _api switch
            {
                AiApi.AnthropicMessages => Anthropic(input, data),
                AiApi.OpenAIChatCompletions or AiApi.OpenAICompletions => Chat(input, data),
                AiApi.OpenAIResponses => Responses(input, data),
                _ => Whole(input, data),
            };
            return output.ToList();
        }
        catch (System.Exception ex) when (JsonValues.IsShapeError(ex))
        {
            input.Data = _masker.Unmask(text);
            return new List<SseEvent> { input };
        }
    }

    /// <summary>Anything still held back when the stream ends without a proper stop event.</summary>
    public IEnumerable<SseEvent> Complete() => FlushAllChat();

    private IEnumerable<SseEvent> Anthropic(SseEvent input, JsonObject data)
    {
        var type = data["type"]?.GetValue<string>();
        var index = data["index"]?.ToJsonString() ?? "0";
        if (type == "message_start" && data["message"]?["id"] is JsonValue id && id.GetValueKind() == JsonValueKind.String)
        {
            ResponseIdObserved?.Invoke(id.GetValue<string>()); // a later request may continue from it (a server-held thread)
        }

        if (type == "content_block_delta" && data["delta"] is JsonObject delta)
        {
            var field = AnthropicDelta.FieldOf(delta["type"]?.GetValue<string>()); // the shapes AnthropicDelta did not read
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
            foreach (var (deltaType, field) in AnthropicDelta.TextKinds)
            {
                if (EndBlock(index + field) is { Length: > 0 } rest)
                {
                    yield return new SseEvent { Event = "content_block_delta", Data = new AnthropicDelta(index, deltaType, field, rest).ToJson() };
                }
            }
        }

        foreach (var e in Whole(input, data))
        {
            yield return e;
        }
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
                // A delta of the same item and part, made of the done event's identifying keys only: its whole text
                // (text, arguments, input, refusal, ...) is for the done event itself.
                var flush = new JsonObject { ["type"] = deltaType };
                foreach (var identifying in ResponsesDeltaKeys.Where(data.ContainsKey))
                {
                    flush[identifying] = data[identifying]?.DeepClone();
                }

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
