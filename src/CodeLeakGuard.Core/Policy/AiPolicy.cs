using System;
using System.Collections.Generic;
using System.Linq;
using CodeLeakGuard.Catalog;
using CodeLeakGuard.Versioning;

namespace CodeLeakGuard.Policy;

/// <summary>
/// The effective policy: the built-in catalog narrowed or extended by every policy file. The analyzers, the build task,
/// the masker and the CLI all ask this one object, so they cannot disagree about what is banned.
/// Precedence: a matching policy line always beats the catalog; among policy lines the most specific target wins
/// (member, type, namespace, assembly, provider; then the longer literal pattern), and on a tie a ban beats an allow.
/// </summary>
public sealed partial class AiPolicy
{
    public const string DefaultInsteadText = "the company's approved internal AI service";

    private readonly PolicyEntry[] _entries;
    private readonly AiProvider[] _bannedProviders;

    public AiPolicy(IEnumerable<PolicyDocument> documents)
    {
        Documents = documents.ToArray();
        _entries = Documents.SelectMany(d => d.Entries).ToArray();
        Mode = Documents.Any(d => d.PackageMode == PackageMode.Allowlist) ? PackageMode.Allowlist : PackageMode.Denylist;
        DefaultInstead = Documents.Select(d => d.DefaultInstead).LastOrDefault(s => s is not null) ?? DefaultInsteadText;
        DefaultReason = Documents.Select(d => d.DefaultReason).LastOrDefault(s => s is not null);
        ApprovedEndpoints = _entries.Where(e => e.Action == PolicyAction.Approve).ToArray();
        Proprietary = Documents.SelectMany(d => d.Proprietary).ToArray();
        Secrets = Documents.SelectMany(d => d.Secrets).ToArray();
        Diagnostics = Documents.SelectMany(d => d.Diagnostics).ToArray();
        _bannedProviders = BuiltInCatalog.Providers.Where(IsProviderBanned).ToArray();
    }

    /// <summary>The built-in catalog with no policy file.</summary>
    public static AiPolicy Default { get; } = new(Array.Empty<PolicyDocument>());

    public static AiPolicy Parse(string text, string path) => new(new[] { PolicyParser.Parse(text, path) });

    public IReadOnlyList<PolicyDocument> Documents { get; }

    public PackageMode Mode { get; }

    public string DefaultInstead { get; }

    public string? DefaultReason { get; }

    public IReadOnlyList<PolicyEntry> Entries => _entries;

    public IReadOnlyList<PolicyEntry> ApprovedEndpoints { get; }

    public IReadOnlyList<ProprietaryRule> Proprietary { get; }

    public IReadOnlyList<SecretRule> Secrets { get; }

    public IReadOnlyList<PolicyDiagnostic> Diagnostics { get; }

    public bool HasErrors => Diagnostics.Any(d => d.Severity == FindingSeverity.Error);

    /// <summary>The catalog providers this policy bans (hosted ones unless allowed; every one in allow-list mode).</summary>
    public IReadOnlyList<AiProvider> BannedProviders => _bannedProviders;

    /// <summary>True when some policy line names a namespace, type or member (so source code itself might be banned).</summary>
    public bool HasSymbolEntries => _entries.Any(e => e.Target is PolicyTarget.Namespace or PolicyTarget.Type or PolicyTarget.Member);

    private bool IsProviderBanned(AiProvider provider)
    {
        bool Names(PolicyEntry e) => e.Target == PolicyTarget.Provider && string.Equals(e.Pattern, provider.Name, StringComparison.OrdinalIgnoreCase);
        if (_entries.Any(e => Names(e) && e.Action == PolicyAction.Ban))
        {
            return true;
        }

        var allowed = _entries.Any(e => Names(e) && e.Action == PolicyAction.Allow);
        return !allowed && (provider.BannedByDefault || Mode == PackageMode.Allowlist);
    }

    private Verdict FromEntry(PolicyEntry entry, string subject) => new(
        subject,
        entry.Reason ?? DefaultReason ?? "banned by the AI usage policy",
        entry.Instead ?? DefaultInstead,
        entry.Severity ?? FindingSeverity.Error,
        $"{System.IO.Path.GetFileName(entry.Location.Path)}:{entry.Location.Line}", // portable across machines and SARIF
        entry.Target == PolicyTarget.Provider ? BuiltInCatalog.Find(entry.Pattern) : null,
        entry);

    private Verdict FromCatalog(AiProvider provider, string subject) => new(
        subject,
        DefaultReason ?? CatalogReason(provider),
        DefaultInstead,
        FindingSeverity.Error,
        $"built-in catalog ({provider.Name})",
        provider,
        null);

    private string CatalogReason(AiProvider provider) => provider.Kind switch
    {
        AiProviderKind.Hosted => $"{provider.Name} is a hosted AI service: code and data sent to it leave the company",
        AiProviderKind.HostedConnector => $"{provider.Name} send code and data to hosted AI services outside the company",
        _ => "in allow-list mode only the AI packages the policy allows may be used",
    };

    /// <summary>Picks the winning policy line: highest rank, then longest literal pattern, then ban over allow.</summary>
    private static PolicyEntry? Strongest(IEnumerable<(PolicyEntry Entry, int Rank)> matches)
    {
        PolicyEntry? best = null;
        int bestRank = -1, bestLength = -1;
        foreach (var (entry, rank) in matches)
        {
            var length = entry.Name?.LiteralLength ?? entry.Host?.Specificity ?? entry.Pattern.Length;
            var better = rank > bestRank
                || (rank == bestRank && length > bestLength)
                || (rank == bestRank && length == bestLength && entry.Action == PolicyAction.Ban && best!.Action != PolicyAction.Ban);
            if (better)
            {
                best = entry;
                bestRank = rank;
                bestLength = length;
            }
        }

        return best;
    }
}
