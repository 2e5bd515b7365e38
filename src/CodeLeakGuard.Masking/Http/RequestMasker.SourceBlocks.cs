using System;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CodeLeakGuard.Masking.Http;

/// <summary>
/// Content blocks that carry sources (Anthropic): documents with a text source and search results. Their text is
/// masked; a source that is not text (a PDF, an image, a file id) cannot be masked and is refused.
/// </summary>
public sealed partial class RequestMasker
{
    /// <summary>Masks a document or search result; returns the keys it handled (the caller refuses any other).</summary>
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

    private static void RequireNoText(string type, JsonObject block, string key)
    {
        if (JsonValues.HoldsText(block[key]))
        {
            throw new MaskingRefusedException($"content blocks of type '{type}' with text in '{key}' are not understood, so they are not sent");
        }
    }
}
