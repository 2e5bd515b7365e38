using System;
using System.Linq;
using CodeLeakGuard.Catalog;

namespace CodeLeakGuard.Policy;

public sealed partial class AiPolicy
{
    private const string ProprietaryReason =
        "proprietary code may not use an AI service the policy approves for ordinary code; an approval for proprietary code is explicit (proprietary=true)";

    /// <summary>
    /// Verdict for a symbol used inside proprietary code: what is banned anyway, and also every hosted AI provider the
    /// policy allows for ordinary code, unless an allow line says <c>proprietary=true</c>.
    /// </summary>
    public Verdict? CheckSymbolInProprietaryCode(string? assemblyName, string @namespace, string? fullTypeName, string? memberName, bool fromSource)
    {
        if (CheckSymbol(assemblyName, @namespace, fullTypeName, memberName, fromSource) is { } banned)
        {
            return banned;
        }

        var provider = FindAiProvider(assemblyName, @namespace, fromSource);
        if (provider is null || !provider.BannedByDefault || IsApprovedForProprietary(provider, assemblyName, @namespace, fullTypeName))
        {
            return null;
        }

        return new Verdict($"{provider.Name} (approved for ordinary code only)", ProprietaryReason, DefaultInstead, FindingSeverity.Error, $"built-in catalog ({provider.Name})", provider, null);
    }

    /// <summary>Verdict for an endpoint named inside proprietary code: approved endpoints count only with <c>proprietary=true</c>.</summary>
    public Verdict? CheckEndpointInProprietaryCode(string host, string path = "")
    {
        if (CheckEndpoint(host, path) is { } banned)
        {
            return banned;
        }

        var approved = _entries.FirstOrDefault(e => e.Target == PolicyTarget.Endpoint && e.Action != PolicyAction.Ban && e.Host!.Matches(host, path));
        if (approved is not null && approved.ApprovedForProprietary)
        {
            return null;
        }

        var provider = BuiltInCatalog.Providers.FirstOrDefault(p => p.BannedByDefault && p.Hosts.Any(h => h.Matches(host, path)));
        if (approved is null && provider is null)
        {
            return null;
        }

        return new Verdict($"endpoint '{host}' (approved for ordinary code only)", ProprietaryReason, PreferredApprovedEndpoint(forProprietaryCode: true) ?? DefaultInstead,
            FindingSeverity.Error, approved is null ? $"built-in catalog ({provider!.Name})" : $"{System.IO.Path.GetFileName(approved.Location.Path)}:{approved.Location.Line}", provider, approved);
    }

    /// <summary>The catalog provider whose SDK defines the symbol, whether banned or not (for data-flow sinks).</summary>
    public AiProvider? FindAiProvider(string? assemblyName, string @namespace, bool fromSource) =>
        BuiltInCatalog.Providers.FirstOrDefault(p =>
            (assemblyName is not null && (p.Assemblies.Any(a => a.IsMatch(assemblyName)) || p.Packages.Any(a => a.IsMatch(assemblyName))))
            || (!fromSource && p.Namespaces.Any(n => n.IsMatchOrParentOf(@namespace))));

    /// <summary>True when the text names an API host of any hosted AI provider or any approved endpoint (for data-flow sinks).</summary>
    public bool IsAiEndpoint(string host, string path) =>
        CheckEndpointInProprietaryCode(host, path) is not null;

    private bool IsApprovedForProprietary(AiProvider provider, string? assemblyName, string @namespace, string? fullTypeName) =>
        _entries.Any(e => e.Action == PolicyAction.Allow && e.ApprovedForProprietary && e.Target switch
        {
            PolicyTarget.Provider => string.Equals(e.Pattern, provider.Name, StringComparison.OrdinalIgnoreCase),
            PolicyTarget.Package or PolicyTarget.Assembly => assemblyName is not null && e.Name!.IsMatch(assemblyName),
            PolicyTarget.Namespace => e.Name!.IsMatchOrParentOf(@namespace),
            PolicyTarget.Type => fullTypeName is not null && e.Name!.IsMatchOrParentOf(fullTypeName),
            _ => false,
        });
}
