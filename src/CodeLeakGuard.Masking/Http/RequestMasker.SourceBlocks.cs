using System;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CodeLeakGuard.Masking.Http;

/// <summary>
/// Content blocks that carry sources (Anthropic): documents with a text source, search results, and the results of
/// the provider's own web search and web fetch tools, which clients send back with the conversation. Their text is
/// masked; what the provider encrypted, and URLs it found, pass; a source that is not text (a PDF, an image, a file
/// id) cannot be masked and is refused.
/// </summary>
public sealed partial class RequestMasker
{
    /// <summary>Masks a source-carrying block; returns the keys it handled (the caller refuses any other).</summary>
    private string[] MaskSourceBlock(string type, JsonObject block)
    {
        switch (type)
        {
            case "document":
                MaskDocumentSource(block["source"]);
                RequireNoText(type, block, "citations"); // {"enabled": true}: a setting
                return Mask(block, "title", "context").Concat(new[] { "source", "citations" }).ToArray();
            case "search_result":
                RequireNoText(type, block, "citations");
                return Mask(block, "source", "title", "content").Concat(new[] { "citations" }).ToArray();
            case "web_search_tool_result":
                foreach (var result in Items(block["content"]))
                {
                    // The result's page is the provider's encrypted_content; its title is shown to the model as text.
                    Allow(result, "type", "url", "title", "encrypted_content", "page_age", "error_code");
                    MaskContent(result, "title");
                }

                return new[] { "content" };
            case "web_fetch_tool_result":
                foreach (var result in Items(block["content"]))
                {
                    Allow(result, "type", "url", "retrieved_at", "content", "error_code");
                    if (result["content"] is not null)
                    {
                        MaskBlock(result["content"]); // a document
                    }
                }

                return new[] { "content" };
            default:
                throw new ArgumentOutOfRangeException(nameof(type), type, "not a source-carrying block");
        }
    }

    private void MaskDocumentSource(JsonNode? source)
    {
        var kind = (source as JsonObject)?["type"] is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
        switch (kind)
        {
            case "text":
                Allow(source!.AsObject(), "type", "media_type", "data");
                MaskContent(source.AsObject(), "data");
                break;
            case "content":
                Allow(source!.AsObject(), "type", "content");
                MaskContent(source.AsObject(), "content");
                break;
            default:
                throw new MaskingRefusedException($"documents with a '{kind ?? "(none)"}' source cannot be masked; only text documents are sent");
        }
    }

    // A result list, or a single result (an error) as the list of it.
    private static JsonObject[] Items(JsonNode? content) => content switch
    {
        JsonArray list => list.Select(item => item as JsonObject ?? throw new MaskingRefusedException("a tool result entry is not an object")).ToArray(),
        JsonObject single => new[] { single },
        null => Array.Empty<JsonObject>(),
        _ => throw new MaskingRefusedException("a tool result's content has a shape that cannot be masked"),
    };

    private static void Allow(JsonObject obj, params string[] keys)
    {
        var unknown = obj.Select(p => p.Key).FirstOrDefault(key => Array.IndexOf(keys, key) < 0);
        if (unknown is not null)
        {
            throw new MaskingRefusedException($"'{obj["type"]?.ToString() ?? "(none)"}' entries with '{unknown}' are not understood, so they are not sent");
        }
    }

    private static void RequireNoText(string type, JsonObject block, string key)
    {
        if (JsonValues.HoldsText(block[key]))
        {
            throw new MaskingRefusedException($"content blocks of type '{type}' with text in '{key}' are not understood, so they are not sent");
        }
    }
}
