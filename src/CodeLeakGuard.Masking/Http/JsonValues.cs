using System;
using System.Linq;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CodeLeakGuard.Masking.Http;

/// <summary>
/// JSON values: reading JSON text that arrives inside a string, whether one holds text, renaming an object's keys, and
/// the strings of two texts of the same shape side by side.
/// </summary>
internal static class JsonValues
{
    /// <summary>
    /// For JSON written inside a string (tool-call arguments): only what JSON requires is escaped, so a placeholder's
    /// brackets stay <c>&lt;</c> and <c>&gt;</c> (escaped as <c>\u003C</c>, models copied them escaped) and text keeps its letters.
    /// </summary>
    public static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>JSON written inside a string (tool-call arguments), read as a JavaScript client writes it (<see cref="LoneSurrogates"/>).</summary>
    public static JsonNode? Parse(string json) => JsonNode.Parse(LoneSurrogates.Replace(json));

    /// <summary>
    /// Whether <paramref name="error"/> came from reading parsed JSON whose values are not what their places promise
    /// (a key twice, invalid UTF-8, a number where text belongs): JSON nodes are checked lazily, when read.
    /// </summary>
    public static bool IsShapeError(Exception error) => error is InvalidOperationException or ArgumentException or InvalidCastException or FormatException;

    /// <summary>Whether any string is in <paramref name="value"/> (flags, numbers and nulls cannot carry code).</summary>
    public static bool HoldsText(JsonNode? value) => value switch
    {
        JsonObject obj => obj.Any(p => HoldsText(p.Value)),
        JsonArray array => array.Any(HoldsText),
        JsonValue scalar => scalar.GetValueKind() == JsonValueKind.String,
        _ => false,
    };

    /// <summary>Renames the keys of <paramref name="obj"/> through <paramref name="rename"/>, keeping their order (rebuilt only when one changes).</summary>
    public static void RenameKeys(JsonObject obj, Func<string, string> rename)
    {
        var pairs = obj.ToList();
        var names = pairs.Select(p => rename(p.Key)).ToList();
        if (names.SequenceEqual(pairs.Select(p => p.Key), StringComparer.Ordinal))
        {
            return;
        }

        obj.Clear();
        for (var i = 0; i < pairs.Count; i++)
        {
            obj[names[i]] = pairs[i].Value;
        }
    }

    /// <summary>Calls <paramref name="pair"/> with each string value of <paramref name="first"/> and the one at the same place in <paramref name="second"/>; nothing when either is not JSON or their shapes differ.</summary>
    public static void Pair(string first, string second, Action<string, string> pair)
    {
        JsonNode? a, b;
        try
        {
            a = Parse(first);
            b = Parse(second);
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
