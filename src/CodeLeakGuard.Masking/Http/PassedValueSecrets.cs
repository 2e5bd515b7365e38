using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CodeLeakGuard.Secrets;

namespace CodeLeakGuard.Masking.Http;

/// <summary>
/// The last check on a masked body: the values the handler sends as the client wrote them (ids, model names,
/// settings, metadata, a message's name) cannot be masked, since providers check their exact values, so a credential
/// among them refuses the request instead of reaching the provider. Such values are the ones still read from the
/// client's JSON document (every masked text is a new value). Not scanned: opaque payloads the provider made or that
/// are binary (signatures, encrypted reasoning, base64 data), and credentials meant for the provider to use (an MCP
/// server's token). Only credentials refuse: an e-mail address as a user id, a private address or a random-looking id
/// is no reason to.
/// </summary>
internal static class PassedValueSecrets
{
    // Between two values: no format's pattern runs across it (no word, whitespace or key characters).
    private const string Separator = "\n\u0000\n";

    private static readonly HashSet<string> OpaqueKeys = new(StringComparer.Ordinal) { "data", "encrypted_content", "file_data" };

    // Credentials a request carries for the provider to use, as it uses the request's own API key: an MCP server's
    // token (Anthropic's mcp_servers), a Responses mcp tool's authorization and headers.
    private static readonly HashSet<string> ProviderCredentialKeys = new(StringComparer.Ordinal) { "authorization_token", "authorization", "headers" };

    /// <summary>Throws <see cref="MaskingRefusedException"/> naming the first credential's kind and where it is (never its value).</summary>
    public static void Check(JsonNode body, SecretScanner scanner)
    {
        var values = new List<(JsonValue Value, int Start)>();
        var text = new StringBuilder();
        Collect(body, key: null, values, text);
        if (values.Count == 0)
        {
            return;
        }

        foreach (var match in scanner.Scan(text.ToString()))
        {
            if (match.Format.IsCredential)
            {
                var where = values[IndexOf(values, match.Start)].Value.GetPath();
                throw new MaskingRefusedException(
                    $"{where} holds a secret ({match.Kind}): it is a value sent as it is (an id, a setting or metadata, which providers read exactly), so it cannot be masked");
            }
        }
    }

    private static void Collect(JsonNode? node, string? key, List<(JsonValue Value, int Start)> values, StringBuilder text)
    {
        if (key is not null && ProviderCredentialKeys.Contains(key))
        {
            return;
        }

        switch (node)
        {
            case JsonObject obj:
                foreach (var property in obj)
                {
                    Collect(property.Value, property.Key, values, text);
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    Collect(item, key, values, text);
                }

                break;
            case JsonValue value when !IsOpaque(key) && value.TryGetValue<JsonElement>(out var element) && element.ValueKind == JsonValueKind.String:
                var passed = element.GetString()!;
                if (passed.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
                {
                    break; // an image or a file inline: base64, not text
                }

                values.Add((value, text.Length));
                text.Append(passed).Append(Separator);
                break;
        }
    }

    private static bool IsOpaque(string? key) =>
        key is not null && (OpaqueKeys.Contains(key) || key.EndsWith("signature", StringComparison.Ordinal)); // thinking's, Gemini's thought_signature

    private static int IndexOf(List<(JsonValue Value, int Start)> values, int position)
    {
        var low = 0;
        var high = values.Count - 1;
        while (low < high)
        {
            var middle = (low + high + 1) / 2;
            if (values[middle].Start <= position)
            {
                low = middle;
            }
            else
            {
                high = middle - 1;
            }
        }

        return low;
    }
}
