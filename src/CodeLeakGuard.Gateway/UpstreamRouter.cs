namespace CodeLeakGuard.Gateway;

/// <summary>
/// Maps a request path to a configured upstream — never anywhere else, so the gateway is no open relay. With one
/// upstream every path goes to it; with several, the first path segment names the upstream (<c>/anthropic/v1/messages</c>).
/// </summary>
public sealed class UpstreamRouter(IReadOnlyList<Upstream> upstreams)
{
    public (Upstream Upstream, Uri Target)? Route(string path, string query)
    {
        if (upstreams.Count == 1)
        {
            return (upstreams[0], Combine(upstreams[0].BaseAddress, path, query));
        }

        var trimmed = path.TrimStart('/');
        var slash = trimmed.IndexOf('/');
        var name = slash < 0 ? trimmed : trimmed[..slash];
        var upstream = upstreams.FirstOrDefault(u => string.Equals(u.Name, name, StringComparison.OrdinalIgnoreCase));
        return upstream is null ? null : (upstream, Combine(upstream.BaseAddress, slash < 0 ? "/" : trimmed[slash..], query));
    }

    private static Uri Combine(Uri baseAddress, string path, string query)
    {
        var root = baseAddress.GetLeftPart(UriPartial.Path).TrimEnd('/');
        return new Uri(root + "/" + path.TrimStart('/') + MergeQueries(baseAddress.Query, query));
    }

    /// <summary>
    /// The upstream's own query (<c>?api-version=2024-10-21</c>, as Azure OpenAI wants on every request) with the
    /// request's: a parameter the request sets itself is the request's.
    /// </summary>
    private static string MergeQueries(string upstream, string request)
    {
        var own = upstream.TrimStart('?');
        var sent = request.TrimStart('?');
        if (own.Length == 0 || sent.Length == 0)
        {
            return own.Length + sent.Length == 0 ? string.Empty : "?" + own + sent;
        }

        var sentNames = sent.Split('&').Select(NameOf).ToHashSet(StringComparer.Ordinal);
        var kept = own.Split('&').Where(parameter => !sentNames.Contains(NameOf(parameter)));
        return "?" + string.Join("&", kept.Append(sent));
    }

    private static string NameOf(string parameter) => Uri.UnescapeDataString(parameter.Split('=')[0]);

    /// <summary>Parses <c>name=url</c> or <c>url</c> (named after its host's first label).</summary>
    public static Upstream Parse(string text)
    {
        var equals = text.IndexOf('=');
        var name = equals > 0 && !text[..equals].Contains("://", StringComparison.Ordinal) ? text[..equals].Trim() : null;
        var url = name is null ? text.Trim() : text[(equals + 1)..].Trim();
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            throw new ArgumentException($"'{text}' is not an upstream: write https://api.anthropic.com or anthropic=https://api.anthropic.com");
        }

        name ??= uri.Host.Split('.') is { Length: > 1 } labels && labels[0] is "api" ? labels[1] : uri.Host.Split('.')[0];
        return new Upstream(name, uri);
    }
}
