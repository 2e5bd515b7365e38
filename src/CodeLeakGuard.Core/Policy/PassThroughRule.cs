using System;
using CodeLeakGuard.Matching;

namespace CodeLeakGuard.Policy;

/// <summary>
/// An <c>allow passthrough &lt;host[/path]&gt;</c> line: requests to this endpoint whose shape the masking handler
/// does not understand (model lists, token counts, files) may pass unmasked instead of being blocked.
/// </summary>
public sealed class PassThroughRule
{
    internal PassThroughRule(HostPattern endpoint, SourceLocation location, string? reason)
    {
        Endpoint = endpoint;
        Location = location;
        Reason = reason;
    }

    public HostPattern Endpoint { get; }

    public SourceLocation Location { get; }

    public string? Reason { get; }

    public bool Matches(Uri uri) => Endpoint.Matches(uri.Host, uri.AbsolutePath);

    public override string ToString() => "allow passthrough " + Endpoint.Text;
}
