using System.Text.Json.Nodes;

namespace CodeLeakGuard.Gateway.Tests;

/// <summary>What a client reads from a streamed answer, joined: the text deltas of an Anthropic Messages stream.</summary>
internal static class StreamedText
{
    public static string Anthropic(string body) => string.Concat(body.Split('\n')
        .Where(line => line.StartsWith("data: ", StringComparison.Ordinal) && line.Contains("\"text_delta\"", StringComparison.Ordinal))
        .Select(line => JsonNode.Parse(line["data: ".Length..])!["delta"]!["text"]!.GetValue<string>()));
}
