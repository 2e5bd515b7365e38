using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CodeLeakGuard.Masking.Http;

/// <summary>
/// Restores real names in a whole (non-streamed) response: every string value in it is unmasked. Values the model
/// did not write (ids, model names) hold no pseudonyms, so unmasking leaves them as they are.
/// </summary>
public static class ResponseUnmasker
{
    public static void Unmask(JsonNode? node, IConversationMasker masker)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var key in obj.Select(p => p.Key).ToList())
                {
                    var value = obj[key];
                    if (value is JsonValue && value.GetValueKind() == JsonValueKind.String)
                    {
                        obj[key] = UnmaskString(key, value.GetValue<string>(), masker);
                    }
                    else
                    {
                        Unmask(value, masker);
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is JsonValue value && value.GetValueKind() == JsonValueKind.String)
                    {
                        array[i] = masker.Unmask(value.GetValue<string>());
                    }
                    else
                    {
                        Unmask(array[i], masker);
                    }
                }

                break;
        }
    }

    // Tool-call arguments are JSON inside a string: unmask the strings inside, keep it valid JSON.
    private static string UnmaskString(string key, string value, IConversationMasker masker)
    {
        if (key is "arguments" or "partial_json")
        {
            try
            {
                var parsed = JsonNode.Parse(value);
                Unmask(parsed, masker);
                return parsed?.ToJsonString() ?? value;
            }
            catch (JsonException)
            {
                return masker.Unmask(value);
            }
        }

        return masker.Unmask(value);
    }
}
