using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace CodeLeakGuard.Benchmarks;

/// <summary>
/// A ~100 KB request as a coding agent sends it through the gateway (the Anthropic Messages shape Claude Code uses): a
/// system prompt of instructions, tool definitions with their JSON schemas, and a session in which the agent reads
/// source files from the benchmark corpus — tool results holding numbered listings without Markdown fences, as agents
/// send them — and writes prose about each before reading the next. The texts are this project's own.
/// </summary>
internal static class AgentWorkload
{
    private const string SystemPrompt = """
        You are a coding agent working in the user's repository through the tools below. Read before you edit: open
        every file you intend to change and the callers of any member whose signature you touch. Prefer small,
        reviewable edits over rewrites, and keep the public API stable unless the user asks otherwise.

        When a task has more than three steps, keep a todo list and mark each item done as soon as it is finished.
        Run the project's tests after each change that affects behaviour; if a test fails, read its output before
        changing code again, and never delete or weaken a test to make it pass.

        Answer concisely. Quote file paths with line numbers (src/Billing/Invoice.cs:42) so the user can jump to them.
        Do not invent APIs: when unsure whether a method exists, search for it. Never print secrets you come across in
        configuration files, and do not commit or push unless the user asks you to.

        The repository is a .NET solution. Build with `dotnet build`, test with `dotnet test`, and format with
        `dotnet format` before you report a change as done. Treat warnings in files you touched as errors.
        """;

    private static readonly (string Name, string Description, (string Name, string Description)[] Parameters)[] Tools =
    [
        ("Read", "Reads a file from the local filesystem and returns its lines numbered from 1, as `cat -n` prints them. Use an absolute path. Long files can be read in parts with an offset and a limit; lines longer than 2000 characters are cut.",
            [("file_path", "The absolute path of the file to read"), ("offset", "The line to start reading from"), ("limit", "How many lines to read")]),
        ("Edit", "Replaces exact text in a file. The old text must appear exactly once unless replace_all is set; include enough surrounding lines to make it unique. Read the file first: an edit to a file not read in this session fails.",
            [("file_path", "The absolute path of the file to change"), ("old_string", "The text to replace, exactly as it appears"), ("new_string", "The text to put in its place"), ("replace_all", "Replace every occurrence")]),
        ("Write", "Writes a whole file, replacing it if it exists. Prefer Edit for changes to existing files; use Write for new files only.",
            [("file_path", "The absolute path of the file to write"), ("content", "The full content of the file")]),
        ("Bash", "Runs a shell command in the repository and returns its output and exit code. Commands time out after two minutes unless a longer timeout is given. Quote paths that contain spaces; avoid interactive commands.",
            [("command", "The command to run"), ("timeout", "A timeout in milliseconds, at most ten minutes"), ("description", "What the command does, in five to ten words")]),
        ("Grep", "Searches file contents with a regular expression (ripgrep syntax) and returns matching files, lines or counts. Filter with a glob or a file type; use multiline mode for patterns that span lines.",
            [("pattern", "The regular expression to search for"), ("path", "The file or directory to search in"), ("glob", "Only files whose names match this glob"), ("output_mode", "files_with_matches, content or count")]),
        ("Glob", "Finds files whose paths match a glob pattern such as src/**/*.cs, sorted by modification time. Use it to find files by name; use Grep to find them by content.",
            [("pattern", "The glob pattern to match"), ("path", "The directory to search in")]),
        ("TodoWrite", "Creates and updates the task list for the current session. Each item has a description, a status (pending, in_progress, completed) and an active form shown while it is being worked on. Keep exactly one item in progress.",
            [("todos", "The updated list of items")]),
        ("WebFetch", "Fetches a URL and answers a question about its content. Only public documentation pages; never send repository content to it.",
            [("url", "The URL to fetch"), ("prompt", "What to find out from the page")]),
    ];

    public static byte[] Request(int targetBytes)
    {
        var files = MaskingCorpus.Files().Where(f => f.Length is > 2_000 and < 9_000).ToArray();
        var messages = new JsonArray
        {
            new JsonObject { ["role"] = "user", ["content"] = "The invoice export is slow on large accounts. Find where the time goes and propose a fix; do not change the public API." },
        };
        var body = new JsonObject
        {
            ["model"] = "claude-sonnet-4-5",
            ["max_tokens"] = 32_000,
            ["stream"] = false,
            ["system"] = new JsonArray(new JsonObject { ["type"] = "text", ["text"] = SystemPrompt, ["cache_control"] = new JsonObject { ["type"] = "ephemeral" } }),
            ["tools"] = new JsonArray(Tools.Select(Tool).ToArray()),
            ["messages"] = messages,
        };
        var previous = (Type: "the export entry point", Member: "Run");
        for (var i = 0; Encoding.UTF8.GetByteCount(body.ToJsonString()) < targetBytes; i++)
        {
            var code = files[i % files.Length];
            var type = Regex.Match(code, @"\b(?:class|struct|interface|enum)\s+([A-Z]\w+)").Groups[1].Value;
            var member = Regex.Match(code, @"\b(?:public|internal|private)\s+[\w<>\[\],]+\s+([A-Z]\w+)\s*\(").Groups[1].Value;
            var id = $"toolu_{i:D4}";
            messages.Add(new JsonObject
            {
                ["role"] = "assistant",
                ["content"] = new JsonArray(
                    new JsonObject
                    {
                        ["type"] = "text",
                        ["text"] = $"{previous.Type}.{previous.Member} allocates a new buffer per line and sorts the whole list twice. " +
                                   $"Before changing it I'll read {type}, which it calls for every row.",
                    },
                    new JsonObject { ["type"] = "tool_use", ["id"] = id, ["name"] = "Read", ["input"] = new JsonObject { ["file_path"] = $"/home/dev/repo/src/Export/{type}.cs" } }),
            });
            messages.Add(new JsonObject
            {
                ["role"] = "user",
                ["content"] = new JsonArray(new JsonObject { ["type"] = "tool_result", ["tool_use_id"] = id, ["content"] = Numbered(code) }),
            });
            previous = (type, member);
        }

        messages.Add(new JsonObject { ["role"] = "assistant", ["content"] = $"{previous.Type}.{previous.Member} is the hot path: it rebuilds its lookup on every call. Shall I cache it?" });
        messages.Add(new JsonObject { ["role"] = "user", ["content"] = "Yes, go ahead." });
        return Encoding.UTF8.GetBytes(body.ToJsonString());
    }

    private static JsonNode Tool((string Name, string Description, (string Name, string Description)[] Parameters) tool)
    {
        var properties = new JsonObject();
        foreach (var (name, description) in tool.Parameters)
        {
            properties[name] = new JsonObject { ["type"] = "string", ["description"] = description };
        }

        return new JsonObject
        {
            ["name"] = tool.Name,
            ["description"] = tool.Description,
            ["input_schema"] = new JsonObject { ["type"] = "object", ["properties"] = properties, ["required"] = new JsonArray(tool.Parameters[0].Name) },
        };
    }

    // As agents return a file read: each line after its number, right-aligned in six columns, and an arrow.
    private static string Numbered(string code)
    {
        var listing = new StringBuilder();
        var lines = code.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            listing.Append((i + 1).ToString().PadLeft(6)).Append('→').Append(lines[i].TrimEnd('\r')).Append('\n');
        }

        return listing.ToString();
    }
}
