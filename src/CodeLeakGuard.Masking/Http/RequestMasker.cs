using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using CodeLeakGuard.Masking.Proprietary;
using CodeLeakGuard.Secrets;

namespace CodeLeakGuard.Masking.Http;

/// <summary>
/// Masks every text of a request body that the model will read — system prompts, message content as strings and as
/// content blocks, tool definitions, tool calls (their JSON arguments, string by string) and tool results — in the
/// Anthropic Messages, OpenAI Chat Completions and OpenAI Responses shapes, with the provider's own output and tool
/// results that clients send back (the other parts of this class). A content block, entry or message key it does not
/// know, or cannot mask (an image, a PDF, a file id), refuses the request: fail closed.
/// </summary>
public sealed partial class RequestMasker
{
    private static readonly HashSet<string> TextBlockTypes = new(StringComparer.Ordinal) { "text", "input_text", "output_text", "summary_text", "reasoning_text" };

    // What the provider wrote and reads back as it is, by block type: redacted thinking and encrypted reasoning (opaque
    // to everyone else, made from the masked conversation), and the log-probabilities of its own output.
    private static readonly Dictionary<string, string[]> OpaqueKeysByType = new(StringComparer.Ordinal)
    {
        ["redacted_thinking"] = new[] { "data" },
        ["reasoning"] = new[] { "encrypted_content" },
        ["output_text"] = new[] { "logprobs" },
        ["compaction"] = new[] { "encrypted_content", "created_by" },
    };

