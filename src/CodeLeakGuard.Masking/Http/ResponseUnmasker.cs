using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CodeLeakGuard.Masking.Http;

/// <summary>
/// Restores real names in a whole (non-streamed) response: every string value in it is unmasked. Values the model
/// did not write (ids, model names) hold no pseudonyms, so unmasking leaves them as they are.
/// </summary>
public static class ResponseUnmasker
{
    public static void Unmask(JsonNode? node, IConversationMasker masker) => Unmask(node, masker, remember: true);

    /// <param name="remember">
    /// Whether a conversation that keeps answers (<see cref="IAnswerMemory"/>) remembers each string value as the model
    /// wrote it: yes for a whole answer; not for a stream's events, whose texts are remembered whole at their ends.
    /// </param>
    internal static void Unmask(JsonNode? node, IConversationMasker masker, bool remember)
    {
        var memory = remember ? masker as IAnswerMemory : null;
        Walk(node, masker, memory, keys: false);
    }

    /// <param name="keys">Whether object keys are unmasked too: inside a tool call's input, whose keys may be masked names.</param>
    private static void Walk(JsonNode? node, IConversationMasker masker, IAnswerMemory? memory, bool keys)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var key in obj.Select(p => p.Key).ToList())
                {
                    var value = obj[key];
                    if (IsOpaque(obj, key))
                    {
                        continue;
                    }

                    if (value is JsonValue && value.GetValueKind() == JsonValueKind.String)
                    {
                        var text = value.GetValue<string>();
                        var unmasked = UnmaskString(key, text, masker, memory);
                        obj[key] = unmasked;
                        if (key == "token" && unmasked != text && obj["bytes"] is JsonArray)
                        {
                            // A log-probability's token that was a whole pseudonym: its bytes spell the real name too.
                            obj["bytes"] = new JsonArray(Encoding.UTF8.GetBytes(unmasked).Select(b => (JsonNode)(int)b).ToArray());
                        }
                    }
                    else
                    {
                        Walk(value, masker, memory, keys || key == "input");
                    }
                }

                if (keys)
                {
                    JsonValues.RenameKeys(obj, masker.Unmask); // a tool input's keys (a name with a sensitive term was masked in the schema)
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is JsonValue value && value.GetValueKind() == JsonValueKind.String)
                    {
                        array[i] = UnmaskText(value.GetValue<string>(), masker, memory);
                    }
                    else
                    {
                        Walk(array[i], masker, memory, keys);
                    }
                }

                break;
        }
    }

    // The provider's own opaque data (a thinking block's signature, encrypted reasoning, redacted thinking) goes back
    // to it byte for byte: never unmasked, however much of it happens to look like a pseudonym.
    private static bool IsOpaque(JsonObject owner, string key) =>
        key is "signature" or "encrypted_content" or "encrypted_index"
        || (key == "data" && owner["type"] is JsonValue type && type.GetValueKind() == JsonValueKind.String && type.GetValue<string>() is "redacted_thinking" or "reasoning.encrypted");

    // Tool-call arguments are JSON inside a string: unmask the strings inside, keep it valid JSON.
    private static string UnmaskString(string key, string value, IConversationMasker masker, IAnswerMemory? memory)
    {
        if (key is "arguments" or "partial_json")
        {
            try
            {
                var parsed = JsonValues.Parse(value);
                Walk(parsed, masker, memory, keys: true);
                var unmasked = parsed?.ToJsonString(JsonValues.Relaxed) ?? value;
                memory?.Remember(value, unmasked); // whole, too: clients send arguments back as the string they got
                return unmasked;
            }
            catch (JsonException)
            {
                return UnmaskText(value, masker, memory);
            }
        }

        return UnmaskText(value, masker, memory);
    }

    private static string UnmaskText(string value, IConversationMasker masker, IAnswerMemory? memory)
    {
        var unmasked = masker.Unmask(value);
        memory?.Remember(value, unmasked);
        return unmasked;
    }
}
