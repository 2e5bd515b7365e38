using System.Collections.Generic;
using System.Linq;
using CodeLeakGuard.Catalog;
using CodeLeakGuard.Matching;

namespace CodeLeakGuard.Policy;

/// <summary>
/// Warns about lines that parse but can never change a verdict: empty version ranges, and (in deny-list mode) allow
/// lines that nothing in the catalog or in the same file bans. A ban in another policy file can still make such an
/// allow line useful, so this is a warning, never an error.
/// </summary>
internal static class IneffectiveEntryCheck
{
    public static void Run(PolicyDocument document)
    {
        foreach (var entry in document.Entries)
        {
            if (entry.Versions.IsEmpty)
            {
                Warn(document, entry, $"version range {entry.Versions} contains no version, so this line never matches");
            }
        }

        if (document.PackageMode == PackageMode.Allowlist)
        {
            return;
        }

        var bans = document.Entries.Where(e => e.Action == PolicyAction.Ban).ToList();
        foreach (var entry in document.Entries.Where(e => e.Action == PolicyAction.Allow && e.Wraps.Count == 0))
        {
            if (!IsBannedSomewhere(entry, bans))
            {
                Warn(document, entry, $"'allow {Describe(entry.Target)} {entry.Pattern}' has no effect: neither the built-in catalog nor this file bans it");
            }
        }
    }

    private static bool IsBannedSomewhere(PolicyEntry allow, List<PolicyEntry> bans)
    {
        var hosted = BuiltInCatalog.Providers.Where(p => p.BannedByDefault).ToList();
        var bannedProviders = hosted.Concat(bans.Where(b => b.Target == PolicyTarget.Provider).Select(b => BuiltInCatalog.Find(b.Pattern)!)).ToList();
        switch (allow.Target)
        {
            case PolicyTarget.Provider:
                return bannedProviders.Any(p => string.Equals(p.Name, allow.Pattern, System.StringComparison.OrdinalIgnoreCase));
            case PolicyTarget.Package:
                return Overlaps(allow.Name!, bannedProviders.SelectMany(p => p.Packages).Concat(NamesOf(bans, PolicyTarget.Package)));
            case PolicyTarget.Assembly:
                return Overlaps(allow.Name!, bannedProviders.SelectMany(p => p.Assemblies).Concat(NamesOf(bans, PolicyTarget.Assembly)));
            case PolicyTarget.Namespace:
            case PolicyTarget.Type:
            case PolicyTarget.Member:
                var symbolBans = bannedProviders.SelectMany(p => p.Namespaces.Concat(p.Assemblies))
                    .Concat(NamesOf(bans, PolicyTarget.Namespace)).Concat(NamesOf(bans, PolicyTarget.Type))
                    .Concat(NamesOf(bans, PolicyTarget.Member)).Concat(NamesOf(bans, PolicyTarget.Assembly));
                return symbolBans.Any(b => b.IsMatchOrParentOf(allow.Pattern) || allow.Name!.IsMatchOrParentOf(b.Text) || allow.Name!.HasWildcards);
            case PolicyTarget.Endpoint:
                var hosts = bannedProviders.SelectMany(p => p.Hosts).Concat(bans.Where(b => b.Host is not null).Select(b => b.Host!));
                var allowHost = allow.Host!.Text.Split('/')[0];
                return allowHost.Contains("*") || hosts.Any(h => h.MatchesHost(allowHost) || h.Text.Split('/')[0] == allowHost);
            case PolicyTarget.EnvironmentVariable:
                return Overlaps(allow.Name!, bannedProviders.SelectMany(p => p.EnvironmentVariables).Select(v => new WildcardPattern(v))
                    .Concat(NamesOf(bans, PolicyTarget.EnvironmentVariable)));
            default:
                return true;
        }
    }

    private static IEnumerable<WildcardPattern> NamesOf(List<PolicyEntry> bans, PolicyTarget target) =>
        bans.Where(b => b.Target == target && b.Name is not null).Select(b => b.Name!);

    private static bool Overlaps(WildcardPattern allow, IEnumerable<WildcardPattern> bans) =>
        bans.Any(b => b.IsMatch(allow.Text) || allow.IsMatch(b.Text) || (allow.HasWildcards && b.HasWildcards));

    private static string Describe(PolicyTarget target) =>
        target == PolicyTarget.EnvironmentVariable ? "env" : target.ToString().ToLowerInvariant();

    private static void Warn(PolicyDocument document, PolicyEntry entry, string message) =>
        PolicyParser.Report(document, PolicyDiagnostic.IneffectiveLineId, FindingSeverity.Warning,
            entry.Location.Line, entry.Location.Column, entry.Location.Length, message);
}
