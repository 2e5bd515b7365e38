using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;

namespace CodeLeakGuard.Policy;

/// <summary>A banned API endpoint found inside a piece of text.</summary>
public sealed class EndpointMatch
{
    public EndpointMatch(int start, int length, string host, Verdict verdict)
    {
        Start = start;
        Length = length;
        Host = host;
        Verdict = verdict;
    }

    /// <summary>Where the URL (or bare host) starts in the text searched.</summary>
    public int Start { get; }

    public int Length { get; }

    public string Host { get; }

    public Verdict Verdict { get; }
}

public sealed partial class AiPolicy
{
    /// <summary>Every banned API endpoint in <paramref name="text"/>; approved endpoints and loopback are never reported.</summary>
    public IReadOnlyList<EndpointMatch> FindEndpoints(string text)
    {
        List<EndpointMatch>? found = null;
        foreach (var mention in Endpoints.HostMentions.Find(text))
        {
            if (CheckEndpoint(mention.Host, mention.Path) is { } verdict)
            {
                (found ??= new List<EndpointMatch>()).Add(new EndpointMatch(mention.Start, mention.Text.Length, mention.Host, verdict));
            }
        }

        return (IReadOnlyList<EndpointMatch>?)found ?? Array.Empty<EndpointMatch>();
    }

    /// <summary>Verdict for one host and path; null when allowed (approved, loopback, or not an AI API).</summary>
    public Verdict? CheckEndpoint(string host, string path = "")
    {
        host = host.Trim('[', ']').TrimEnd('.').ToLowerInvariant();
        if (IsLoopback(host))
        {
            return null;
        }

        var winner = Strongest(_entries
            .Where(e => e.Target == PolicyTarget.Endpoint && e.Host!.Matches(host, path))
            .Select(e => (e, e.Action == PolicyAction.Approve ? 3 : 2)));
        if (winner is not null)
        {
            return winner.Action == PolicyAction.Ban ? FromEntry(winner, $"endpoint '{winner.Pattern}'") : null;
        }

        var allowedByProvider = _entries
            .Where(e => e.Target == PolicyTarget.Provider && e.Action == PolicyAction.Allow)
            .Any(e => Catalog.BuiltInCatalog.Find(e.Pattern)?.Hosts.Any(h => h.Matches(host, path)) == true);
        if (allowedByProvider)
        {
            return null;
        }

        foreach (var provider in _bannedProviders)
        {
            var hostPattern = provider.Hosts.FirstOrDefault(h => h.Matches(host, path));
            if (hostPattern is not null)
            {
                return FromCatalog(provider, $"endpoint '{hostPattern.Text}'");
            }
        }

        return null;
    }

    /// <summary>The approved endpoint offered as replacement for banned ones (the first <c>approve endpoint</c> line).</summary>
    public string? PreferredApprovedEndpoint(bool forProprietaryCode = false) =>
        ApprovedEndpoints.FirstOrDefault(e => !forProprietaryCode || e.ApprovedForProprietary)?.Pattern;

    private static bool IsLoopback(string host)
    {
        if (host == "localhost" || host.EndsWith(".localhost", StringComparison.Ordinal))
        {
            return true;
        }

        return IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address);
    }

    /// <summary>Verdict for an API-key environment variable or configuration key name.</summary>
    public Verdict? CheckEnvironmentVariable(string name)
    {
        var winner = Strongest(_entries
            .Where(e => e.Target == PolicyTarget.EnvironmentVariable && e.Name!.IsMatch(name))
            .Select(e => (e, 2)));
        if (winner is not null)
        {
            return winner.Action == PolicyAction.Ban ? FromEntry(winner, $"environment variable '{name}'") : null;
        }

        var provider = _bannedProviders.FirstOrDefault(p => p.EnvironmentVariables.Any(v => string.Equals(v, name, StringComparison.OrdinalIgnoreCase)));
        return provider is null ? null : FromCatalog(provider, $"environment variable '{name}'");
    }

    private static readonly HashSet<string> CommonLabels = new(StringComparer.OrdinalIgnoreCase)
    {
        "com", "net", "org", "api", "www", "azure", "amazonaws", "googleapis", "cloud", "xyz", "services", "inference",
        "runtime", "agent", "fips", "router", "models", "endpoints", "backend", "github",
    };

    /// <summary>
    /// Distinctive words of the banned hosts ("anthropic", "openai", "bedrock"...), lower-case: text that contains none
    /// of them cannot fold into a banned URL, so the analyzers skip constant folding for it.
    /// </summary>
    public IReadOnlyList<string> EndpointKeywords => _endpointKeywords ??= ComputeEndpointKeywords();

    /// <summary><see cref="EndpointKeywords"/> as a one-pass search: a text that contains none cannot name a banned host.</summary>
    public Text.KeywordSearch EndpointKeywordSearch => _endpointKeywordSearch ??= new Text.KeywordSearch(EndpointKeywords, ignoreCase: true);

    private IReadOnlyList<string>? _endpointKeywords;
    private Text.KeywordSearch? _endpointKeywordSearch;

    private IReadOnlyList<string> ComputeEndpointKeywords()
    {
        var hosts = _bannedProviders.SelectMany(p => p.Hosts)
            .Concat(_entries.Where(e => e.Target == PolicyTarget.Endpoint && e.Action == PolicyAction.Ban).Select(e => e.Host!));
        var keywords = new HashSet<string>(StringComparer.Ordinal);
        foreach (var host in hosts)
        {
            // In-label wildcards split words too: a keyword must be plain text that every matching host contains.
            var labels = host.Text.Split('/')[0].Split('.', '-', '*', '?').Where(l => l.Length >= 3 && !CommonLabels.Contains(l)).ToList();
            if (labels.Count == 0)
            {
                keywords.UnionWith(host.Text.Split('/')[0].Split('*', '?').Select(p => p.Trim('.', '-')).Where(p => p.Length > 0));
            }

            foreach (var label in labels)
            {
                keywords.Add(label.ToLowerInvariant());
            }
        }

        return keywords.ToArray();
    }

    /// <summary>Every environment variable name the policy bans literally (used as a fast pre-filter).</summary>
    public IEnumerable<string> BannedEnvironmentVariableNames =>
        _bannedProviders.SelectMany(p => p.EnvironmentVariables)
            .Concat(_entries.Where(e => e.Target == PolicyTarget.EnvironmentVariable && e.Action == PolicyAction.Ban).Select(e => e.Pattern));
}
