using System;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CodeLeakGuard.Masking.Http;

/// <summary>
/// Responses API items of the tools the client runs for the model on its own machine (the shell, local shell and
/// apply-patch tools Codex-style agents use, and computer use), which they send back with the conversation: commands,
/// environment values, output, file paths, patches, typed text and safety messages are masked as text; ids, statuses,
/// exit codes and pointer actions pass; a screenshot passes only where the policy lets images pass; any other key refuses.
/// </summary>
public sealed partial class RequestMasker
{
    private static readonly string[] LocalToolItemTypes =
    {
        "local_shell_call", "local_shell_call_output", "shell_call", "shell_call_output", "apply_patch_call", "apply_patch_call_output",
        "computer_call", "computer_call_output",
    };

    /// <summary>Masks a local tool's item; returns the keys it handled (the caller refuses any other).</summary>
    private string[] MaskLocalToolItem(string type, JsonObject item)
    {
        switch (type)
        {
            case "local_shell_call" or "shell_call":
                if (item["action"] is JsonObject action)
                {
                    RecordToolPath(item["call_id"], action);
                    Allow(action, "type", "command", "commands", "timeout_ms", "max_output_length", "working_directory", "env", "user");
                    MaskStrings(action, "command", "commands", "working_directory", "env", "user");
                }

                return new[] { "action", "created_by" };
            case "local_shell_call_output" or "apply_patch_call_output":
                MaskAsFileOfCall(item["call_id"], () => MaskContent(item, "output")); // what a command printed of a proprietary file
                return new[] { "output", "created_by" };
            case "shell_call_output":
                foreach (var output in Items(item["output"]))
                {
                    Allow(output, "stdout", "stderr", "outcome", "created_by");
                    MaskAsFileOfCall(item["call_id"], () => MaskStrings(output, "stdout", "stderr"));
                    foreach (var outcome in Items(output["outcome"]))
                    {
                        Allow(outcome, "type", "exit_code"); // {"type":"exit","exit_code":0} or {"type":"timeout"}
                    }
                }

                return new[] { "output", "max_output_length", "created_by" };
            case "apply_patch_call":
                if (item["operation"] is JsonObject operation)
                {
                    Allow(operation, "type", "path", "diff");
                    MaskStrings(operation, "path");
                    var file = operation["path"]?.GetValueKind() == JsonValueKind.String ? operation["path"]!.GetValue<string>() : null;
                    MaskAsFile(file, () => MaskStrings(operation, "diff")); // a patch to a proprietary file is masked as the file is
                }

                return new[] { "operation", "created_by" };
            case "computer_call":
                if (item["action"] is JsonObject computerAction)
                {
                    Allow(computerAction, "type", "x", "y", "button", "path", "keys", "scroll_x", "scroll_y", "text");
                    MaskStrings(computerAction, "text"); // what the model types
                }

                MaskSafetyChecks(item["pending_safety_checks"]);
                return new[] { "action", "pending_safety_checks" };
            case "computer_call_output":
                PassImage("computer_screenshot", textCannotReplace: true); // a screenshot: no text can stand in its place, so it goes only where images may pass
                foreach (var screenshot in Items(item["output"]))
                {
                    Allow(screenshot, "type", "image_url", "file_id");
                }

                MaskSafetyChecks(item["acknowledged_safety_checks"]);
                return new[] { "output", "acknowledged_safety_checks" };
            default:
                throw new ArgumentOutOfRangeException(nameof(type), type, "not a local tool's item");
        }
    }

    /// <summary>The safety checks of a computer-use call (pending, or acknowledged by the client): their messages are text.</summary>
    private void MaskSafetyChecks(JsonNode? checks)
    {
        foreach (var check in Items(checks))
        {
            Allow(check, "id", "code", "message");
            MaskStrings(check, "message");
        }
    }
}
