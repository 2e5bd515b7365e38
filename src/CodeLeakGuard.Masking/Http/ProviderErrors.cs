using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json.Nodes;

namespace CodeLeakGuard.Masking.Http;

/// <summary>Errors in the provider's own format, so SDKs and assistants show them as they show the provider's errors.</summary>
public static class ProviderErrors
{
    public const string BlockedHeader = "x-codeleakguard-blocked";

    public static HttpResponseMessage Create(AiApi api, HttpStatusCode status, string errorType, string message, bool anthropicHint = false)
    {
        var response = new HttpResponseMessage(status)
        {
            Content = new StringContent(Body(api, errorType, message, anthropicHint), Encoding.UTF8, "application/json"),
        };
        response.Headers.TryAddWithoutValidation(BlockedHeader, "true");
        return response;
    }

    /// <summary>
    /// An error as a server-sent event of the provider's stream, for failures after the answer has started: Anthropic
    /// and the Responses API define an <c>error</c> event; Chat Completions streams carry an <c>error</c> object.
    /// </summary>
    public static string StreamError(AiApi api, string errorType, string message)
    {
        var text = "CodeLeakGuard: " + message;
        return api switch
        {
            AiApi.AnthropicMessages => "event: error\ndata: " + new JsonObject { ["type"] = "error", ["error"] = new JsonObject { ["type"] = errorType, ["message"] = text } }.ToJsonString() + "\n\n",
            AiApi.OpenAIResponses => "event: error\ndata: " + new JsonObject { ["type"] = "error", ["code"] = "codeleakguard_" + errorType, ["message"] = text, ["param"] = null }.ToJsonString() + "\n\n",
            _ => "data: " + new JsonObject { ["error"] = new JsonObject { ["message"] = text, ["type"] = errorType, ["param"] = null, ["code"] = "codeleakguard_" + errorType } }.ToJsonString() + "\n\n",
        };
    }

    public static string Body(AiApi api, string errorType, string message, bool anthropicHint = false) =>
        AiApiDetector.IsAnthropic(api) || anthropicHint
            ? new JsonObject { ["type"] = "error", ["error"] = new JsonObject { ["type"] = errorType, ["message"] = "CodeLeakGuard: " + message } }.ToJsonString()
            : new JsonObject { ["error"] = new JsonObject { ["message"] = "CodeLeakGuard: " + message, ["type"] = errorType, ["param"] = null, ["code"] = "codeleakguard_" + errorType } }.ToJsonString();
}
