using System.Text.Json;

namespace CodeLeakGuard.Cli.Tests;

/// <summary>Reads the parts of a SARIF log the tests look at.</summary>
internal static class Sarif
{
    public static JsonElement Run(JsonDocument log) => log.RootElement.GetProperty("runs")[0];

    public static IReadOnlyList<JsonElement> Results(JsonDocument log) => Run(log).GetProperty("results").EnumerateArray().ToList();

    public static IReadOnlyList<JsonElement> Rules(JsonDocument log) =>
        Run(log).GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().ToList();

    public static string? Uri(JsonElement result) =>
        result.GetProperty("locations").EnumerateArray().Select(l => l.GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString()).FirstOrDefault();

    public static JsonElement Region(JsonElement result) =>
        result.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region");
}
