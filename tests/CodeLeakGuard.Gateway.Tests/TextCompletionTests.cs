using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CodeLeakGuard.Gateway.Tests.Fakes;
using CodeLeakGuard.Masking;
using CodeLeakGuard.Masking.Http;
using Microsoft.AspNetCore.Http;

namespace CodeLeakGuard.Gateway.Tests;

/// <summary>
/// Code completion as editor plugins send it (OpenAI's legacy completions and fill-in-the-middle): the file's text
/// before and after the cursor goes out masked, and the completion, written in pseudonyms and streamed in pieces that
/// cut through them, comes back with the real names.
/// </summary>
public class TextCompletionTests
{
    private const string Prefix = """
        namespace Contoso.Pricing;

        public sealed class OrderPricingEngine
        {
            private readonly IDiscountLedger _discountLedger;

            public decimal ComputeMargin(decimal basePrice) =>
        """;

    private const string Suffix = "\n}\n";

    [Theory]
    [InlineData("/v1/completions", false)]
    [InlineData("/v1/completions", true)]
    [InlineData("/v1/fim/completions", true)]
    public async Task A_completion_goes_out_masked_and_comes_back_with_the_real_names(string path, bool stream)
    {
        string? written = null;
        await using var upstream = await RecordingUpstream.StartAsync((context, request) =>
        {
            // The model completes with the names it was given: the masked field, and the masked method's name.
            var ledger = Regex.Match(request.Json["prompt"]!.GetValue<string>(), @"readonly \w+ (\w+);").Groups[1].Value;
            written = $" basePrice * {ledger}.RebateFactor;";
            var fim = request.Path.Contains("/fim/", StringComparison.Ordinal);
            JsonObject Choice(string text, string? finish) => fim
                ? new JsonObject { ["index"] = 0, [stream ? "delta" : "message"] = new JsonObject { ["content"] = text }, ["finish_reason"] = finish }
                : new JsonObject { ["index"] = 0, ["text"] = text, ["finish_reason"] = finish };
            JsonObject Completion(params JsonObject[] choices) => new() { ["id"] = "cmpl-1", ["object"] = "text_completion", ["model"] = "codestral", ["choices"] = new JsonArray(choices) };
            if (!stream)
            {
                context.Response.ContentType = "application/json";
                return context.Response.WriteAsync(Completion(Choice(written, "stop")).ToJsonString());
            }

            var events = SseWriter.Pieces(written, 3).Select(piece => ((string?)null, Completion(Choice(piece, null)).ToJsonString()))
                .Append((null, Completion(Choice(string.Empty, "stop")).ToJsonString()))
                .Append((null, "[DONE]"));
            return SseWriter.WriteAsync(context, events);
        });
        using var http = new HttpClient(new MaskingHandler(new MaskingSession()) { InnerHandler = new HttpClientHandler() });

        var response = await http.PostAsync(new Uri(upstream.Address, path), new StringContent(
            new JsonObject { ["model"] = "codestral", ["prompt"] = Prefix, ["suffix"] = Suffix, ["max_tokens"] = 64, ["stream"] = stream }.ToJsonString(),
            Encoding.UTF8,
            "application/json"));
        var body = await response.Content.ReadAsStringAsync();

        var sent = Assert.Single(upstream.Received).Body;
        Assert.DoesNotContain("OrderPricingEngine", sent);
        Assert.DoesNotContain("_discountLedger", sent);
        Assert.Equal(" basePrice * _discountLedger.RebateFactor;", stream ? StreamedText(body) : WholeText(body));
    }

    [Fact]
    public async Task A_prompt_of_token_ids_is_refused()
    {
        await using var upstream = await RecordingUpstream.StartAsync((context, _) => context.Response.WriteAsync("{}"));
        using var http = new HttpClient(new MaskingHandler(new MaskingSession()) { InnerHandler = new HttpClientHandler() });

        var response = await http.PostAsync(new Uri(upstream.Address, "/v1/completions"), new StringContent("""{"model":"gpt-3.5-turbo-instruct","prompt":[1734,28,3012]}""", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("token ids", await response.Content.ReadAsStringAsync());
        Assert.Empty(upstream.Received);
    }

    private static string StreamedText(string sse) => string.Concat(sse.Split('\n')
        .Where(line => line.StartsWith("data: {", StringComparison.Ordinal))
        .Select(line => JsonNode.Parse(line[6..])!["choices"]![0]!)
        .Select(choice => (choice["text"] ?? choice["delta"]?["content"])?.GetValue<string>() ?? string.Empty));

    private static string WholeText(string json) => JsonDocument.Parse(json).RootElement.GetProperty("choices")[0].GetProperty("text").GetString()!;
}
