using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using CodeLeakGuard.Masking.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CodeLeakGuard.Gateway;

/// <summary>
/// The local masking gateway: ASP.NET Core Kestrel bound to loopback, forwarding only to the configured upstreams,
/// masking every request and unmasking every response (streams included) through <see cref="MaskingHandler"/>.
/// Health at <c>/healthz</c>; body-size, concurrency and upstream-time limits; errors in the provider's format.
/// </summary>
public sealed class GatewayServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly AuditLog _audit;

    private GatewayServer(WebApplication app, AuditLog audit, SessionStore sessions)
    {
        _app = app;
        _audit = audit;
        Sessions = sessions;
    }

    /// <summary>How long a stop waits for the requests in flight to finish before it cuts them off.</summary>
    public static TimeSpan ShutdownTimeout { get; } = TimeSpan.FromSeconds(10);

    public SessionStore Sessions { get; }

    /// <summary>The address actually bound (port 0 resolves to a free port).</summary>
    public Uri Address => new(_app.Urls.First());

    public static GatewayServer Create(GatewayOptions options)
    {
        if (options.Upstreams.Count == 0)
        {
            throw new ArgumentException("at least one --upstream is required");
        }

        if (!options.AllowRemoteClients && !IsLoopback(options.Listen))
        {
            throw new ArgumentException($"{options.Listen} is not a loopback address: the gateway sees every prompt, so it listens on 127.0.0.1 / [::1] / localhost unless remote clients are allowed explicitly");
        }

        var duplicate = options.Upstreams.GroupBy(u => u.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"two upstreams are named '{duplicate.Key}' ({string.Join(", ", duplicate.Select(u => u.BaseAddress))}), so requests could reach only the first: name each, as in --upstream work={duplicate.First().BaseAddress}");
        }

        var audit = new AuditLog(options.AuditPath); // first: a path it cannot write is a configuration error
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(options.Listen.GetLeftPart(UriPartial.Authority));
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = options.MaxRequestBodyBytes);
        builder.Services.Configure<HostOptions>(h => h.ShutdownTimeout = ShutdownTimeout);
        var app = builder.Build();

        var sessions = new SessionStore(options.NewSession, options.SessionIdleTimeout);
        var forwarder = new Forwarder(options, sessions, audit);
        app.MapMethods("/healthz", ["GET", "HEAD"], () => Results.Json(new { status = "ok", upstreams = options.Upstreams.Select(u => u.Name), conversations = sessions.Count }));
        app.Map("/{**path}", forwarder.HandleAsync); // everything but /healthz, any method
        return new GatewayServer(app, audit, sessions);
    }

    public Task StartAsync(CancellationToken cancellationToken = default) => _app.StartAsync(cancellationToken);

    public Task WaitForShutdownAsync(CancellationToken cancellationToken = default) => _app.WaitForShutdownAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        _audit.Dispose();
    }

    /// <summary>Whether <paramref name="uri"/> names this machine only (127.0.0.0/8, [::1], localhost).</summary>
    public static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
}
