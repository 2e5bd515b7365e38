using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CodeLeakGuard.Cli.Export;

/// <summary>The new text of the two Claude Code files (null: the file should not exist), or why the existing ones cannot be merged.</summary>
internal sealed record ClaudeMerge(string? Settings, string? Ledger, string? Error);

/// <summary>
/// Claude Code reads <c>permissions.deny</c> rules from the project's <c>.claude/settings.json</c>. Documented rule
/// syntax: <c>Read(pattern)</c> and <c>Edit(pattern)</c> follow the gitignore specification; <c>//path</c> is absolute,
/// <c>~/path</c> is under the home folder, <c>/path</c> is relative to the project root (the folder holding
/// <c>.claude/</c>), and <c>path</c> or <c>./path</c> is relative to the directory Claude Code was started in. The export
/// therefore writes <c>/src/Pricing/**</c> for anchored globs and <c>/**/*.secret.cs</c> for globs that match at any
/// depth, so the rules hold wherever Claude Code is started; <c>Read</c> keeps the content out of the conversation and
/// <c>Edit</c> (every built-in tool that edits files) keeps the agent from rewriting code it cannot read.
/// </summary>
/// <remarks>
/// The merge never clobbers: the settings file is parsed, every other setting and every deny rule the user wrote stay
/// where they are, and only the rules CodeLeakGuard added last time are replaced, in place. Those rules are remembered
/// in <see cref="LedgerPath"/> rather than by a marker entry in the deny list, because Claude Code validates its
/// settings and a rule that is not a rule would be reported as invalid. Settings that already hold the wanted rules
/// are left byte for byte as they are, so a reformatted file is never rewritten just to change its whitespace.
/// </remarks>
internal static class ClaudeSettingsMerger
{
    public const string SettingsPath = ".claude/settings.json";
    public const string LedgerPath = ".claude/codeleakguard.generated.json";

    private const string GlobSpecials = "[";
    private const string LiteralSpecials = "\\*?[";

    private static readonly JsonDocumentOptions StrictJson = new()
    {
        AllowTrailingCommas = false,
        CommentHandling = JsonCommentHandling.Disallow,
        AllowDuplicateProperties = false,
    };

    /// <summary>The deny rules for an inventory: <c>Read</c> then <c>Edit</c> for every pattern.</summary>
    public static IReadOnlyList<string> RenderRules(ProprietaryInventory inventory)
    {
        var patterns = new List<string>();
        foreach (var pattern in inventory.PathGlobs)
        {
            if (ExportGlob.Parse(pattern) is { } glob)
            {
                foreach (var variant in glob.Variants)
                {
                    var text = (glob.Anchored ? "/" : "/**/") + ExportGlob.Escape(variant, GlobSpecials);
                    Add(patterns, glob.Folder ? text + "/**" : text);
                }
            }
        }

        // Claude Code's case sensitivity is not documented: name the files a glob covers only when case is ignored.
        foreach (var file in inventory.MarkedFiles.Concat(inventory.CaseMismatchedFiles).OrderBy(f => f, StringComparer.Ordinal))
        {
            Add(patterns, "/" + ExportGlob.Escape(file, LiteralSpecials));
        }

        return patterns.SelectMany(p => new[] { $"Read({p})", $"Edit({p})" }).ToList();
    }

