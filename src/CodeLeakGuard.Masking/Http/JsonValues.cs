using System;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CodeLeakGuard.Masking.Http;

/// <summary>The string values of JSON: whether a value holds any, and those of two texts of the same shape side by side.</summary>
internal static class JsonValues
{
    /// <summary>Whether any string is in <paramref name="value"/> (flags, numbers and nulls cannot carry code).</summary>
    public static bool HoldsText(JsonNode? value) => value switch
    {
        JsonObject obj => obj.Any(p => HoldsText(p.Value)),
        JsonArray array => array.Any(HoldsText),
        JsonValue scalar => scalar.GetValueKind() == JsonValueKind.String,
        _ => false,
    };

    /// <summary>Calls <paramref name="pair"/> with each string value of <paramref name="first"/> and the one at the same place in <paramref name="second"/>; nothing when either is not JSON or their shapes differ.</summary>
    public static void Pair(string first, string second, Action<string, string> pair)
    {
        JsonNode? a, b;
        try
        {
            a = JsonNode.Parse(first);
            b = JsonNode.Parse(second);
        }
        catch (JsonException)
        {
            return;
        }

        Walk(a, b, pair);
    }

    private static void Walk(JsonNode? a, JsonNode? b, Action<string, string> pair)
    {
        switch (a)
        {
            case JsonObject objectA when b is JsonObject objectB:
                foreach (var property in objectA)
                {
                    if (objectB.TryGetPropertyValue(property.Key, out var valueB))
                    {
                        Walk(property.Value, valueB, pair);
                    }
                }

                break;
            case JsonArray arrayA when b is JsonArray arrayB && arrayA.Count == arrayB.Count:
                for (var i = 0; i < arrayA.Count; i++)
                {
                    Walk(arrayA[i], arrayB[i], pair);
                }

                break;
            case JsonValue valueA when valueA.GetValueKind() == JsonValueKind.String && b is JsonValue valueB && valueB.GetValueKind() == JsonValueKind.String:
                pair(valueA.GetValue<string>(), valueB.GetValue<string>());
                break;
        }
    }
}