    // Where tools name the file they read (Claude Code, Codex, Cursor-style tools, MCP file servers).
    private static readonly HashSet<string> PathKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        "file_path", "filePath", "filepath", "path", "filename", "file", "target_file", "notebook_path", "absolute_path", "relative_path", "uri",
    };

    // Where tools take a shell command (Claude Code's Bash, Codex's shell, local_shell_call's action).
    private static readonly string[] CommandKeys = { "command", "cmd", "commands", "script" };

    private static readonly char[] CommandSeparators = { ' ', '\t', '\n', '\r', '\'', '"', ';', '|', '&', '<', '>', '(', ')', '`', '=' };

    private static readonly HashSet<string> HarmlessBlockKeys = new(StringComparer.Ordinal) { "type", "cache_control", "id", "tool_use_id", "call_id", "name", "status", "role", "is_error", "index", "signature", "caller" };

    private readonly IConversationMasker _masker;
    private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);

    // The file each tool call named (null: none), by call id: its result holds that file, for the policy's proprietary
    // path rules. Filled by the first pass over the body; the masking pass finds every call already read.
    private readonly Dictionary<string, string?> _toolPaths = new(StringComparer.Ordinal);

    // The proprietary file a shell command reads (cat, sed -n, rg in a covered folder), by call id: its output only.
    private readonly Dictionary<string, string> _commandPaths = new(StringComparer.Ordinal);
    private string? _path;
    private (SessionMasker Session, LexAhead? Ahead)? _collector;
    private LexAhead? _ahead;

    public RequestMasker(IConversationMasker masker) => _masker = masker;

    /// <summary>What was masked, by category, across the whole body.</summary>
    public IReadOnlyDictionary<string, int> Counts => _counts;

    public string? Model { get; private set; }

    /// <summary>The masked texts escaped ahead for the body (null if none were): the caller writes the body with them, then disposes them.</summary>
    internal PreEscapedStrings? PreEscaped { get; private set; }

    public void Mask(AiApi api, JsonObject body)
    {
        Model = body["model"]?.GetValueKind() == JsonValueKind.String ? body["model"]!.GetValue<string>() : null;
        if (_masker is SessionMasker session)
        {
            var ahead = session.LexAhead();
            // A first pass only gathers the texts (and refuses a shape it cannot mask before anything is masked), so
            // their code can be lexed on another core, from the first texts on, while this thread masks them in order.
            _collector = (session, ahead);
            try
            {
                MaskShape(api, body);
            }
            catch
            {
                ahead?.Stop();
                ahead?.Escapes.Dispose(); // so the worker does not wait for texts to escape
                throw;
            }
            finally
            {
                _collector = null;
            }

            _ahead = ahead?.AllAdded() == true ? ahead : null;
        }

        try
        {
            StartNameOrderCheck();
            MaskShape(api, body);
            NameWordsLaterTextsTaught();
            PassedValueSecrets.Check(body, SecretScanner.For((_masker as SessionMasker)?.Session.Options.Policy));
            PreEscaped = _ahead?.Escapes;
        }
        catch
        {
            _ahead?.Escapes.Dispose();
            throw;
        }
        finally
        {
            _ahead?.Stop();
            _ahead = null;
        }
    }

    private void MaskShape(AiApi api, JsonObject body)
    {
        switch (api)
        {
            case AiApi.AnthropicMessages:
                MaskContent(body, "system");
                MaskMessages(body["messages"], "content");
                MaskTools(body["tools"]);
                MaskToolChoice(body["tool_choice"]);
                MaskOutputSchema(Object(body["output_config"], "output_config")?["format"]); // structured outputs
                MaskOutputSchema(body["output_format"]); // the same, as its beta named it
                MaskContextManagement(body["context_management"]);
                if (body["compaction"] is JsonObject compaction)
                {
                    MaskContent(compaction, "instructions"); // a compaction request's own summarization prompt
                }
                break;
            case AiApi.OpenAIChatCompletions:
                MaskMessages(body["messages"], "content");
                MaskTools(body["tools"]);
                MaskTools(body["functions"]);
                MaskToolChoice(body["tool_choice"]);
                MaskToolChoice(body["function_call"]);
                MaskResponseFormat(Object(body["response_format"], "response_format"));
                if (body["prediction"] is JsonObject prediction)
                {
                    MaskContent(prediction, "content"); // a predicted output: usually the file being edited
                }

                break;
            case AiApi.AnthropicMessageBatches:
                foreach (var batched in Items(body["requests"]))
                {
                    Allow(batched, "custom_id", "params");
                    MaskShape(AiApi.AnthropicMessages, batched["params"] as JsonObject ?? throw new MaskingRefusedException("a batched request has no params to mask"));
                }

                break;
            case AiApi.OpenAICompletions:
                MaskPrompt(body, "prompt");
                MaskContent(body, "suffix");
                break;
            case AiApi.OpenAIEmbeddings:
                MaskPrompt(body, "input");
                break;
            case AiApi.OpenAIModerations when body["input"] is JsonArray parts && parts.Any(part => part is JsonObject):
                MaskContent(body, "input"); // text and image parts, as a chat message's content
                break;
            case AiApi.OpenAIModerations:
                MaskPrompt(body, "input");
                break;
            case AiApi.OpenAIConversations:
                MaskContent(body, "items"); // Responses input items, stored for the conversation's later turns
                break;
            case AiApi.OpenAIResponses:
                MaskContent(body, "instructions");
                MaskContent(body, "input");
                MaskTextSettings(Object(body["text"], "the text settings"));
                MaskPromptVariables((body["prompt"] as JsonObject)?["variables"]);
                MaskTools(body["tools"]);
                MaskToolChoice(body["tool_choice"]);
                break;
            default:
                throw new MaskingRefusedException("this request shape is not understood, so it cannot be masked");
        }

        MaskOtherTopLevelKeys(api, body);
    }

    private void MaskMessages(JsonNode? messages, string contentKey)
    {
        if (messages is null)
        {
            return;
        }

        if (messages is not JsonArray array)
        {
            throw new MaskingRefusedException("'messages' is not an array");
        }

        foreach (var message in array)
        {
            if (message is not JsonObject item)
            {
                throw new MaskingRefusedException("a message is not an object");
            }

            CheckRole(item);

            if (item["role"]?.GetValueKind() == JsonValueKind.String && item["role"]!.GetValue<string>() == "tool")
            {
                MaskAsFileOfCall(item["tool_call_id"], () => MaskContent(item, contentKey));
            }
            else
            {
                MaskContent(item, contentKey);
            }

            MaskToolCalls(item["tool_calls"]);
            MaskFunctionCall(item["function_call"]);
            MaskMessageKeys(item, contentKey);
        }
    }

    /// <summary>A content value: a string, a list of blocks, or (Responses input) a list of items.</summary>
    private void MaskContent(JsonObject owner, string key)
    {
        var value = owner[key];
        switch (value)
        {
            case null:
                return;
            case JsonValue when value.GetValueKind() == JsonValueKind.String:
                owner[key] = MaskText(value.GetValue<string>(), masked => owner[key] = masked);
                return;
            case JsonValue when value.GetValueKind() == JsonValueKind.Null:
                return;
            case JsonArray blocks:
                for (var i = 0; i < blocks.Count; i++)
                {
                    if (InPlaceOfImage(blocks[i]) is { } text)
                    {
                        blocks[i] = text;
                    }

                    MaskBlock(blocks[i]);
                }

                return;
            default:
                throw new MaskingRefusedException($"'{key}' has a shape that cannot be masked");
        }
    }

    private void MaskBlock(JsonNode? node)
    {
        if (node is JsonValue value && value.GetValueKind() == JsonValueKind.String)
        {
            throw new MaskingRefusedException("a bare string inside a content list cannot be masked in place");
        }

        if (node is not JsonObject block)
        {
            throw new MaskingRefusedException("a content block is not an object");
        }

        CheckRole(block); // a Responses input item says whose message it is

        var type = block["type"]?.GetValueKind() == JsonValueKind.String ? block["type"]!.GetValue<string>() : null;
        string[] masked; // the keys masked here: any other key must be harmless, or the provider's own for this type
        switch (type)
        {
            case { } t when TextBlockTypes.Contains(t):
                MaskContent(block, "text");
                MaskCitations(block["citations"]); // the sources an answer quoted, sent back with it
                MaskAnnotations(block["annotations"]);
                masked = new[] { "text", "citations", "annotations" };
                break;
            case "tool_use" or "server_tool_use":
                RecordToolPath(block["id"], block["input"]);
                MaskNameAt(block);
                MaskAsFileOfCall(block["id"], () => MaskToolInput(block, "input"), input: true); // an edit's text, a file written
                masked = new[] { "input" };
                break;
            case "tool_result":
                MaskAsFileOfCall(block["tool_use_id"], () => MaskContent(block, "content"));
                masked = new[] { "content" };
                break;
            case "function_call":
                RecordToolPath(block["call_id"], block["arguments"]);
                MaskNameAt(block);
                MaskAsFileOfCall(block["call_id"], () => MaskArguments(block, "arguments"), input: true);
                masked = new[] { "arguments" };
                break;
            case "function_call_output":
                MaskAsFileOfCall(block["call_id"], () => MaskContent(block, "output"));
                masked = new[] { "output" };
                break;
            case "message" or null when block.ContainsKey("content"):
                masked = Mask(block, "content");
                break;
            case "thinking":
                masked = Mask(block, "thinking");
                break;
            case "redacted_thinking" or "item_reference":
                masked = Array.Empty<string>();
                break;
            case "container_upload": // a file for the code execution tool, by id: nothing to mask
                masked = new[] { "file_id" };
                break;
            case "fallback": // the provider switched models mid-answer: model names and a category, no text
                foreach (var entry in new[] { block["from"], block["to"], block["trigger"] }.OfType<JsonObject>())
                {
                    Allow(entry, "model", "type", "category");
                }

                masked = new[] { "from", "to", "trigger" };
                break;
            case "mcp_tool_listing": // the tools an MCP server offered, as the model read them
                MaskTools(block["tools"]);
                masked = new[] { "tools", "mcp_server_name" };
                break;
            case "tool_reference": // a tool a client-side tool search found, in its tool result
                MaskNameAt(block, "tool_name");
                masked = new[] { "tool_name" };
                break;
            case "reasoning":
                masked = Mask(block, "summary", "content");
                break;
            case "custom_tool_call":
                MaskNameAt(block);
                masked = Mask(block, "input");
                break;
            case "custom_tool_call_output":
                masked = Mask(block, "output");
                break;
            case { } t when Array.IndexOf(HostedToolItemTypes, t) >= 0:
                masked = MaskHostedToolItem(t, block);
                break;
            case { } t when Array.IndexOf(LocalToolItemTypes, t) >= 0:
                masked = MaskLocalToolItem(t, block);
                break;
            case "refusal":
                masked = Mask(block, "refusal");
                break;
            case { } t when TextBlockInPlaceOfImage.ContainsKey(t):
                masked = PassImage(t);
                break;
            case "document" or "search_result":
                masked = MaskSourceBlock(type, block);
                break;
            case { } t when t.EndsWith("_tool_result", StringComparison.Ordinal) && t != "tool_result":
                masked = MaskServerToolResult(t, block);
                break;
            case "mcp_tool_use":
                RecordToolPath(block["id"], block["input"]);
                MaskAsFileOfCall(block["id"], () => MaskToolInput(block, "input"), input: true);
                masked = new[] { "input", "server_name" };
                break;
            case "compaction":
                // A compacted conversation: Anthropic's holds the model's summary (text, which goes back as the model
                // wrote it) beside opaque data; OpenAI's only the encrypted item. Tool changes are not understood.
                masked = block["tool_changes"] is null or JsonArray { Count: 0 } ? new[] { "content", "tool_changes" } : new[] { "content" };
                MaskContent(block, "content");
                break;
            default:
                throw new MaskingRefusedException($"content of type '{type ?? "(none)"}' cannot be masked; it is not sent");
        }

        var opaque = type is not null && OpaqueKeysByType.TryGetValue(type, out var keys) ? keys : Array.Empty<string>();
        Allow(block, $"content blocks of type '{type ?? "(none)"}'", key => HarmlessBlockKeys.Contains(key) || Array.IndexOf(masked, key) >= 0 || Array.IndexOf(opaque, key) >= 0);
    }

    // A list of entries (tool results, citations, reasoning parts), or a single entry (an error) as the list of it.
    private static JsonObject[] Items(JsonNode? content) => content switch
    {
        JsonArray list => list.Select(item => item as JsonObject ?? throw new MaskingRefusedException("a list entry is not an object, so it cannot be masked")).ToArray(),
        JsonObject single => new[] { single },
        null => Array.Empty<JsonObject>(),
        _ => throw new MaskingRefusedException("a list of entries has a shape that cannot be masked"),
    };

    /// <summary>An entry may carry only <paramref name="keys"/>: one with another key is refused (it might carry text unmasked).</summary>
    private static void Allow(JsonObject entry, params string[] keys) =>
        Allow(entry, $"'{entry["type"]?.ToString() ?? "(none)"}' entries", key => Array.IndexOf(keys, key) >= 0);

    private static void Allow(JsonObject obj, string what, Func<string, bool> known)
    {
        var unknown = obj.Select(p => p.Key).FirstOrDefault(key => !known(key));
        if (unknown is not null)
        {
            throw new MaskingRefusedException($"{what} with '{unknown}' are not understood, so they are not sent");
        }
    }

    /// <summary>Masks each of <paramref name="keys"/> as content (a string or a list of blocks) and returns them.</summary>
    private string[] Mask(JsonObject block, params string[] keys)
    {
        foreach (var key in keys)
        {
            MaskContent(block, key);
        }

        return keys;
    }

    /// <summary>
    /// A completion's prompt: a text or a list of texts. A prompt of token ids (a list of numbers, or of lists of them)
    /// is the text encoded, which cannot be masked: refused.
    /// </summary>
    private void MaskPrompt(JsonObject body, string key)
    {
        if (body[key] is JsonArray prompts)
        {
            for (var i = 0; i < prompts.Count; i++)
            {
                if (prompts[i]?.GetValueKind() != JsonValueKind.String)
                {
                    throw new MaskingRefusedException($"'{key}' holds token ids, which cannot be masked; send it as text");
                }

                var index = i;
                prompts[i] = MaskText(prompts[i]!.GetValue<string>(), masked => prompts[index] = masked);
            }

            return;
        }

        MaskContent(body, key);
    }

    private void MaskToolCalls(JsonNode? toolCalls)
    {
        foreach (var call in List(toolCalls, "a message's tool calls"))
        {
            RecordToolPath(call["id"], Object(call["function"], "a tool call's function")?["arguments"]);
            MaskAsFileOfCall(call["id"], () => MaskFunctionCall(call["function"]), input: true);
            if (Object(call["custom"], "a custom tool call") is { } custom) // a custom tool's call: free-form input (a patch, a query)
            {
                MaskNameAt(custom);
                MaskContent(custom, "input");
                MaskOtherStrings(custom, "name", "input");
            }

            MaskOtherStrings(call, "id", "type", "index", "function", "custom");
        }
    }

    private void MaskFunctionCall(JsonNode? function)
    {
        if (Object(function, "a function call") is { } call)
        {
            MaskNameAt(call);
            MaskArguments(call, "arguments");
            MaskOtherStrings(call, "name", "arguments");
        }
    }

    /// <summary>Remembers the file a tool call names (its input, or its arguments as a JSON string), before the input is masked.</summary>
    private void RecordToolPath(JsonNode? id, JsonNode? input)
    {
        if (id is not JsonValue idValue || idValue.GetValueKind() != JsonValueKind.String || _toolPaths.ContainsKey(idValue.GetValue<string>()))
        {
            return;
        }

        _toolPaths[idValue.GetValue<string>()] = null;
        if (input is JsonValue arguments && arguments.GetValueKind() == JsonValueKind.String)
        {
            try
            {
                input = JsonValues.Parse(arguments.GetValue<string>());
            }
            catch (JsonException)
            {
                return;
            }
        }

        if (input is JsonObject fields)
        {
            var paths = fields.Where(f => PathKeys.Contains(f.Key) && f.Value?.GetValueKind() == JsonValueKind.String).Select(f => f.Value!.GetValue<string>()).ToList();
            if ((_masker as SessionMasker)?.Session.Options.Policy is not { HasProprietaryRules: true } policy)
            {
                _toolPaths[idValue.GetValue<string>()] = paths.FirstOrDefault();
                return;
            }

            // A call may name its working folder and its file: the one a proprietary path rule covers decides.
            _toolPaths[idValue.GetValue<string>()] = paths.FirstOrDefault(p => ProprietaryPaths.Covering(policy, p) is not null) ?? paths.FirstOrDefault();
            if ((paths.Select(p => ProprietaryPaths.CoveredFolder(policy, p)).FirstOrDefault(p => p is not null) ?? ProprietaryCommandPath(policy, fields)) is { } read)
            {
                _commandPaths[idValue.GetValue<string>()] = read; // a search in a covered folder, a command reading a covered file
            }
        }
    }

    // A shell command's words that name a file or folder a proprietary path rule covers: what it prints is that code.
    private static string? ProprietaryCommandPath(Policy.AiPolicy policy, JsonObject fields)
    {
        foreach (var key in CommandKeys)
        {
            var words = fields[key] switch
            {
                JsonValue value when value.GetValueKind() == JsonValueKind.String => new[] { value.GetValue<string>() },
                JsonArray items => items.Where(i => i?.GetValueKind() == JsonValueKind.String).Select(i => i!.GetValue<string>()),
                _ => Enumerable.Empty<string>(),
            };
            foreach (var word in words.SelectMany(w => w.Split(CommandSeparators, StringSplitOptions.RemoveEmptyEntries)))
            {
                if (word.IndexOf('/') >= 0 || word.IndexOf('\\') >= 0 || word.IndexOf('.') > 0)
                {
                    if (ProprietaryPaths.Covering(policy, word) is not null)
                    {
                        return word;
                    }

                    if (ProprietaryPaths.CoveredFolder(policy, word) is { } inFolder)
                    {
                        return inFolder;
                    }
                }
            }
        }

        return null;
    }

    /// <summary>
    /// Masks a tool call's input, or its output, as the file the call named, if it named one: what an edit or a write
    /// puts into a proprietary file is masked as the file is (its path itself as text).
    /// </summary>
    /// <param name="input">The call's own input: a covered folder it searches or a file its shell command reads counts for its output only.</param>
    private void MaskAsFileOfCall(JsonNode? callId, Action mask, bool input = false)
    {
        var key = callId is JsonValue id && id.GetValueKind() == JsonValueKind.String ? id.GetValue<string>() : null;
        MaskAsFile(
            key is null ? null
                : !input && _commandPaths.TryGetValue(key, out var read) ? read
                : _toolPaths.TryGetValue(key, out var path) ? path : null,
            mask);
    }

    /// <summary>Masks the texts <paramref name="mask"/> reaches as the file at <paramref name="path"/> holds them (null: no file).</summary>
    private void MaskAsFile(string? path, Action mask)
    {
        var outer = _path;
        _path = path;
        try
        {
            mask();
        }
        finally
        {
            _path = outer;
        }
    }

    /// <summary>Tool-call arguments travel as a JSON string: mask the strings inside it and write it back as JSON.</summary>
    private void MaskArguments(JsonObject owner, string key)
    {
        if (owner[key]?.GetValueKind() != JsonValueKind.String)
        {
            MaskToolInput(owner, key);
            return;
        }

        // Arguments the model wrote go back as it wrote them, spacing and all (re-serialised JSON would differ).
        if (_masker is SessionMasker session && session.IsRemembered(owner[key]!.GetValue<string>()))
        {
            owner[key] = MaskText(owner[key]!.GetValue<string>(), masked => owner[key] = masked);
            return;
        }

        JsonNode? parsed;
        try
        {
            parsed = JsonValues.Parse(owner[key]!.GetValue<string>());
        }
        catch (JsonException)
        {
            owner[key] = MaskText(owner[key]!.GetValue<string>(), masked => owner[key] = masked);
            return;
        }

        var holder = new JsonObject { ["value"] = parsed };
        Indirectly(() => MaskToolInput(holder, "value"));
        owner[key] = holder["value"]?.ToJsonString(JsonValues.Relaxed) ?? "null";
    }

    /// <summary>Every string value (not key) of a JSON value is masked: tool inputs are free-form.</summary>
    private void MaskJsonStrings(JsonObject owner, string key)
    {
        var value = owner[key];
        switch (value)
        {
            case JsonValue when value.GetValueKind() == JsonValueKind.String:
                owner[key] = MaskText(value.GetValue<string>(), masked => owner[key] = masked);
                break;
            case JsonObject obj:
                foreach (var property in obj.Select(p => p.Key).ToList())
                {
                    if (_path is not null && PathKeys.Contains(property))
                    {
                        MaskAsFile(null, () => MaskJsonStrings(obj, property)); // the path a call names is text, not the file's content
                    }
                    else
                    {
                        MaskJsonStrings(obj, property);
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    var holder = new JsonObject { ["item"] = array[i]?.DeepClone() };
                    Indirectly(() => MaskJsonStrings(holder, "item"));
                    array[i] = holder["item"]?.DeepClone();
                }

                break;
        }
    }

    private void Count(string category, int found = 1) => _counts[category] = (_counts.TryGetValue(category, out var count) ? count : 0) + found;

    private void Count(IReadOnlyDictionary<string, int> counts, int sign = 1)
    {
        foreach (var pair in counts)
        {
            Count(pair.Key, sign * pair.Value);
        }
    }

    /// <param name="place">Puts another masked form where the caller put the returned one (see <see cref="NameWordsLaterTextsTaught"/>).</param>
    private string MaskText(string text, Action<string>? place = null)
    {
        if (_collector is { } collector)
        {
            if (collector.Ahead is not null && !collector.Session.IsRemembered(text))
            {
                collector.Ahead.Add(text);
            }

            return text;
        }

        MaskedPrompt masked;
        if (_masker is SessionMasker session)
        {
            masked = session.Mask(text, _ahead, _path, out var isNew);
            if (isNew)
            {
                RecordMasked(session, text, masked, place);
            }
        }
        else
        {
            masked = _masker.Mask(text);
        }

        _ahead?.Escapes.Add(masked.Text);
        Count(masked.Counts);
        return masked.Text;
    }
}
