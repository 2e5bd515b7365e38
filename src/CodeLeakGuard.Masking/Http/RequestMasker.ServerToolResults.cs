using System.Text.Json.Nodes;

namespace CodeLeakGuard.Masking.Http;

/// <summary>
/// The results of the tools Anthropic runs itself (web search and fetch, code execution, its text editor, tool search, the advisor)
/// and of MCP servers it calls, which clients send back with the conversation: their text (titles, fetched documents,
/// output, file views) is masked; what the provider encrypted, the URLs it found, ids and counts pass; a result of a
/// kind not listed here, or an entry key not understood, refuses the request.
/// </summary>
public sealed partial class RequestMasker
{
    /// <summary>Masks a server tool's result block; returns the keys it handled (the caller refuses any other).</summary>
    private string[] MaskServerToolResult(string type, JsonObject block)
    {
        switch (type)
        {
            case "mcp_tool_result":
                MaskAsFileOfCall(block["tool_use_id"], () => MaskContent(block, "content"));
                return new[] { "content" };
            case "web_search_tool_result":
                foreach (var result in Items(block["content"]))
                {
                    // The page itself is the provider's encrypted_content; its title is shown to the model as text.
                    Allow(result, "type", "url", "title", "encrypted_content", "page_age", "error_code");
                    MaskContent(result, "title");
                }

                return new[] { "content" };
            case "web_fetch_tool_result":
                foreach (var result in Items(block["content"]))
                {
                    Allow(result, "type", "url", "retrieved_at", "content", "error_code");
                    if (result["content"] is not null)
                    {
                        MaskBlock(result["content"]); // a document
                    }
                }

                return new[] { "content" };
            case "code_execution_tool_result" or "bash_code_execution_tool_result":
                foreach (var result in Items(block["content"]))
                {
                    Allow(result, "type", "stdout", "stderr", "return_code", "content", "error_code");
                    MaskStrings(result, "stdout", "stderr");
                    foreach (var file in Items(result["content"]))
                    {
                        Allow(file, "type", "file_id");
                    }
                }

                return new[] { "content" };
            case "text_editor_code_execution_tool_result":
                foreach (var result in Items(block["content"]))
                {
                    Allow(result, "type", "content", "file_type", "num_lines", "start_line", "total_lines", "is_file_update",
                        "lines", "new_lines", "new_start", "old_lines", "old_start", "error_code", "error_message");
                    MaskStrings(result, "content", "lines", "error_message");
                }

                return new[] { "content" };
            case "tool_search_tool_result":
                foreach (var result in Items(block["content"]))
                {
                    Allow(result, "type", "tool_references", "error_code");
                    foreach (var reference in Items(result["tool_references"]))
                    {
                        Allow(reference, "type", "tool_name");
                        MaskNameAt(reference, "tool_name"); // as the tool's definition names it
                    }
                }

                return new[] { "content" };
            case "advisor_tool_result": // a stronger model's advice, as text
                foreach (var result in Items(block["content"]))
                {
                    Allow(result, "type", "text", "error_code");
                    MaskContent(result, "text");
                }

                return new[] { "content" };
            default:
                throw new MaskingRefusedException($"content of type '{type}' cannot be masked; it is not sent");
        }
    }
}
