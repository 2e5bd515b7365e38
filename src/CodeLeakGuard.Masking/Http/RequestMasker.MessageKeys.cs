using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace CodeLeakGuard.Masking.Http;

/// <summary>
/// A message's keys beside its content and tool calls: text the model wrote there (a refusal, reasoning in the shapes
/// OpenAI-compatible APIs, routers and proxies use, the titles of web sources it cited) is masked; who speaks, ids and
/// flags pass; any other key holding text refuses the request (such a key had gone out as it was).
/// </summary>
public sealed partial class RequestMasker
{
    // A message's keys besides its content and tool calls: who speaks (a participant's or function's name), ids, flags.
    private static readonly HashSet<string> HarmlessMessageKeys = new(StringComparer.Ordinal) { "role", "name", "tool_call_id", "id", "type", "status", "audio", "prefix", "cache_control", "clear_at" };

    private static readonly string[] MessageTextKeys = { "refusal", "reasoning_content", "reasoning" };

    /// <summary>
    /// A message's other keys: text the model wrote beside its content (a refusal, the reasoning some OpenAI-compatible
    /// APIs return and clients send back) is masked, identifiers and flags pass, and any other key holding text is refused.
    /// </summary>
    private void MaskMessageKeys(JsonObject message, string contentKey)
    {
        foreach (var key in message.Select(p => p.Key).ToList())
        {
            if (key == contentKey || key is "tool_calls" or "function_call" || HarmlessMessageKeys.Contains(key))
            {
                continue;
            }

            if (Array.IndexOf(MessageTextKeys, key) >= 0)
            {
                MaskContent(message, key);
            }
            else if (key == "reasoning_details")
            {
                MaskReasoningDetails(message[key]);
            }
            else if (key == "thinking_blocks" && message[key] is JsonArray blocks)
            {
                foreach (var block in blocks)
                {
                    MaskBlock(block); // Anthropic thinking blocks, as OpenAI-compatible proxies (LiteLLM) carry them
                }
            }
            else if (key == "output_config" && message[key] is JsonObject config)
            {
                MaskOutputSchema(config["format"]); // a system message's own output settings (Anthropic beta)
            }
            else if (key == "annotations")
            {
                MaskUrlCitations(message[key]);
            }
            else if (JsonValues.HoldsText(message[key]))
            {
                throw new MaskingRefusedException($"messages with '{key}' are not understood, so they are not sent");
            }
        }
    }

    /// <summary>
    /// The reasoning OpenAI-compatible routers (OpenRouter) return as a list and clients send back: its text and
    /// summaries are masked; what the model's provider signed or encrypted passes as it is.
    /// </summary>
    private void MaskReasoningDetails(JsonNode? details)
    {
        foreach (var detail in Items(details))
        {
            Allow(detail, "type", "id", "format", "index", "text", "summary", "signature", "data");
            MaskContent(detail, "text");
            MaskContent(detail, "summary");
        }
    }
}
