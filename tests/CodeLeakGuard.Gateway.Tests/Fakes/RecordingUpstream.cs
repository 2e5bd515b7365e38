using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CodeLeakGuard.Gateway.Tests.Fakes;

/// <summary>One request as the provider received it.</summary>
internal sealed record RecordedRequest(string Path, string Body, IReadOnlyDictionary<string, string> Headers)
{
    public JsonObject Json => JsonNode.Parse(Body)!.AsObject();

    public bool Streamed => Json["stream"]?.GetValue<bool>() == true;
}

/// <summary>
/// A fake AI provider on 127.0.0.1 (Kestrel, free port): records every request, then lets a responder answer it in
/// the provider's format. Nothing is ever sent anywhere else.
/// </summary>
internal sealed class RecordingUpstream : IAsyncDisposable
{
    private readonly WebApplication _app;

    private RecordingUpstream(WebApplication app) => _app = app;

    public ConcurrentQueue<RecordedRequest> Received { get; } = new();

    public Uri Address => new(_app.Urls.First());

    /// <summary>Everything every request carried, for leak assertions.</summary>
    public string AllBodies => string.Join("\n", Received.Select(r => r.Body));

    public static async Task<RecordingUpstream> StartAsync(Func<HttpContext, RecordedRequest, Task> respond)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var upstream = new RecordingUpstream(app);
        app.Run(async context =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var request = new RecordedRequest(
                context.Request.Path.Value ?? string.Empty,
                await reader.ReadToEndAsync(),
                context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase));
            upstream.Received.Enqueue(request);
            await respond(context, request);
        });
        await app.StartAsync();
        return upstream;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
