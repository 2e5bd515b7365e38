using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CodeLeakGuard.Masking.Http;

/// <summary>
/// What the model reads about tools and outputs outside the messages: tool definitions (descriptions, a schema's
/// descriptions and offered values, example inputs), structured-output schemas, a stored prompt's variables.
/// </summary>
public sealed partial class RequestMasker
{
    private void MaskTools(JsonNode? tools)
    {
        if (tools is not JsonArray array)
        {
            return;
        }

        foreach (var tool in array.OfType<JsonObject>())
        {
            MaskContent(tool, "description");
            if (tool["type"] is null || tool["type"]?.ToString() is "custom" or "function")
            {
                MaskNameAt(tool); // a provider's own tool (web_search, bash, ...) keeps the name the provider knows it by
            }

            if (tool["function"] is JsonObject function)
            {
                MaskNameAt(function);
                MaskContent(function, "description");
                MaskSchemaDescriptions(function["parameters"]);
            }

            MaskSchemaDescriptions(tool["input_schema"]);
            MaskSchemaDescriptions(tool["parameters"]);
            MaskToolInput(tool, "input_examples"); // Anthropic's tool use examples: inputs, as a call would hold them
            MaskContent(tool, "server_description"); // a remote MCP server (Responses), as the model reads it
        }
    }

    /// <summary>A stored prompt's variables, filled into its text: strings, or input items (text is masked; anything else is refused).</summary>
    private void MaskPromptVariables(JsonNode? variables)
    {
        if (variables is not JsonObject values)
        {
            return;
        }

        foreach (var name in values.Select(v => v.Key).ToList())
        {
            if (values[name] is JsonObject item)
            {
                MaskBlock(item);
            }
            else
            {
                MaskContent(values, name);
            }
        }
    }

    /// <summary>
    /// Anthropic's context management: a compaction edit's <c>instructions</c> are read by the model that writes the
    /// summary (masked as text); tools excluded from clearing are named as their definitions are; the rest is settings.
    /// </summary>
    private void MaskContextManagement(JsonNode? contextManagement)
    {
        foreach (var edit in Items((contextManagement as JsonObject)?["edits"]))
        {
            MaskContent(edit, "instructions");
            if (edit["exclude_tools"] is JsonArray tools)
            {
                for (var i = 0; i < tools.Count; i++)
                {
                    if (tools[i]?.GetValueKind() == JsonValueKind.String)
                    {
                        tools[i] = MaskName(tools[i]!.GetValue<string>());
                    }
                }
            }
        }
    }

    /// <summary>A structured-output format (its description and schema's descriptions reach the model as the tools' do).</summary>
    private void MaskOutputSchema(JsonNode? format)
    {
        if (format is JsonObject definition)
        {
            MaskContent(definition, "description");
            MaskSchemaDescriptions(definition["schema"]);
        }
    }

    private void MaskSchemaDescriptions(JsonNode? schema)
    {
        switch (schema)
        {
            case JsonObject obj:
                foreach (var key in obj.Select(p => p.Key).ToList())
                {
                    // Descriptions, and the values the model is offered or shown (the names of a company's services
                    // in an enum): the model answers in their pseudonyms, which the answer's unmasking restores.
                    if (key is "description" or "title" or "const" or "default" or "example" && obj[key]?.GetValueKind() == JsonValueKind.String)
                    {
                        obj[key] = MaskText(obj[key]!.GetValue<string>());
                    }
                    else if (key == "properties" && obj[key] is JsonObject properties)
                    {
                        MaskKeys(properties, deep: false);
                        MaskSchemaDescriptions(properties);
                    }
                    else if (key == "required" && obj[key] is JsonArray required)
                    {
                        for (var i = 0; i < required.Count; i++)
                        {
                            if (required[i]?.GetValueKind() == JsonValueKind.String)
                            {
                                required[i] = MaskName(required[i]!.GetValue<string>());
                            }
                        }
                    }
                    else if (key is "enum" or "examples" && obj[key] is JsonArray values)
                    {
                        for (var i = 0; i < values.Count; i++)
                        {
                            if (values[i]?.GetValueKind() == JsonValueKind.String)
                            {
                                values[i] = MaskText(values[i]!.GetValue<string>());
                            }
                        }
                    }
                    else
                    {
                        MaskSchemaDescriptions(obj[key]);
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    MaskSchemaDescriptions(item);
                }

                break;
        }
    }
}
