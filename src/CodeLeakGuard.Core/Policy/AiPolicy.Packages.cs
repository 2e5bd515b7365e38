using System.Linq;
using CodeLeakGuard.Catalog;
using CodeLeakGuard.Versioning;

namespace CodeLeakGuard.Policy;

public sealed partial class AiPolicy
{
    /// <summary>Verdict for a NuGet package at a resolved version (null version: any version).</summary>
    public Verdict? CheckPackage(string packageId, string? version)
    {
        PackageVersion? parsed = null;
        if (version is not null)
        {
            PackageVersion.TryParse(version, out parsed);
        }

        var winner = Strongest(_entries
            .Where(e => e.Action != PolicyAction.Approve)
            .Select(e => (e, RankPackage(e, packageId, parsed)))
            .Where(m => m.Item2 > 0));
        var subject = version is null ? $"package '{packageId}'" : $"package '{packageId}' {version}";
        if (winner is not null)
        {
            return winner.Action == PolicyAction.Ban ? FromEntry(winner, subject) : null;
        }

        var provider = _bannedProviders.FirstOrDefault(p => p.Packages.Any(n => n.IsMatch(packageId)));
        return provider is null ? null : FromCatalog(provider, subject);
    }

    /// <summary>Allowed wrapper packages (<c>allow package Contoso.AI wraps=OpenAI</c>) that may bring in <paramref name="packageId"/>.</summary>
    public bool IsWrapperOf(string wrapperId, string packageId) =>
        _entries.Any(e => e.Action == PolicyAction.Allow && e.Target == PolicyTarget.Package &&
            e.Name!.IsMatch(wrapperId) && e.Wraps.Any(w => w.IsMatch(packageId)));

    private static int RankPackage(PolicyEntry entry, string packageId, PackageVersion? version)
    {
        switch (entry.Target)
        {
            case PolicyTarget.Package:
                var versionMatches = version is null ? entry.Versions == VersionRange.All || entry.Action == PolicyAction.Ban : entry.Versions.Contains(version);
                return entry.Name!.IsMatch(packageId) && versionMatches ? 2 : 0;
            case PolicyTarget.Provider:
                return BuiltInCatalog.Find(entry.Pattern)?.Packages.Any(p => p.IsMatch(packageId)) == true ? 1 : 0;
            default:
                return 0;
        }
    }
}
