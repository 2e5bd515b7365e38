using System;
using System.Collections.Generic;
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
    // The keys of a tool the application defines (not a provider's own) that are handled by name; its other keys'
    // strings are masked as text. A provider's own tool (web_search, bash, mcp) holds settings: domains, a location.
    private static readonly string[] ClientToolKeys =
    {
        "type", "name", "description", "function", "custom", "input_schema", "parameters", "input_examples", "format", "strict",
        "cache_control", "defer_loading", "server_description",
    };

    // The settings of the providers' own tools (web search and fetch, code execution, MCP, file search, image generation,
    // computer use, ...), passed as they are: domains, locations, labels, URLs, headers. Any other key's strings are masked.
    private static readonly string[] ProviderToolKeys =
    {
        "type", "name", "description", "server_description", "cache_control", "defer_loading", "allowed_callers", "allowed_domains",
        "blocked_domains", "user_location", "max_uses", "max_content_tokens", "max_characters", "citations", "display_width_px",
        "display_height_px", "display_number", "environment", "server_label", "server_url", "connector_id", "headers",
        "allowed_tools", "require_approval", "authorization", "vector_store_ids", "filters", "max_num_results",
        "ranking_options", "container", "search_context_size", "search_content_types", "model", "quality", "size",
        "output_format", "output_compression", "background", "moderation", "partial_images", "input_fidelity", "input_image_mask",
    };

    private void MaskTools(JsonNode? tools)
    {
        foreach (var tool in List(tools, "the tool list"))
        {
            MaskContent(tool, "description");
            var clientTool = tool["type"] is null || tool["type"]?.ToString() is "custom" or "function";
            if (clientTool)
            {
                MaskNameAt(tool); // a provider's own tool (web_search, bash, ...) keeps the name the provider knows it by
                MaskOtherStrings(tool, ClientToolKeys);
            }
            else
            {
                MaskOtherStrings(tool, ProviderToolKeys);
            }

            if (Object(tool["function"], "a tool's function") is { } function)
            {
                MaskNameAt(function);
                MaskContent(function, "description");
                MaskSchemaDescriptions(function["parameters"]);
                MaskOtherStrings(function, "name", "description", "parameters", "strict");
            }

            if (Object(tool["custom"], "a custom tool") is { } custom) // Chat Completions' custom tool: free-form input, maybe a grammar
            {
                MaskNameAt(custom);
                MaskContent(custom, "description");
                MaskInputFormat(custom["format"]);
                MaskOtherStrings(custom, "name", "description", "format");
            }

            if (tool["type"]?.ToString() == "custom")
            {
                MaskInputFormat(tool["format"]); // the Responses API's custom tool
            }

            MaskSchemaDescriptions(tool["input_schema"]);
            MaskSchemaDescriptions(tool["parameters"]);
            MaskToolInput(tool, "input_examples"); // Anthropic's tool use examples: inputs, as a call would hold them
            MaskContent(tool, "server_description"); // a remote MCP server (Responses), as the model reads it
        }
    }

    /// <summary>
    /// A custom tool's input format: plain text, or a grammar (Lark or a regex) the model's input must match. The
    /// grammar is masked as text — it can spell out a company's names — so the model writes their pseudonyms, which the
    /// answer's unmasking restores.
    /// </summary>
    private void MaskInputFormat(JsonNode? format)
    {
        if (Object(format, "a custom tool's format") is { } definition)
        {
            MaskContent(definition, "definition"); // the Responses shape
            if (Object(definition["grammar"], "a custom tool's grammar") is { } grammar)
            {
                MaskContent(grammar, "definition"); // the Chat Completions shape
            }
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

    /// <summary>Chat Completions' <c>response_format</c>: a type, maybe a schema; any other key's strings are masked.</summary>
    private void MaskResponseFormat(JsonObject? format)
    {
        if (format is not null)
        {
            MaskOutputSchema(format["json_schema"]);
            MaskOtherStrings(format, "type", "json_schema");
        }
    }

    /// <summary>The Responses API's <c>text</c>: an output format (a schema), a verbosity; any other key's strings are masked.</summary>
    private void MaskTextSettings(JsonObject? text)
    {
        if (text is not null)
        {
            MaskOutputSchema(text["format"]);
            MaskOtherStrings(text, "format", "verbosity");
        }
    }

    /// <summary>A structured-output format (its description and schema's descriptions reach the model as the tools' do).</summary>
    private void MaskOutputSchema(JsonNode? format)
    {
        if (Object(format, "a structured output's format") is { } definition)
        {
            MaskContent(definition, "description");
            MaskSchemaDescriptions(definition["schema"]);
            MaskOtherStrings(definition, "type", "name", "description", "schema", "strict");
        }
    }

    // Schema keywords whose string values are the schema's own machinery (types, formats, references), not text: a
    // reference names a definition by its key, which is kept as written like a property's name.
    private static readonly HashSet<string> StructuralSchemaKeywords = new(StringComparer.Ordinal)
    {
        "type", "format", "$ref", "$schema", "$id", "$anchor", "$dynamicRef", "$dynamicAnchor", "contentEncoding", "contentMediaType",
    };

    // Keywords whose values are data the model is offered or shown (a company's service names in an enum, a default
    // object): every string in them is masked, whatever its depth.
    private static readonly HashSet<string> SchemaValueKeywords = new(StringComparer.Ordinal) { "const", "default", "example", "examples", "enum" };

    // Keywords whose value maps names (a property's, a definition's, a pattern) to subschemas.
    private static readonly HashSet<string> SubschemaMaps = new(StringComparer.Ordinal) { "properties", "patternProperties", "$defs", "definitions", "dependentSchemas" };

    /// <summary>Property names listed by a schema, masked as the properties' own names are.</summary>
    private void MaskNames(JsonArray names)
    {
        for (var i = 0; i < names.Count; i++)
        {
            if (names[i]?.GetValueKind() == JsonValueKind.String)
            {
                names[i] = MaskName(names[i]!.GetValue<string>());
            }
        }
    }

    /// <summary>
    /// A JSON Schema the model reads (tool parameters, structured outputs). Fail-safe: every string is masked as text
    /// (descriptions, titles, <c>$comment</c>, <c>pattern</c>, a keyword newer than this code) except the structural
    /// keywords' values; property names and <c>required</c> are masked as names (only when they hold a sensitive term).
    /// </summary>
    private void MaskSchemaDescriptions(JsonNode? schema)
    {
        switch (schema)
        {
            case JsonObject obj:
                foreach (var key in obj.Select(p => p.Key).ToList())
                {
                    var value = obj[key];
                    if (StructuralSchemaKeywords.Contains(key))
                    {
                        continue;
                    }

                    if (SchemaValueKeywords.Contains(key))
                    {
                        // The model answers with these values in their pseudonyms, which the answer's unmasking restores.
                        MaskKeys(value, deep: true);
                        MaskJsonStrings(obj, key);
                    }
                    else if (value?.GetValueKind() == JsonValueKind.String)
                    {
                        obj[key] = MaskText(value.GetValue<string>(), masked => obj[key] = masked);
                    }
                    else if (SubschemaMaps.Contains(key) && value is JsonObject subschemas)
                    {
                        if (key == "properties")
                        {
                            MaskKeys(subschemas, deep: false);
                        }

                        foreach (var subschema in subschemas.Select(p => p.Value).ToList())
                        {
                            MaskSchemaDescriptions(subschema);
                        }
                    }
                    else if (key == "required" && value is JsonArray required)
                    {
                        MaskNames(required);
                    }
                    else if (key == "dependentRequired" && value is JsonObject dependencies)
                    {
                        MaskKeys(dependencies, deep: false);
                        foreach (var names in dependencies.Select(p => p.Value).OfType<JsonArray>())
                        {
                            MaskNames(names);
                        }
                    }
                    else
                    {
                        MaskSchemaDescriptions(value);
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i]?.GetValueKind() == JsonValueKind.String)
                    {
                        var index = i;
                        array[i] = MaskText(array[i]!.GetValue<string>(), masked => array[index] = masked); // a keyword's list of texts this code does not know
                    }
                    else
                    {
                        MaskSchemaDescriptions(array[i]);
                    }
                }

                break;
        }
    }
}
