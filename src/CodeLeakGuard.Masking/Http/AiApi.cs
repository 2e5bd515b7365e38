using System;
using System.Net.Http;

namespace CodeLeakGuard.Masking.Http;

/// <summary>The AI API shapes the handler understands; anything else is blocked unless the policy allows pass-through.</summary>
public enum AiApi
{
    Unknown,

    /// <summary>
    /// Anthropic Messages: <c>POST /v1/messages</c>, and its token count (<c>/v1/messages/count_tokens</c>, the same
    /// body); Claude on Google Vertex AI too (<c>.../publishers/anthropic/models/{model}:rawPredict</c> or
    /// <c>:streamRawPredict</c>: the same body, its model in the path).
    /// </summary>
    AnthropicMessages,

    /// <summary>OpenAI Chat Completions: <c>POST /v1/chat/completions</c>, and a stored completion's update (<c>POST /v1/chat/completions/{id}</c>).</summary>
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

    /// <summary>
    /// Text completions, as code-completion plugins send them: OpenAI's legacy <c>POST /v1/completions</c> and the
    /// fill-in-the-middle <c>/v1/fim/completions</c> (a file's text before the cursor as <c>prompt</c>, after it as
    /// <c>suffix</c>). Answers are choices of <c>text</c> (or, FIM, chat-style content), whole or streamed.
    /// </summary>
    OpenAICompletions,

    /// <summary>
    /// A stored answer read back by its id — an OpenAI response (<c>GET /v1/responses/{id}</c>, polled in background
    /// mode or streamed again, and its <c>input_items</c>), an OpenAI conversation (<c>GET /v1/conversations/{id}</c>,
    /// its <c>items</c>, one item), a stored chat completion (<c>GET /v1/chat/completions/{id}</c>, its <c>messages</c>,
    /// the list) or an Anthropic message batch (its status, and its <c>results</c> as JSON lines) —
    /// or cancelled, deleted or listed: nothing is sent but ids, and the answer is unmasked in the session that masked
    /// the request which made it.
    /// </summary>
    StoredAnswer,

    /// <summary>
    /// Anthropic Message Batches: <c>POST /v1/messages/batches</c>, a list of Messages bodies (each request's
    /// <c>params</c>), all masked in one session, the batch's, which its results are unmasked in.
    /// </summary>
    AnthropicMessageBatches,

    /// <summary>
    /// Embeddings: <c>POST /v1/embeddings</c> (OpenAI's shape, which Azure OpenAI, Mistral, Voyage and local servers
    /// share), as code-search indexers send every chunk of a code base. Each <c>input</c> text is masked; the answer is
    /// vectors, with no text to unmask, and passes as it is.
    /// </summary>
    OpenAIEmbeddings,

    /// <summary>
    /// OpenAI Conversations, the provider-stored conversations the Responses API's <c>conversation</c> continues:
    /// <c>POST /v1/conversations</c> (created, with first items), <c>POST /v1/conversations/{id}/items</c> (items added)
    /// and <c>POST /v1/conversations/{id}</c> (its metadata updated). Items are masked as Responses input items, in the
    /// conversation's session; reading items back or deleting is a <see cref="StoredAnswer"/>.
    /// </summary>
    OpenAIConversations,

    /// <summary>
    /// Moderations: <c>POST /v1/moderations</c>, which applications call on a user's text before sending it to a
    /// model. The input (a text, texts, or text and image parts) is masked; the answer is flags and scores.
    /// </summary>
    OpenAIModerations,
}

public static class AiApiDetector
{
    /// <summary>Judged by the path's ending, so proxies that add prefixes (<c>/openai/v1/...</c>) still match.</summary>
    public static AiApi Detect(HttpMethod method, string path)
    {
        var trimmed = path.TrimEnd('/');
        if (StoredAnswerId(method, trimmed) is not null
            || (method == HttpMethod.Get && (trimmed.EndsWith("/messages/batches", StringComparison.OrdinalIgnoreCase) || trimmed.EndsWith("/chat/completions", StringComparison.OrdinalIgnoreCase))))
        {
            return AiApi.StoredAnswer;
        }

        if (method == HttpMethod.Post && trimmed.EndsWith("/messages/batches", StringComparison.OrdinalIgnoreCase))
        {
            return AiApi.AnthropicMessageBatches;
        }

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

        if ((trimmed.EndsWith("/messages", StringComparison.OrdinalIgnoreCase) && !trimmed.EndsWith("/threads/messages", StringComparison.OrdinalIgnoreCase))
            || IsClaudeOnVertex(trimmed))
        {
            return AiApi.AnthropicMessages;
        }

        if (trimmed.EndsWith("/conversations", StringComparison.OrdinalIgnoreCase) || ConversationId(trimmed) is not null)
        {
            return AiApi.OpenAIConversations;
        }

        if (trimmed.EndsWith("/embeddings", StringComparison.OrdinalIgnoreCase))
        {
            return AiApi.OpenAIEmbeddings;
        }

        if (trimmed.EndsWith("/moderations", StringComparison.OrdinalIgnoreCase))
        {
            return AiApi.OpenAIModerations;
        }

        if (trimmed.EndsWith("/chat/completions", StringComparison.OrdinalIgnoreCase) || StoredChatCompletionId(trimmed) is not null)
        {
            return AiApi.OpenAIChatCompletions; // a stored completion's metadata updated: the same body keys, only metadata set
        }

        if (trimmed.EndsWith("/completions", StringComparison.OrdinalIgnoreCase))
        {
            return AiApi.OpenAICompletions;
        }

        return trimmed.EndsWith("/responses", StringComparison.OrdinalIgnoreCase)
            || trimmed.EndsWith("/responses/input_tokens", StringComparison.OrdinalIgnoreCase)
            || trimmed.EndsWith("/responses/compact", StringComparison.OrdinalIgnoreCase)
                ? AiApi.OpenAIResponses
                : AiApi.Unknown;
    }

