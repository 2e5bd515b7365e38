using System;
using System.Net.Http;

namespace CodeLeakGuard.Masking.Http;

/// <summary>The AI API shapes the handler understands; anything else is blocked unless the policy allows pass-through.</summary>
public enum AiApi
{
    Unknown,

    /// <summary>Anthropic Messages: <c>POST /v1/messages</c>, and its token count (<c>/v1/messages/count_tokens</c>, the same body).</summary>
    AnthropicMessages,

    /// <summary>OpenAI Chat Completions: <c>POST /v1/chat/completions</c>.</summary>
    OpenAIChatCompletions,

    /// <summary>
    /// OpenAI Responses: <c>POST /v1/responses</c>, and the two that take the same body: <c>/v1/responses/input_tokens</c>
    /// (a token count) and <c>/v1/responses/compact</c> (the conversation compacted into an encrypted item).
    /// </summary>
    OpenAIResponses,

    /// <summary>
    /// The model list of either provider: <c>GET /v1/models</c> and <c>GET /v1/models/{id}</c>. It carries no text, so
    /// nothing is masked; assistants ask for it at start-up.
    /// </summary>
    ModelList,
}

public static class AiApiDetector
{
    /// <summary>Judged by the path's ending, so proxies that add prefixes (<c>/openai/v1/...</c>) still match.</summary>
    public static AiApi Detect(HttpMethod method, string path)
    {
        var trimmed = path.TrimEnd('/');
        if (method == HttpMethod.Get)
        {
            return IsModelList(trimmed) ? AiApi.ModelList : AiApi.Unknown;
        }

        if (method != HttpMethod.Post)
        {
            return AiApi.Unknown;
        }

        if (trimmed.EndsWith("/messages/count_tokens", StringComparison.OrdinalIgnoreCase))
        {
            trimmed = trimmed.Substring(0, trimmed.Length - "/count_tokens".Length);
        }

        if (trimmed.EndsWith("/messages", StringComparison.OrdinalIgnoreCase) && !trimmed.EndsWith("/threads/messages", StringComparison.OrdinalIgnoreCase))
        {
            return AiApi.AnthropicMessages;
        }

        if (trimmed.EndsWith("/chat/completions", StringComparison.OrdinalIgnoreCase))
        {
            return AiApi.OpenAIChatCompletions;
        }

        return trimmed.EndsWith("/responses", StringComparison.OrdinalIgnoreCase)
            || trimmed.EndsWith("/responses/input_tokens", StringComparison.OrdinalIgnoreCase)
            || trimmed.EndsWith("/responses/compact", StringComparison.OrdinalIgnoreCase)
                ? AiApi.OpenAIResponses
                : AiApi.Unknown;
    }

    public static bool IsAnthropic(AiApi api) => api == AiApi.AnthropicMessages;

    // ".../models", or ".../models/{id}" with one segment after it (a fine-tune's id may hold colons, never a slash).
    private static bool IsModelList(string path)
    {
        if (path.EndsWith("/models", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var lastSlash = path.LastIndexOf('/');
        return lastSlash > 0 && lastSlash < path.Length - 1
            && path.Substring(0, lastSlash).EndsWith("/models", StringComparison.OrdinalIgnoreCase);
    }
}
