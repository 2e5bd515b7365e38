using System;
using System.Net.Http;

namespace CodeLeakGuard.Masking.Http;

/// <summary>The AI API shapes the handler understands; anything else is blocked unless the policy allows pass-through.</summary>
public enum AiApi
{
    Unknown,

    /// <summary>Anthropic Messages: <c>POST /v1/messages</c>.</summary>
    AnthropicMessages,

    /// <summary>OpenAI Chat Completions: <c>POST /v1/chat/completions</c>.</summary>
    OpenAIChatCompletions,

    /// <summary>OpenAI Responses: <c>POST /v1/responses</c>.</summary>
    OpenAIResponses,
}

public static class AiApiDetector
{
    /// <summary>Judged by the path's ending, so proxies that add prefixes (<c>/openai/v1/...</c>) still match.</summary>
    public static AiApi Detect(HttpMethod method, string path)
    {
        if (method != HttpMethod.Post)
        {
            return AiApi.Unknown;
        }

        var trimmed = path.TrimEnd('/');
        if (trimmed.EndsWith("/messages", StringComparison.OrdinalIgnoreCase) && !trimmed.EndsWith("/threads/messages", StringComparison.OrdinalIgnoreCase))
        {
            return trimmed.EndsWith("/count_tokens", StringComparison.OrdinalIgnoreCase) ? AiApi.Unknown : AiApi.AnthropicMessages;
        }

        if (trimmed.EndsWith("/chat/completions", StringComparison.OrdinalIgnoreCase))
        {
            return AiApi.OpenAIChatCompletions;
        }

        return trimmed.EndsWith("/responses", StringComparison.OrdinalIgnoreCase) ? AiApi.OpenAIResponses : AiApi.Unknown;
    }

    public static bool IsAnthropic(AiApi api) => api == AiApi.AnthropicMessages;
}