    public static bool IsAnthropic(AiApi api) => api is AiApi.AnthropicMessages or AiApi.AnthropicMessageBatches;

    /// <summary>The model a path names, where the body does not (Vertex AI: <c>.../models/{model}:streamRawPredict</c>); else null.</summary>
    public static string? ModelInPath(string path)
    {
        var start = path.LastIndexOf("/models/", StringComparison.OrdinalIgnoreCase);
        var colon = start < 0 ? -1 : path.IndexOf(':', start);
        return colon < 0 ? null : path.Substring(start + "/models/".Length, colon - start - "/models/".Length);
    }

    /// <summary>The id of the stored chat completion a path names (<c>.../chat/completions/{id}</c>), or null.</summary>
    public static string? StoredChatCompletionId(string path)
    {
        var segments = path.TrimEnd('/').Split('/');
        var n = segments.Length;
        return n >= 3 && segments[n - 1].Length > 0 && segments[n - 2].Equals("completions", StringComparison.OrdinalIgnoreCase)
            && segments[n - 3].Equals("chat", StringComparison.OrdinalIgnoreCase) ? segments[n - 1] : null;
    }

    /// <summary>
    /// The id of the provider-stored conversation a path names — <c>.../conversations/{id}</c>,
    /// <c>.../conversations/{id}/items</c> or <c>.../conversations/{id}/items/{item}</c> — or null.
    /// </summary>
    public static string? ConversationId(string path)
    {
        var segments = path.TrimEnd('/').Split('/');
        for (var i = segments.Length - 2; i >= Math.Max(0, segments.Length - 4); i--)
        {
            var tail = segments.Length - i - 2; // segments after the id: none, "items", or "items/{item}"
            if (segments[i].Equals("conversations", StringComparison.OrdinalIgnoreCase) && segments[i + 1].Length > 0
                && (tail == 0 || segments[i + 2].Equals("items", StringComparison.OrdinalIgnoreCase)))
            {
                return segments[i + 1];
            }
        }

        return null;
    }

    /// <summary>
    /// The id of the stored answer (an OpenAI response or conversation, an Anthropic message batch) a request reads,
    /// cancels or deletes; null when it is no such request.
    /// </summary>
    public static string? StoredAnswerId(HttpMethod method, string path)
    {
        if ((method == HttpMethod.Get || method == HttpMethod.Delete) && ConversationId(path) is { } conversation)
        {
            return conversation; // a conversation, its items or one item: read back in the conversation's session
        }

        var segments = path.TrimEnd('/').Split('/');
        var n = segments.Length;
        bool Is(int i, string name) => i >= 0 && segments[i].Equals(name, StringComparison.OrdinalIgnoreCase);
        bool Store(int i) => Is(i, "responses") || (Is(i, "batches") && Is(i - 1, "messages")) || (Is(i, "completions") && Is(i - 1, "chat"));
        if ((method == HttpMethod.Get || method == HttpMethod.Delete) && n >= 2 && Store(n - 2) && segments[n - 1].Length > 0
            && !Is(n - 1, "input_tokens") && !Is(n - 1, "compact"))
        {
            return segments[n - 1];
        }

        if (n >= 3 && segments[n - 2].Length > 0 && Store(n - 3)
            && ((method == HttpMethod.Post && Is(n - 1, "cancel") && !Is(n - 3, "completions"))
                || (method == HttpMethod.Get && Is(n - 1, Is(n - 3, "batches") ? "results" : Is(n - 3, "completions") ? "messages" : "input_items"))))
        {
            return segments[n - 2];
        }

        return null;
    }

    // Vertex AI serves Claude at ".../publishers/anthropic/models/{model}:rawPredict" (whole) or ":streamRawPredict"
    // (server-sent events), token counts at ".../models/count-tokens:rawPredict": all in the Messages shape. (Bedrock signs
    // each body with SigV4, so a masked body could not be sent there: it stays blocked.)
    private static bool IsClaudeOnVertex(string path)
    {
        var model = path.LastIndexOf("/publishers/anthropic/models/", StringComparison.OrdinalIgnoreCase);
        return model >= 0 && path.IndexOf('/', model + "/publishers/anthropic/models/".Length) < 0
            && (path.EndsWith(":rawPredict", StringComparison.OrdinalIgnoreCase) || path.EndsWith(":streamRawPredict", StringComparison.OrdinalIgnoreCase));
    }

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
