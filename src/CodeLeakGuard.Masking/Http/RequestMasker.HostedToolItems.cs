using System;
using System.Linq;
using System.Text.Json.Nodes;

namespace CodeLeakGuard.Masking.Http;

/// <summary>
/// Responses API items of the tools OpenAI runs itself (web search, file search, code interpreter, remote MCP
/// servers), which stateless clients send back with the conversation: queries, code, logs, tool arguments and
/// outputs are masked; ids, statuses and URLs pass; anything else holding text is refused.
/// </summary>
public sealed partial class RequestMasker
{
    private static readonly string[] HostedToolItemTypes =
    {
        "web_search_call", "file_search_call", "code_interpreter_call", "mcp_call", "mcp_list_tools", "mcp_approval_request", "mcp_approval_response",
        "image_generation_call",
    };

    /// <summary>Masks a hosted tool's item; returns the keys it handled (the caller refuses any other).</summary>
    private string[] MaskHostedToolItem(string type, JsonObject item)
    {
        switch (type)
        {
            case "web_search_call":
                if (item["action"] is JsonObject action)
                {
                    Allow(action, "type", "query", "queries", "sources", "url", "pattern");
                    MaskStrings(action, "query", "queries", "pattern");
                    RequireUrlsOnly(action["sources"]);
                }

                return new[] { "action" };
            case "file_search_call":
                MaskStrings(item, "queries");
                foreach (var result in Items(item["results"]))
                {
                    Allow(result, "file_id", "filename", "score", "text", "attributes");
                    MaskStrings(result, "filename", "text", "attributes");
                }

                return new[] { "queries", "results" };
            case "code_interpreter_call":
                MaskContent(item, "code");
                foreach (var output in Items(item["outputs"]))
                {
                    Allow(output, "type", "logs", "url");
                    MaskContent(output, "logs");
                }

                return new[] { "code", "outputs", "container_id" };
            case "mcp_call" or "mcp_approval_request":
                MaskArguments(item, "arguments");
                MaskContent(item, "output");
                MaskContent(item, "error");
                return new[] { "arguments", "output", "error", "server_label", "approval_request_id" };
            case "mcp_approval_response":
                MaskContent(item, "reason");
                return new[] { "reason", "approve", "approval_request_id" };
            case "mcp_list_tools":
                MaskTools(item["tools"]);
                MaskContent(item, "error");
                return new[] { "tools", "error", "server_label" };
            case "image_generation_call": // the image the model made: sent back only where images may pass
                PassImage(type, textCannotReplace: true);
                MaskContent(item, "revised_prompt");
                return new[] { "result", "revised_prompt", "output_format", "size", "quality", "background" };
            default:
                throw new ArgumentOutOfRangeException(nameof(type), type, "not a hosted tool's item");
        }
    }

    // String values under each key (a string, a list of them, or an object of them) masked as text.
    private void MaskStrings(JsonObject owner, params string[] keys)
    {
        foreach (var key in keys.Where(owner.ContainsKey))
        {
            MaskJsonStrings(owner, key);
        }
    }

    private static void RequireUrlsOnly(JsonNode? sources)
    {
        foreach (var source in Items(sources))
        {
            Allow(source, "type", "url");
        }
    }
}
