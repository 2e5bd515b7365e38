using System;

namespace CodeLeakGuard.Matching;

/// <summary>
/// An API endpoint: a host pattern (<c>api.openai.com</c>, <c>*.openai.azure.com</c>, <c>bedrock-runtime.*.amazonaws.com</c>)
/// with an optional path prefix (<c>openrouter.ai/api</c>) for providers whose API shares a host with their web site.
/// Hosts compare case-insensitively; a label <c>*</c> stands for one or more whole DNS labels, a <c>*</c> inside a
/// label for any characters of that label (<c>*-aiplatform.googleapis.com</c>).
/// </summary>
public sealed class HostPattern
{
    private readonly string[] _labels;

    private HostPattern(string text, string[] labels, string pathPrefix)
    {
        Text = text;
        _labels = labels;
        PathPrefix = pathPrefix;
    }

    public string Text { get; }

    /// <summary>Path the URL must start with ("" for any path).</summary>
    public string PathPrefix { get; }

    public int Specificity => Text.Replace("*", string.Empty).Length;

    /// <summary>Parses <c>host[/path]</c> or a full URL; returns null with a reason when it is not a host pattern.</summary>
    public static HostPattern? TryParse(string text, out string? error)
    {
        error = null;
        var value = text.Trim();
        var scheme = value.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0)
        {
            value = value.Substring(scheme + 3);
        }

        var slash = value.IndexOf('/');
        var host = slash >= 0 ? value.Substring(0, slash) : value;
        var path = slash >= 0 ? value.Substring(slash).TrimEnd('/') : string.Empty;
        var colon = host.LastIndexOf(':');
        if (colon > 0 && !host.Contains("]"))
        {
            host = host.Substring(0, colon);
        }

        if (host.Length == 0)
        {
            error = "an endpoint needs a host name";
            return null;
        }

        var labels = host.ToLowerInvariant().Split('.');
        foreach (var label in labels)
        {
            if (label.Length == 0)
            {
                error = $"'{host}' has an empty DNS label";
                return null;
            }

            if (label != "*" && !IsHostLabel(label.Replace("*", string.Empty)))
            {
                error = $"'{label}' is not a valid DNS label (letters, digits and '-' only; '*' alone for any labels, or inside a label for any characters)";
                return null;
            }
        }

        return new HostPattern(host.ToLowerInvariant() + path, labels, path);
    }

    public bool MatchesHost(string host) => MatchLabels(host.ToLowerInvariant().TrimEnd('.').Split('.'), 0, 0);

    public bool Matches(string host, string path) =>
        MatchesHost(host) && (PathPrefix.Length == 0 || path.StartsWith(PathPrefix, StringComparison.OrdinalIgnoreCase));

    private bool MatchLabels(string[] host, int h, int p)
    {
        if (p == _labels.Length)
        {
            return h == host.Length;
        }

        if (_labels[p] == "*")
        {
            // '*' takes one or more labels.
            for (var take = 1; h + take <= host.Length; take++)
            {
                if (MatchLabels(host, h + take, p + 1))
                {
                    return true;
                }
            }

            return false;
        }

        return h < host.Length && LabelMatches(_labels[p], host[h]) && MatchLabels(host, h + 1, p + 1);
    }

    // "*-aiplatform" matches "us-central1-aiplatform": a '*' inside a label stays inside that label.
    private static bool LabelMatches(string pattern, string label) =>
        pattern.IndexOf('*') < 0 ? pattern == label : new WildcardPattern(pattern).IsMatch(label);

    private static bool IsHostLabel(string label)
    {
        foreach (var c in label)
        {
            if (!(c is >= 'a' and <= 'z' || c is >= '0' and <= '9' || c == '-' || c == '_'))
            {
                return false;
            }
        }

        return true;
    }

    public override string ToString() => Text;
}
