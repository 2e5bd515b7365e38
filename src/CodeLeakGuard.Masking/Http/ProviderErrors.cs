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

    public static string Body(AiApi api, string errorType, string message, bool anthropicHint = false) =>
        api == AiApi.AnthropicMessages || anthropicHint
            ? new JsonObject { ["type"] = "error", ["error"] = new JsonObject { ["type"] = errorType, ["message"] = "CodeLeakGuard: " + message } }.ToJsonString()
            : new JsonObject { ["error"] = new JsonObject { ["message"] = "CodeLeakGuard: " + message, ["type"] = errorType, ["param"] = null, ["code"] = "codeleakguard_" + errorType } }.ToJsonString();
}
