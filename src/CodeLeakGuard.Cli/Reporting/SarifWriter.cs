using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using CodeLeakGuard.Cli.Scanning;
using Microsoft.CodeAnalysis;

namespace CodeLeakGuard.Cli.Reporting;

/// <summary>
/// Writes a scan as SARIF 2.1.0 (what GitHub code scanning and Azure DevOps read), by hand with System.Text.Json:
/// one run, every rule of the analyzers in <c>tool.driver.rules</c>, one result per finding with its rule index and a
/// location relative to <c>SRCROOT</c> (the scanned root).
/// </summary>
internal static class SarifWriter
{
    public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";
    public const string SarifVersion = "2.1.0";
    public const string ToolName = "CodeLeakGuard";
    public const string InformationUri = "https://github.com/codeleakguard/codeleakguard";
    public const string RootBaseId = "SRCROOT";

    public static void Write(ScanResult scan, TextWriter writer)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            Write(scan, json);
        }

        writer.Write(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
        writer.WriteLine();
        writer.Flush();
    }

    public static void Write(ScanResult scan, Utf8JsonWriter json)
    {
        var ruleIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < scan.Rules.Count; i++)
        {
            ruleIndex[scan.Rules[i].Id] = i;
        }

        json.WriteStartObject();
        json.WriteString("$schema", SchemaUri);
        json.WriteString("version", SarifVersion);
        json.WriteStartArray("runs");
        json.WriteStartObject();

        json.WriteStartObject("tool");
        json.WriteStartObject("driver");
        json.WriteString("name", ToolName);
        json.WriteString("version", ToolVersion);
        json.WriteString("informationUri", InformationUri);
        json.WriteStartArray("rules");
        foreach (var rule in scan.Rules)
        {
            WriteRule(json, rule);
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();

        json.WriteStartObject("originalUriBaseIds");
        json.WriteStartObject(RootBaseId);
        json.WriteString("uri", new Uri(Path.TrimEndingDirectorySeparator(scan.Root) + Path.DirectorySeparatorChar).AbsoluteUri);
        json.WriteEndObject();
        json.WriteEndObject();

        json.WriteStartArray("results");
        foreach (var finding in scan.Findings)
        {
            WriteResult(json, finding, ruleIndex);
        }

        json.WriteEndArray();
        json.WriteString("columnKind", "utf16CodeUnits");

        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>The tool's version, without the source-revision suffix (<c>0.1.0+abc123</c> becomes <c>0.1.0</c>).</summary>
    public static string ToolVersion
    {
        get
        {
            var version = typeof(SarifWriter).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
                ?? typeof(SarifWriter).Assembly.GetName().Version?.ToString()
                ?? "0.0.0";
            var plus = version.IndexOf('+', StringComparison.Ordinal);
            return plus >= 0 ? version.Substring(0, plus) : version;
        }
    }

    public static string Level(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        DiagnosticSeverity.Info => "note",
        _ => "none",
    };

    public static string Level(FindingLevel level) => level switch
    {
        FindingLevel.Error => "error",
        FindingLevel.Warning => "warning",
        _ => "note",
    };

    /// <summary>A SARIF rule name is an identifier: <c>Banned AI SDK used</c> becomes <c>BannedAISDKUsed</c>.</summary>
    public static string RuleName(DiagnosticDescriptor rule)
    {
        var title = rule.Title.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var words = title.Split(new[] { ' ', '-', '_', '.', '\'', '(', ')', ',', ':' }, StringSplitOptions.RemoveEmptyEntries);
        var name = string.Concat(words.Select(w => char.ToUpperInvariant(w[0]) + w.Substring(1)));
        return name.Length == 0 ? rule.Id : name;
    }

    private static void WriteRule(Utf8JsonWriter json, DiagnosticDescriptor rule)
    {
        var culture = System.Globalization.CultureInfo.InvariantCulture;
        var title = rule.Title.ToString(culture);
        var description = rule.Description.ToString(culture);
        json.WriteStartObject();
        json.WriteString("id", rule.Id);
        json.WriteString("name", RuleName(rule));
        json.WriteStartObject("shortDescription");
        json.WriteString("text", title);
        json.WriteEndObject();
        json.WriteStartObject("fullDescription");
        json.WriteString("text", string.IsNullOrEmpty(description) ? title : description);
        json.WriteEndObject();
        if (!string.IsNullOrEmpty(rule.HelpLinkUri))
        {
            json.WriteString("helpUri", rule.HelpLinkUri);
        }

        json.WriteStartObject("defaultConfiguration");
        json.WriteString("level", Level(rule.DefaultSeverity));
        if (!rule.IsEnabledByDefault)
        {
            json.WriteBoolean("enabled", false);
        }

        json.WriteEndObject();
        json.WriteStartObject("properties");
        json.WriteString("category", rule.Category);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteResult(Utf8JsonWriter json, Finding finding, IReadOnlyDictionary<string, int> ruleIndex)
    {
        json.WriteStartObject();
        json.WriteString("ruleId", finding.RuleId);
        if (ruleIndex.TryGetValue(finding.RuleId, out var index))
        {
            json.WriteNumber("ruleIndex", index);
        }

        json.WriteString("level", Level(finding.Level));
        json.WriteStartObject("message");
        json.WriteString("text", finding.Message);
        json.WriteEndObject();

        json.WriteStartArray("locations");
        if (finding.Path is not null)
        {
            json.WriteStartObject();
            json.WriteStartObject("physicalLocation");
            json.WriteStartObject("artifactLocation");
            if (finding.IsUnderRoot)
            {
                json.WriteString("uri", EscapeRelative(finding.Path));
                json.WriteString("uriBaseId", RootBaseId);
            }
            else
            {
                json.WriteString("uri", new Uri(finding.Path).AbsoluteUri);
            }

            json.WriteEndObject();
            if (finding.HasRegion)
            {
                json.WriteStartObject("region");
                json.WriteNumber("startLine", finding.StartLine);
                json.WriteNumber("startColumn", finding.StartColumn);
                json.WriteNumber("endLine", finding.EndLine);
                json.WriteNumber("endColumn", finding.EndColumn);
                json.WriteEndObject();
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>A relative URI reference: each path segment percent-encoded, joined with '/'.</summary>
    private static string EscapeRelative(string relativePath) =>
        string.Join("/", relativePath.Split('/').Select(Uri.EscapeDataString));
}