    /// <summary>Merges <paramref name="rules"/> into the existing settings (null: no file), replacing the rules the ledger lists.</summary>
    public static ClaudeMerge Merge(string? settingsText, string? ledgerText, IReadOnlyList<string> rules)
    {
        if (!TryReadLedger(ledgerText, out var previous, out var error))
        {
            return new ClaudeMerge(settingsText, ledgerText, $"{LedgerPath} {error}");
        }

        JsonObject? original = null;
        if (settingsText is not null && !TryParseObject(settingsText, out original, out error))
        {
            return new ClaudeMerge(settingsText, ledgerText, $"{SettingsPath} {error}");
        }

        var root = (JsonObject?)original?.DeepClone() ?? new JsonObject();
        if (!TryGetDeny(root, out var permissions, out var deny, out error))
        {
            return new ClaudeMerge(settingsText, ledgerText, $"{SettingsPath} {error}");
        }

        var kept = new JsonArray();
        int? insertAt = null;
        foreach (var item in deny ?? new JsonArray())
        {
            if (AsString(item) is { } rule && previous.Contains(rule))
            {
                insertAt ??= kept.Count;
                continue;
            }

            kept.Add(item?.DeepClone());
        }

        var userRules = new HashSet<string>(kept.Select(AsString).OfType<string>(), StringComparer.Ordinal);
        var owned = rules.Where(r => !userRules.Contains(r)).Distinct(StringComparer.Ordinal).ToList();
        var at = insertAt ?? kept.Count;
        foreach (var rule in owned)
        {
            kept.Insert(at++, rule);
        }

        if (kept.Count > 0)
        {
            permissions ??= new JsonObject();
            permissions["deny"] = kept;
            if (root["permissions"] is null)
            {
                root["permissions"] = permissions;
            }
        }
        else if (deny is not null && deny.Count > 0)
        {
            // Only CodeLeakGuard's rules were there: take away what it put in.
            permissions!.Remove("deny");
            if (permissions.Count == 0)
            {
                root.Remove("permissions");
            }
        }

        var newline = settingsText is not null && settingsText.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        string? settings;
        if (original is not null)
        {
            settings = JsonNode.DeepEquals(original, root) ? settingsText : Serialize(root, newline);
        }
        else
        {
            settings = owned.Count == 0 ? null : Serialize(root, newline);
        }

        return new ClaudeMerge(settings, owned.Count == 0 ? null : Ledger(owned), null);
    }

    private static string Ledger(IReadOnlyList<string> owned)
    {
        var ledger = new JsonObject
        {
            ["about"] = "Written by 'codeleakguard export-ignore': the permissions.deny rules it added to " + SettingsPath
                + ". A rerun replaces exactly these and keeps every other setting and rule. Do not edit; commit it with the settings.",
            ["deny"] = new JsonArray(owned.Select(r => (JsonNode?)JsonValue.Create(r)).ToArray()),
        };
        return Serialize(ledger, "\n");
    }

    private static bool TryReadLedger(string? text, out HashSet<string> rules, out string? error)
    {
        rules = new HashSet<string>(StringComparer.Ordinal);
        error = null;
        if (text is null)
        {
            return true;
        }

        if (!TryParseObject(text, out var root, out error))
        {
            return false;
        }

        if (root!["deny"] is not JsonArray deny || deny.Any(i => AsString(i) is null))
        {
            error = "has no \"deny\" list of strings: delete it only if .claude/settings.json holds no rules CodeLeakGuard wrote";
            return false;
        }

        rules.UnionWith(deny.Select(i => AsString(i)!));
        return true;
    }

    private static bool TryGetDeny(JsonObject root, out JsonObject? permissions, out JsonArray? deny, out string? error)
    {
        permissions = null;
        deny = null;
        error = null;
        switch (root["permissions"])
        {
            case null:
                return true;
            case JsonObject found:
                permissions = found;
                break;
            default:
                error = "has a \"permissions\" value that is not an object";
                return false;
        }

        switch (permissions["deny"])
        {
            case null:
                return true;
            case JsonArray found:
                deny = found;
                return true;
            default:
                error = "has a \"permissions.deny\" value that is not a list";
                return false;
        }
    }

    private static bool TryParseObject(string text, out JsonObject? root, out string? error)
    {
        root = null;
        error = null;
        try
        {
            var node = JsonNode.Parse(text, documentOptions: StrictJson);
            if (node is not JsonObject parsed)
            {
                error = "is not a JSON object";
                return false;
            }

            root = parsed;
            return true;
        }
        catch (JsonException ex)
        {
            error = $"is not valid JSON ({ex.Message})";
            return false;
        }
    }

    private static string? AsString(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static string Serialize(JsonNode node, string newline)
    {
        var options = new JsonSerializerOptions
        {
            WriteIndented = true,
            NewLine = newline,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        return node.ToJsonString(options) + newline;
    }

    private static void Add(List<string> list, string entry)
    {
        if (!list.Contains(entry))
        {
            list.Add(entry);
        }
    }
}
