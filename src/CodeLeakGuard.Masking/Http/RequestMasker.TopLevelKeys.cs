using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CodeLeakGuard.Masking.Http;

/// <summary>
/// A request's top-level keys beside the ones each shape masks: settings and ids pass; every string of any other key
/// (stop sequences, a parameter added after this was written) is masked as text, so nothing reaches the provider
/// unmasked because its key is new. Not refused: providers add parameters every month, and a refusal would
/// stop every client that sends one.
/// </summary>
public sealed partial class RequestMasker
{
    // The keys each shape masks itself (MaskShape).
    private static readonly Dictionary<AiApi, string[]> MaskedTopLevelKeys = new()
    {
        [AiApi.AnthropicMessages] = new[]
        {
            "system", "messages", "tools", "tool_choice", "output_config", "output_format", "context_management", "compaction",
        },
        [AiApi.OpenAIChatCompletions] = new[] { "messages", "tools", "functions", "tool_choice", "function_call", "response_format", "prediction" },
        [AiApi.AnthropicMessageBatches] = new[] { "requests" },
        [AiApi.OpenAICompletions] = new[] { "prompt", "suffix" },
        [AiApi.OpenAIEmbeddings] = new[] { "input" },
        [AiApi.OpenAIConversations] = new[] { "items" },
        [AiApi.OpenAIModerations] = new[] { "input" },
        [AiApi.OpenAIResponses] = new[] { "instructions", "input", "text", "prompt", "tools", "tool_choice" },
    };

    // Settings, flags and ids of either provider: nothing the model reads as text. Some hold words ("auto", "high",
    // "reasoning.encrypted_content") and ids (Claude Code's metadata.user_id, Codex's client_metadata) that must reach
    // the provider as they are: masked as text, an id's first word became a pseudonym.
    private static readonly HashSet<string> SettingKeys = new(StringComparer.Ordinal)
    {
        "model", "stream", "stream_options", "max_tokens", "max_completion_tokens", "max_output_tokens", "max_tool_calls",
        "temperature", "top_p", "top_k", "n", "seed", "presence_penalty", "frequency_penalty", "logit_bias", "logprobs",
        "top_logprobs", "parallel_tool_calls", "service_tier", "reasoning", "reasoning_effort", "verbosity", "thinking",
        "metadata", "client_metadata", "store", "background", "include", "truncation", "modalities", "audio", "container",
        "mcp_servers", "previous_response_id", "conversation", "prompt_cache_key", "prompt_cache_retention",
        "safety_identifier", "user", "anthropic_version", "anthropic_beta", "encoding_format", "dimensions",
        "input_type", "echo", "best_of", "inference_geo",
        "thread", "diagnostics", "fallbacks", "fallback_credit_token", "billing_policy", "speed", "user_profile_id",
        "workspace_id", "cache_control", // Anthropic's beta parameters (server-held threads, fallbacks, billing)
        "web_search_options", // OpenAI's search models: the search's size and the user's approximate location
        "provider", "models", "route", "transforms", "usage", // OpenRouter's routing: provider and model names
        "safety_settings", "cached_content", // Gemini's OpenAI-compatible API
        "keep_alive", "ttl", "draft_model", // local model servers (Ollama, LM Studio)
    };

    // Settings that are numbers or flags: passed as they are, so text there (a string, a list) is refused, not passed.
    private static readonly HashSet<string> NumberSettings = new(StringComparer.Ordinal)
    {
        "stream", "max_tokens", "max_completion_tokens", "max_output_tokens", "max_tool_calls", "temperature", "top_p", "top_k", "n",
        "seed", "presence_penalty", "frequency_penalty", "logprobs", "top_logprobs", "parallel_tool_calls", "store", "background",
        "dimensions", "best_of", "echo",
    };

    /// <summary>Masks every string under a top-level key that is neither masked by the shape nor a known setting.</summary>
    private void MaskOtherTopLevelKeys(AiApi api, JsonObject body)
    {
        var masked = MaskedTopLevelKeys.TryGetValue(api, out var keys) ? keys : Array.Empty<string>();
        foreach (var key in NumberSettings.Where(body.ContainsKey))
        {
            if (body[key]?.GetValueKind() is JsonValueKind.String or JsonValueKind.Object or JsonValueKind.Array)
            {
                throw new MaskingRefusedException($"'{key}' must be a number or true/false, so the request is not sent");
            }
        }

        MaskOtherStrings(body, key => Array.IndexOf(masked, key) >= 0 || SettingKeys.Contains(key));
    }
}
