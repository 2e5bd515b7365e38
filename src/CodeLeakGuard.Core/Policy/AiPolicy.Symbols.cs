using System;
using System.Linq;
using CodeLeakGuard.Catalog;
using CodeLeakGuard.Versioning;

namespace CodeLeakGuard.Policy;

public sealed partial class AiPolicy
{
    private const int MemberRank = 5, TypeRank = 4, NamespaceRank = 3, AssemblyRank = 2, ProviderRank = 1;

    /// <summary>
    /// Verdict for a symbol, described by strings so this stays free of Roslyn. <paramref name="fullTypeName"/> is the
    /// dotted name including namespace and containing types (<c>OpenAI.Chat.ChatClient</c>); null for a namespace.
    /// Catalog namespaces apply to referenced assemblies only (<paramref name="fromSource"/> false): a company's own
    /// code is never an AI SDK, even when it names a namespace "OpenAI".
    /// </summary>
    public Verdict? CheckSymbol(string? assemblyName, string @namespace, string? fullTypeName, string? memberName, bool fromSource)
    {
        var winner = Strongest(_entries.Select(e => (e, RankSymbol(e, assemblyName, @namespace, fullTypeName, memberName, fromSource))).Where(m => m.Item2 > 0));
        if (winner is not null)
        {
            return winner.Action == PolicyAction.Ban ? FromEntry(winner, Describe(winner)) : null;
        }

        foreach (var provider in _bannedProviders)
        {
            if (assemblyName is not null && provider.Assemblies.Any(a => a.IsMatch(assemblyName)))
            {
                return FromCatalog(provider, $"assembly '{assemblyName}'");
            }

            if (!fromSource && provider.Namespaces.FirstOrDefault(n => n.IsMatchOrParentOf(@namespace)) is { } ns)
            {
                return FromCatalog(provider, $"namespace '{ns.Text}'");
            }
        }

        return null;
    }

    /// <summary>
    /// Verdict for a referenced assembly by name (a raw DLL reference, or an assembly named in reflection). A package
    /// line without a version range judges the assembly of the same name too: a package and its assembly are one thing.
    /// </summary>
    public Verdict? CheckAssembly(string assemblyName)
    {
        var winner = Strongest(_entries.Select(e => (e, RankAssembly(e, assemblyName))).Where(m => m.Item2 > 0));
        if (winner is not null)
        {
            return winner.Action == PolicyAction.Ban ? FromEntry(winner, Describe(winner)) : null;
        }

        var provider = _bannedProviders.FirstOrDefault(p => p.Assemblies.Any(a => a.IsMatch(assemblyName)));
        return provider is null ? null : FromCatalog(provider, $"assembly '{assemblyName}'");
    }

    /// <summary>
    /// Verdict for a namespace named in code (a using directive), including one that does not resolve because the
    /// SDK is not referenced yet: the text alone is judged against namespace rules.
    /// </summary>
    public Verdict? CheckNamespace(string @namespace) => CheckSymbol(null, @namespace, null, null, fromSource: false);

    /// <summary>Verdict for a type named in a string (<c>"OpenAI.Chat.ChatClient, OpenAI"</c>), as reflection uses it.</summary>
    public Verdict? CheckTypeName(string typeName, string? assemblyName)
    {
        var dot = typeName.LastIndexOf('.');
        var ns = dot > 0 ? typeName.Substring(0, dot) : string.Empty;
        return CheckSymbol(assemblyName, ns, typeName, null, fromSource: false)
            ?? (assemblyName is null ? null : CheckAssembly(assemblyName));
    }

    /// <summary>
    /// Namespace patterns under which referenced code can be banned (catalog providers in force and policy lines):
    /// the analyzers look these up once per compilation and stay idle when none exists.
    /// </summary>
    public System.Collections.Generic.IEnumerable<string> BannedNamespacePatterns =>
        _bannedProviders.SelectMany(p => p.Namespaces).Select(n => n.Text)
            .Concat(_entries.Where(e => e.Action == PolicyAction.Ban && e.Target == PolicyTarget.Namespace).Select(e => e.Name!.Text))
            .Concat(_entries.Where(e => e.Action == PolicyAction.Ban && e.Target == PolicyTarget.Provider)
                .SelectMany(e => BuiltInCatalog.Find(e.Pattern)?.Namespaces.Select(n => n.Text) ?? Enumerable.Empty<string>()))
            .Distinct(StringComparer.Ordinal);

    private int RankSymbol(PolicyEntry entry, string? assemblyName, string @namespace, string? fullTypeName, string? memberName, bool fromSource)
    {
        if (entry.Action == PolicyAction.Approve)
        {
            return 0;
        }

        switch (entry.Target)
        {
            case PolicyTarget.Member when fullTypeName is not null && memberName is not null:
                return entry.MemberType!.IsMatch(fullTypeName) && MemberNameMatches(entry.MemberName!, memberName) ? MemberRank : 0;
            case PolicyTarget.Type when fullTypeName is not null:
                return entry.Name!.IsMatchOrParentOf(fullTypeName) && !entry.Name.IsMatchOrParentOf(@namespace) ? TypeRank : 0;
            case PolicyTarget.Namespace:
                return entry.Name!.IsMatchOrParentOf(@namespace) ? NamespaceRank : 0;
            case PolicyTarget.Assembly when assemblyName is not null:
            case PolicyTarget.Package when assemblyName is not null && entry.Versions == VersionRange.All:
                return entry.Name!.IsMatch(assemblyName) ? AssemblyRank : 0;
            case PolicyTarget.Provider:
                var provider = BuiltInCatalog.Find(entry.Pattern);
                var covers = provider is not null &&
                    ((assemblyName is not null && provider.Assemblies.Any(a => a.IsMatch(assemblyName)))
                     || (!fromSource && provider.Namespaces.Any(n => n.IsMatchOrParentOf(@namespace))));
                return covers ? ProviderRank : 0;
            default:
                return 0;
        }
    }

    private static int RankAssembly(PolicyEntry entry, string assemblyName)
    {
        if (entry.Action == PolicyAction.Approve)
        {
            return 0;
        }

        return entry.Target switch
        {
            PolicyTarget.Assembly => entry.Name!.IsMatch(assemblyName) ? AssemblyRank : 0,
            PolicyTarget.Package when entry.Versions == VersionRange.All => entry.Name!.IsMatch(assemblyName) ? AssemblyRank : 0,
            PolicyTarget.Provider => BuiltInCatalog.Find(entry.Pattern)?.Assemblies.Any(a => a.IsMatch(assemblyName)) == true ? ProviderRank : 0,
            _ => 0,
        };
    }

    private static bool MemberNameMatches(string pattern, string memberName) =>
        pattern == memberName
        || (pattern == "#ctor" && memberName == ".ctor")
        || (pattern == "#cctor" && memberName == ".cctor")
        || (pattern.IndexOfAny(new[] { '*', '?' }) >= 0 && new Matching.WildcardPattern(pattern, ignoreCase: false).IsMatch(memberName));

    private static string Describe(PolicyEntry entry) => entry.Target switch
    {
        PolicyTarget.EnvironmentVariable => $"environment variable '{entry.Pattern}'",
        PolicyTarget.Provider => $"provider '{entry.Pattern}'",
        _ => $"{entry.Target.ToString().ToLowerInvariant()} '{entry.Pattern}'",
    };
}
