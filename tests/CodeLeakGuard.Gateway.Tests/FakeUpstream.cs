using System.Collections.Concurrent;
using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;

namespace CodeLeakGuard.Gateway.Tests;

/// <summary>
/// A fake AI provider on 127.0.0.1 that records what it received and answers in the provider's format: OpenAI chat
/// completions whole or streamed, Anthropic messages streamed with a pseudonym split across events, or a hang.
/// </summary>
internal sealed class FakeUpstream : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeUpstream(WebApplication app) => _app = app;

    public ConcurrentQueue<(string Path, string Body, IReadOnlyDictionary<string, string> Headers)> Received { get; } = new();

    public Uri Address => new(_app.Urls.First());

    /// <summary>Each request's target as it arrived: a path, or an absolute URL when this server is used as a proxy.</summary>
    public ConcurrentQueue<string> Targets { get; } = new();

    /// <summary>
    /// As a proxy that requires a login: a request without <c>Proxy-Authorization: Basic</c> of this "user:password"
    /// gets 407 and is not recorded.
    /// </summary>
    public string? ProxyLogin { get; set; }

    /// <summary>Answer with "Echo: " and the last user message as received (so a round trip can be checked).</summary>
    public bool Echo { get; set; }

    /// <summary>The <c>Content-Encoding</c> of every answer, whatever the request accepts: "gzip" compresses it (flushed event by event when streamed); any other only labels it.</summary>
    public string? AnswerCoding { get; set; }

    /// <summary>The answer text the model "writes" (already in pseudonyms).</summary>
    public string AnswerText { get; set; } = "Class1.Method2 computes the margin; consider Method2Async.";

    public static async Task<FakeUpstream> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var upstream = new FakeUpstream(app);
        app.Run(upstream.HandleAsync);
        await app.StartAsync();
        return upstream;
    }

    private async Task HandleAsync(HttpContext context)
    {
        if (ProxyLogin is not null && context.Request.Headers["Proxy-Authorization"].ToString() != "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(ProxyLogin)))
        {
            context.Response.StatusCode = 407;
            context.Response.Headers["Proxy-Authenticate"] = "Basic realm=\"corp\"";
            return;
        }

        Targets.Enqueue(context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? string.Empty);
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync();
        Received.Enqueue((context.Request.Path.Value ?? string.Empty, body, context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase)));
        if (context.Request.Path.Value!.Contains("hang", StringComparison.Ordinal))
        {
            await Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted);
            return;
        }

        if (AnswerCoding is null)
        {
            await AnswerAsync(context, body);
            return;
        }

        context.Response.Headers.ContentEncoding = AnswerCoding;
        if (AnswerCoding != "gzip")
        {
            await AnswerAsync(context, body); // labelled with a coding it is not in: the client must not read it as it is
            return;
        }

        var plain = context.Response.Body;
        await using (var gzip = new GZipStream(plain, CompressionLevel.Fastest, leaveOpen: true))
        {
            context.Response.Body = gzip;
            await AnswerAsync(context, body);
        }

        context.Response.Body = plain;
    }

    private async Task AnswerAsync(HttpContext context, string body)
    {
        if (context.Request.Path.Value!.EndsWith("/embeddings", StringComparison.Ordinal))
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(Embeddings(body));
            return;
        }

        if (context.Request.Path.Value!.EndsWith("/moderations", StringComparison.Ordinal))
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(Moderation(body));
            return;
        }

        var stream = body.Contains("\"stream\":true", StringComparison.Ordinal);
        var answer = Echo ? "Echo: " + LastUserMessage(body) : AnswerText;
        if (context.Request.Path.Value.EndsWith("/messages", StringComparison.Ordinal))
        {
            await AnthropicStreamAsync(context);
        }
        else if (stream)
        {
            await ChatStreamAsync(context);
        }
        else
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(ChatCompletion(answer));
        }
    }

    private static string LastUserMessage(string body) =>
        JsonNode.Parse(body)!["messages"]!.AsArray().Last(m => m!["role"]!.GetValue<string>() == "user")!["content"] switch
        {
            JsonValue text => text.GetValue<string>(),
            JsonArray parts => string.Concat(parts.Select(p => p!["text"]?.GetValue<string>())),
            _ => string.Empty,
        };

    /// <summary>The vector of input i is [i, 0.5], as floats or base64 as the request asks.</summary>
    internal static readonly float[][] Vectors = [[0f, 0.5f], [1f, 0.5f], [2f, 0.5f]];

    private static string Embeddings(string body)
    {
        var request = JsonNode.Parse(body)!;
        var count = request["input"] is JsonArray inputs ? inputs.Count : 1;
        var base64 = request["encoding_format"]?.GetValue<string>() == "base64";
        var data = new JsonArray();
        for (var i = 0; i < count; i++)
        {
            JsonNode vector = base64
                ? Convert.ToBase64String(Vectors[i].SelectMany(BitConverter.GetBytes).ToArray())
                : new JsonArray(Vectors[i].Select(v => (JsonNode)v).ToArray());
            data.Add(new JsonObject { ["object"] = "embedding", ["index"] = i, ["embedding"] = vector });
        }

        return new JsonObject
        {
            ["object"] = "list",
            ["data"] = data,
            ["model"] = request["model"]?.GetValue<string>(),
            ["usage"] = new JsonObject { ["prompt_tokens"] = 1, ["total_tokens"] = 1 },
        }.ToJsonString();
    }

    /// <summary>One result per input text (one for a list of parts), none flagged.</summary>
    private static string Moderation(string body)
    {
        var input = JsonNode.Parse(body)!["input"];
        var count = input is JsonArray texts && texts.All(t => t is JsonValue) ? texts.Count : 1;
        var results = new JsonArray();
        for (var i = 0; i < count; i++)
        {
            results.Add(new JsonObject
            {
                ["flagged"] = false,
                ["categories"] = new JsonObject { ["harassment"] = false, ["violence"] = false },
                ["category_scores"] = new JsonObject { ["harassment"] = 0.001, ["violence"] = 0.002 },
            });
        }

        return new JsonObject { ["id"] = "modr-1", ["model"] = "omni-moderation-latest", ["results"] = results }.ToJsonString();
    }

    /// <summary>A whole Chat Completions answer holding <paramref name="text"/>.</summary>
    internal static string ChatCompletion(string text) => new JsonObject
    {
        ["id"] = "chatcmpl-1",
        ["object"] = "chat.completion",
        ["created"] = 1700000000,
        ["model"] = "gpt-4o",
        ["choices"] = new JsonArray(new JsonObject
        {
            ["index"] = 0,
            ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = text },
            ["finish_reason"] = "stop",
        }),
        ["usage"] = new JsonObject { ["prompt_tokens"] = 1, ["completion_tokens"] = 1, ["total_tokens"] = 2 },
    }.ToJsonString();

    private static string ChatChunk(string? piece, string? finish) => new JsonObject
    {
        ["id"] = "chatcmpl-1",
        ["object"] = "chat.completion.chunk",
        ["created"] = 1700000000,
        ["model"] = "gpt-4o",
        ["choices"] = new JsonArray(new JsonObject
        {
            ["index"] = 0,
            ["delta"] = piece is null ? new JsonObject() : new JsonObject { ["content"] = piece },
            ["finish_reason"] = finish,
        }),
    }.ToJsonString();

    private async Task ChatStreamAsync(HttpContext context)
    {
        context.Response.ContentType = "text/event-stream";
        // Split inside a pseudonym on purpose: "Cla" | "ss1.Meth" | "od2 computes..."
        var pieces = new[] { AnswerText[..3], AnswerText[3..11], AnswerText[11..] };
        foreach (var piece in pieces)
        {
            await context.Response.WriteAsync($"data: {ChatChunk(piece, null)}\n\n");
            await context.Response.Body.FlushAsync();
        }

        await context.Response.WriteAsync($"data: {ChatChunk(null, "stop")}\n\n");
        await context.Response.WriteAsync("data: [DONE]\n\n");
    }

    private async Task AnthropicStreamAsync(HttpContext context)
    {
        context.Response.ContentType = "text/event-stream";
        var events = new StringBuilder()
            .Append("event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"id\":\"msg_1\",\"type\":\"message\",\"role\":\"assistant\",\"content\":[],\"model\":\"claude\",\"stop_reason\":null,\"usage\":{\"input_tokens\":1,\"output_tokens\":1}}}\n\n")
            .Append("event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}\n\n");
        await context.Response.WriteAsync(events.ToString());
        foreach (var piece in new[] { "Use Cla", "ss1 and Meth", "od2" })
        {
            await context.Response.WriteAsync($"event: content_block_delta\ndata: {{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{{\"type\":\"text_delta\",\"text\":\"{piece}\"}}}}\n\n");
            await context.Response.Body.FlushAsync();
        }

        await context.Response.WriteAsync("event: content_block_stop\ndata: {\"type\":\"content_block_stop\",\"index\":0}\n\nevent: message_stop\ndata: {\"type\":\"message_stop\"}\n\n");
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
