using System;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CodeLeakGuard.Masking.Http;

/// <summary>
/// Names the model reads that are not text: a tool's name, a schema's property names, the keys of a tool call's input.
/// They are masked only when they hold one of the policy's sensitive terms (<c>contoso_refunds</c>): agents rely on
/// generic names (<c>file_path</c>, <c>old_string</c>) meaning what they say, so renaming every code-like name, as prose
/// is masked, would change the tool schemas the models were trained on. The answer's unmasking restores them.
/// </summary>
public sealed partial class RequestMasker
{
    private string[]? _sensitiveTerms;

    private string[] SensitiveTerms => _sensitiveTerms ??= _masker is SessionMasker session ? session.Session.Options.AllSensitiveTerms().ToArray() : Array.Empty<string>();

    /// <summary>
    /// The name as the model may read it: masked as a word of text when it holds a sensitive term, else as it is, and
    /// then kept as it is in the request's texts too (found by the first pass, before any text is masked): Claude Code's
    /// prompt says "use the TodoWrite tool" and "use replace_all", and masking those words alone would name a tool and a
    /// parameter the model is not given.
    /// </summary>
    private string MaskName(string name)
    {
        foreach (var term in SensitiveTerms)
        {
            if (name.IndexOf(term, StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return MaskText(name);
            }
        }

        _collector?.Session.Session.KeepName(name);
        return name;
    }

    /// <summary>Masks the string at <paramref name="key"/> of <paramref name="owner"/> as a name (a tool's, in a definition, call or choice).</summary>
    private void MaskNameAt(JsonObject? owner, string key = "name")
    {
        if (owner?[key] is JsonValue value && value.GetValueKind() == JsonValueKind.String)
        {
            owner[key] = MaskName(value.GetValue<string>());
        }
    }

    /// <summary>A tool call's free-form input: its keys as names, its strings as text.</summary>
    private void MaskToolInput(JsonObject owner, string key)
    {
        MaskKeys(owner[key], deep: true);
        MaskJsonStrings(owner, key);
    }

    /// <summary>Renames the keys of an object (and, <paramref name="deep"/>, of the objects inside it), keeping their order.</summary>
    private void MaskKeys(JsonNode? node, bool deep)
    {
        if (SensitiveTerms.Length == 0 && _collector is null)
        {
            return; // nothing to rename, and the first pass has kept the names: no need to walk a tool input's objects
        }

        switch (node)
        {
            case JsonObject obj:
                JsonValues.RenameKeys(obj, MaskName);
                if (deep)
                {
                    foreach (var value in obj.Select(p => p.Value).ToList())
                    {
                        MaskKeys(value, deep);
                    }
                }

                break;
            case JsonArray array when deep:
                foreach (var item in array)
                {
                    MaskKeys(item, deep);
                }

                break;
        }
    }

    /// <summary>Which tool the model must call: Anthropic's <c>{"type":"tool","name"}</c>, OpenAI's <c>{"type":"function",...}</c>.</summary>
    private void MaskToolChoice(JsonNode? choice)
    {
        if (choice is JsonObject obj)
        {
            MaskNameAt(obj);
            MaskNameAt(obj["function"] as JsonObject);
        }
    }
}
