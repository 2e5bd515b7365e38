using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CodeLeakGuard.Masking.Http;

namespace CodeLeakGuard.Gateway;

/// <summary>
/// Which conversation a request belongs to, so the same real name keeps the same pseudonym for a whole conversation.
/// The rule, in order: the conversation of the answer a request continues from (the Responses API's
/// <c>previous_response_id</c>, an Anthropic server-held thread's <c>previous_message_id</c>); the
/// <c>x-codeleakguard-conversation</c> header when the client sends one; for the Responses API, the provider-stored
/// <c>conversation</c> it names (as do the
/// Conversations API's own requests, in their path; a conversation created through the gateway keeps the session that
/// masked its first items); otherwise a hash of the caller's credential, the system prompt
/// (or instructions) and the first user message — which every later request of a chat repeats; a text completion (a
/// code-completion plugin's) is a conversation of its own; all embeddings of a credential share one (so an index and its
/// queries use the same pseudonyms), and so do all its moderation checks. Different credentials never share a session.
/// </summary>
public static class ConversationKeys
{
    public const string Header = "x-codeleakguard-conversation";

    public static string Derive(AiApi api, JsonObject body, string path, string? explicitKey, string? credential)
    {
        var owner = Hash(credential ?? string.Empty);
        if (!string.IsNullOrWhiteSpace(explicitKey))
        {
            return owner + ":h:" + explicitKey!.Trim();
        }

        if (StoredConversation(api, body, path) is { } conversation)
        {
            return owner + ":v:" + conversation; // each request sends only its new items: the provider holds the rest
        }

        var anchor = new StringBuilder();
        switch (api)
        {
            case AiApi.AnthropicMessages:
                anchor.Append(body["system"]?.ToJsonString()).Append('|').Append(FirstMessage(body["messages"], "user"));
                break;
            case AiApi.OpenAIChatCompletions:
                anchor.Append(FirstMessage(body["messages"], "system") ?? FirstMessage(body["messages"], "developer")).Append('|').Append(FirstMessage(body["messages"], "user"));
                break;
            case AiApi.OpenAIResponses:
                anchor.Append(body["instructions"]?.ToJsonString()).Append('|').Append(FirstInput(body["input"]));
                break;
            case AiApi.OpenAIEmbeddings: // one session for all: a name has one pseudonym in every chunk indexed and every query
                anchor.Append("embeddings");
                break;
            case AiApi.OpenAIModerations: // one session for all: nothing comes back to unmask, so none is kept per check
                anchor.Append("moderations");
                break;
            case AiApi.OpenAIConversations: // a new conversation: its id comes with the answer, and is remembered then
                anchor.Append(Guid.NewGuid());
                break;
            case AiApi.AnthropicMessageBatches: // each batch is masked in a session of its own
            case AiApi.OpenAICompletions:
                anchor.Append(body.ToJsonString()); // each completion, or batch, stands alone
                break;
        }

        return owner + ":c:" + Hash(anchor.ToString());
    }

    /// <summary>
    /// The answer a request continues from, whose conversation it belongs to: the Responses API's
    /// <c>previous_response_id</c>, or an Anthropic server-held thread's <c>thread.previous_message_id</c>; null if none.
    /// </summary>
    public static string? PreviousAnswer(AiApi api, JsonObject body) => (api switch
    {
        AiApi.OpenAIResponses => body["previous_response_id"],
        AiApi.AnthropicMessages => (body["thread"] as JsonObject)?["previous_message_id"],
        _ => null,
    }) is JsonValue id && id.GetValueKind() == JsonValueKind.String ? id.GetValue<string>() : null;

    /// <summary>
    /// The provider-stored conversation a request continues: the Responses API's <c>conversation</c> (an id, or an
    /// object with one), the conversation a Conversations API path names, or the stored chat completion one updates;
    /// null if none.
    /// </summary>
    public static string? StoredConversation(AiApi api, JsonObject body, string path) => api switch
    {
        AiApi.OpenAIResponses => body["conversation"] switch
        {
            JsonValue id when id.GetValueKind() == JsonValueKind.String => id.GetValue<string>(),
            JsonObject obj when obj["id"]?.GetValueKind() == JsonValueKind.String => obj["id"]!.GetValue<string>(),
            _ => null,
        },
        AiApi.OpenAIConversations => AiApiDetector.ConversationId(path),
        AiApi.OpenAIChatCompletions => AiApiDetector.StoredChatCompletionId(path), // a stored completion's update
        _ => null,
    };

    private static string? FirstMessage(JsonNode? messages, string role) =>
        (messages as JsonArray)?.OfType<JsonObject>().FirstOrDefault(m => m["role"]?.GetValueKind() == JsonValueKind.String && m["role"]!.GetValue<string>() == role)?["content"]?.ToJsonString();

    private static string? FirstInput(JsonNode? input) => input switch
    {
        JsonValue value => value.ToJsonString(),
        JsonArray items => items.FirstOrDefault()?.ToJsonString(),
        _ => null,
    };

    private static string Hash(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)), 0, 16);
}
