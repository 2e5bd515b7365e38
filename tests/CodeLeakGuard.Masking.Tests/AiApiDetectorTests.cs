using CodeLeakGuard.Masking.Http;

namespace CodeLeakGuard.Masking.Tests;

/// <summary>Which requests the handler masks (by the body shape they share), passes (model lists, stored responses read back) or blocks.</summary>
public class AiApiDetectorTests
{
    [Theory]
    [InlineData("POST", "/v1/messages", AiApi.AnthropicMessages)]
    [InlineData("POST", "/anthropic/v1/messages/count_tokens/", AiApi.AnthropicMessages)]
    [InlineData("POST", "/v1/projects/p1/locations/us-east5/publishers/anthropic/models/claude-sonnet-4-5@20250929:streamRawPredict", AiApi.AnthropicMessages)]
    [InlineData("POST", "/v1/projects/p1/locations/global/publishers/anthropic/models/count-tokens:rawPredict", AiApi.AnthropicMessages)]
    [InlineData("POST", "/v1/projects/p1/locations/us-central1/publishers/google/models/gemini-2.5-pro:streamGenerateContent", AiApi.Unknown)]
    [InlineData("POST", "/v1/projects/p1/locations/us-east5/publishers/anthropic/models/claude:predict", AiApi.Unknown)]
    [InlineData("POST", "/model/anthropic.claude-sonnet-4-5-v1:0/invoke", AiApi.Unknown)]
    [InlineData("POST", "/v1/embeddings", AiApi.OpenAIEmbeddings)]
    [InlineData("POST", "/openai/deployments/embed-small/embeddings", AiApi.OpenAIEmbeddings)]
    [InlineData("GET", "/v1/embeddings", AiApi.Unknown)]
    [InlineData("POST", "/v1/messages/batches", AiApi.AnthropicMessageBatches)]
    [InlineData("GET", "/v1/messages/batches", AiApi.StoredAnswer)]
    [InlineData("GET", "/v1/messages/batches/msgbatch_1", AiApi.StoredAnswer)]
    [InlineData("GET", "/v1/messages/batches/msgbatch_1/results", AiApi.StoredAnswer)]
    [InlineData("POST", "/v1/messages/batches/msgbatch_1/cancel", AiApi.StoredAnswer)]
    [InlineData("GET", "/v1/messages/batches/msgbatch_1/input_items", AiApi.Unknown)]
    [InlineData("POST", "/v1/threads/messages", AiApi.Unknown)]
    [InlineData("POST", "/v1/chat/completions", AiApi.OpenAIChatCompletions)]
    [InlineData("POST", "/v1/completions", AiApi.OpenAICompletions)]
    [InlineData("POST", "/v1/fim/completions", AiApi.OpenAICompletions)]
    [InlineData("GET", "/v1/chat/completions", AiApi.StoredAnswer)]
    [InlineData("GET", "/v1/chat/completions/chatcmpl-1", AiApi.StoredAnswer)]
    [InlineData("GET", "/v1/chat/completions/chatcmpl-1/messages", AiApi.StoredAnswer)]
    [InlineData("DELETE", "/v1/chat/completions/chatcmpl-1", AiApi.StoredAnswer)]
    [InlineData("POST", "/v1/chat/completions/chatcmpl-1/cancel", AiApi.Unknown)]
    [InlineData("GET", "/v1/chat/completions/chatcmpl-1/input_items", AiApi.Unknown)]
    [InlineData("POST", "/openai/v1/responses", AiApi.OpenAIResponses)]
    [InlineData("POST", "/v1/responses/input_tokens", AiApi.OpenAIResponses)]
    [InlineData("POST", "/v1/responses/compact", AiApi.OpenAIResponses)]
    [InlineData("POST", "/v1/responses/resp_1/cancel", AiApi.StoredAnswer)]
    [InlineData("GET", "/openai/v1/responses/resp_1", AiApi.StoredAnswer)]
    [InlineData("GET", "/v1/responses/resp_1/input_items", AiApi.StoredAnswer)]
    [InlineData("DELETE", "/v1/responses/resp_1", AiApi.StoredAnswer)]
    [InlineData("GET", "/v1/responses/resp_1/cancel", AiApi.Unknown)]
    [InlineData("GET", "/v1/responses", AiApi.Unknown)]
    [InlineData("GET", "/v1/responses/input_tokens", AiApi.Unknown)]
    [InlineData("POST", "/v1/responses/resp_1", AiApi.Unknown)]
    [InlineData("POST", "/v1/moderations", AiApi.OpenAIModerations)]
    [InlineData("GET", "/v1/moderations", AiApi.Unknown)]
    [InlineData("POST", "/v1/conversations", AiApi.OpenAIConversations)]
    [InlineData("POST", "/v1/conversations/conv_1", AiApi.OpenAIConversations)]
    [InlineData("POST", "/v1/conversations/conv_1/items", AiApi.OpenAIConversations)]
    [InlineData("GET", "/v1/conversations/conv_1", AiApi.StoredAnswer)]
    [InlineData("GET", "/v1/conversations/conv_1/items", AiApi.StoredAnswer)]
    [InlineData("GET", "/v1/conversations/conv_1/items/msg_1", AiApi.StoredAnswer)]
    [InlineData("DELETE", "/v1/conversations/conv_1/items/msg_1", AiApi.StoredAnswer)]
    [InlineData("DELETE", "/v1/conversations/conv_1", AiApi.StoredAnswer)]
    [InlineData("GET", "/v1/conversations", AiApi.Unknown)]
    [InlineData("POST", "/v1/conversations/conv_1/other", AiApi.Unknown)]
    [InlineData("GET", "/v1/models", AiApi.ModelList)]
    [InlineData("GET", "/v1/models/ft:gpt-4.1:contoso::abc123", AiApi.ModelList)]
    [InlineData("GET", "/v1/models/a/b", AiApi.Unknown)]
    [InlineData("POST", "/v1/models", AiApi.Unknown)]
    [InlineData("DELETE", "/v1/models/ft:gpt-4.1:contoso::abc123", AiApi.Unknown)]
    [InlineData("GET", "/v1/files", AiApi.Unknown)]
    [InlineData("GET", "/v1/messages", AiApi.Unknown)]
    public void Detects_the_api_by_method_and_path_ending(string method, string path, AiApi expected) =>
        Assert.Equal(expected, AiApiDetector.Detect(new HttpMethod(method), path));

    [Theory]
    [InlineData("/v1/conversations/conv_1", "conv_1")]
    [InlineData("/openai/v1/conversations/conv_1/items/", "conv_1")]
    [InlineData("/v1/conversations/conv_1/items/msg_1", "conv_1")]
    [InlineData("/v1/conversations", null)]
    [InlineData("/v1/conversations/conv_1/other", null)]
    [InlineData("/v1/responses/resp_1", null)]
    public void The_stored_conversation_a_path_names_is_found(string path, string? conversation) =>
        Assert.Equal(conversation, AiApiDetector.ConversationId(path));

    [Theory]
    [InlineData("/v1/projects/p1/locations/us-east5/publishers/anthropic/models/claude-sonnet-4-5@20250929:streamRawPredict", "claude-sonnet-4-5@20250929")]
    [InlineData("/v1/messages", null)]
    [InlineData("/v1/models/gpt-4.1", null)]
    public void The_model_a_path_names_is_found_where_the_body_has_none(string path, string? model) =>
        Assert.Equal(model, AiApiDetector.ModelInPath(path));
}
