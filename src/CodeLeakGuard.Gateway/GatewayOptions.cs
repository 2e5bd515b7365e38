using CodeLeakGuard.Masking.Http;
using CodeLeakGuard.Policy;

namespace CodeLeakGuard.Gateway;

/// <summary>An upstream the gateway may forward to; with several, the first path segment names the upstream.</summary>
public sealed record Upstream(string Name, Uri BaseAddress);

public sealed class GatewayOptions
{
    public Uri Listen { get; set; } = new("http://127.0.0.1:8787");

    /// <summary>Binding to anything but loopback must be asked for: the gateway sees every prompt.</summary>
    public bool AllowRemoteClients { get; set; }

    public IReadOnlyList<Upstream> Upstreams { get; set; } = Array.Empty<Upstream>();

    /// <summary>
    /// The company's outbound HTTP proxy to reach the upstreams through (<c>http://[user:password@]proxy:3128</c>); null
    /// to reach them directly. Environment proxy settings are not used: where prompts go is the configuration's alone.
    /// </summary>
    public Uri? UpstreamProxy { get; set; }

    public MaskingMode Mode { get; set; } = MaskingMode.Mask;

    /// <summary>JSON-lines audit log (counts, never values); null for none.</summary>
    public string? AuditPath { get; set; }

    public long MaxRequestBodyBytes { get; set; } = 16 * 1024 * 1024;

    public int MaxConcurrentRequests { get; set; } = 32;

    public TimeSpan UpstreamTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>A conversation's masking session is forgotten after this long without a request.</summary>
    public TimeSpan SessionIdleTimeout { get; set; } = TimeSpan.FromHours(8);

    /// <summary>Creates the masking session of a new conversation.</summary>
    public Func<IConversationMasker> NewSession { get; set; } = () => throw new InvalidOperationException("no masking session factory");

    /// <summary>What to do with images in requests (the policy's <c>set images=</c>): refuse, withhold or pass.</summary>
    public ImageHandling Images { get; set; } = ImageHandling.Refuse;

    /// <summary>Endpoints whose unknown request shapes may pass through unmasked (from the policy).</summary>
    public Func<Uri, bool> AllowPassThrough { get; set; } = _ => false;
}
