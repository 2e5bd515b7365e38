using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Nodes;
using CodeLeakGuard.Policy;

namespace CodeLeakGuard.Masking.Http;

/// <summary>
/// Images in a request (a pasted screenshot, a tool's screenshot in its result): they cannot be masked, so by the
/// policy's <c>set images=</c> the request is refused (the default), each image is replaced by a short text saying it
/// was withheld, or images pass as they are.
/// </summary>
public sealed partial class RequestMasker
{
    /// <summary>The text that stands in for a withheld image (no code-like word in it, so masking leaves it as it is).</summary>
    public const string WithheldImageText = "[image withheld: images cannot be masked, so this one was not sent]";

    // Each API's image block, and the text block that takes its place in the same list.
    private static readonly Dictionary<string, string> TextBlockInPlaceOfImage = new(StringComparer.Ordinal)
    {
        ["image"] = "text", // Anthropic
        ["image_url"] = "text", // Chat Completions
        ["input_image"] = "input_text", // Responses
    };

    /// <summary>What to do with images; the handler sets it from its options (the policy's <c>set images=</c>).</summary>
    public ImageHandling Images { get; set; } = ImageHandling.Refuse;

    /// <summary>The text block to send instead of <paramref name="node"/> when it is an image to withhold; else null.</summary>
    private JsonObject? InPlaceOfImage(JsonNode? node)
    {
        if (Images != ImageHandling.Withhold || node is not JsonObject block || block["type"] is not JsonValue type
            || type.GetValueKind() != JsonValueKind.String || !TextBlockInPlaceOfImage.TryGetValue(type.GetValue<string>(), out var textType))
        {
            return null;
        }

        Count("image withheld");
        return new JsonObject { ["type"] = textType, ["text"] = WithheldImageText };
    }

    /// <summary>An image block where it cannot be replaced: passed when the policy says so (its keys returned), else refused.</summary>
    /// <param name="textCannotReplace">Whether the image stands where no text can (a computer-use screenshot): then withholding cannot help.</param>
    private string[] PassImage(string type, bool textCannotReplace = false)
    {
        if (Images == ImageHandling.Refuse && !textCannotReplace)
        {
            throw new MaskingRefusedException(
                $"an image ('{type}') cannot be masked, so the request is not sent (with 'set images=withhold' in the policy it is sent without its images)");
        }

        if (Images != ImageHandling.Pass)
        {
            throw new MaskingRefusedException($"an image ('{type}') cannot be masked and stands where no text can take its place, so the request is not sent (only 'set images=pass' in the policy lets it go)");
        }

        if (_collector is null) // counted in the masking pass only (the first pass over a body only gathers its texts)
        {
            Count("image passed");
        }

        return new[] { "source", "image_url", "file_id", "detail" };
    }
}
