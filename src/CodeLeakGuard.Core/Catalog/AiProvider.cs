using System.Collections.Generic;
using System.Linq;
using CodeLeakGuard.Matching;

namespace CodeLeakGuard.Catalog;

/// <summary>Whether code sent through a catalog entry can leave the machine.</summary>
public enum AiProviderKind
{
    /// <summary>A hosted AI service: banned by default.</summary>
    Hosted,

    /// <summary>A framework connector that talks to a hosted service (Semantic Kernel, Microsoft.Extensions.AI, LangChain): banned by default.</summary>
    HostedConnector,

    /// <summary>A vendor-neutral abstraction or a local runtime: allowed by default, listed so allow-list mode can require it explicitly.</summary>
    LocalOrNeutral,
}

/// <summary>One provider of the built-in catalog: how its SDKs, endpoints and keys show up in a .NET code base.</summary>
public sealed class AiProvider
{
    public AiProvider(
        string name,
        AiProviderKind kind,
        IEnumerable<string> packages,
        IEnumerable<string>? assemblies = null,
        IEnumerable<string>? namespaces = null,
        IEnumerable<string>? hosts = null,
        IEnumerable<string>? environmentVariables = null)
    {
        Name = name;
        Kind = kind;
        Packages = packages.Select(p => new WildcardPattern(p)).ToArray();
        Assemblies = (assemblies ?? packages).Select(p => new WildcardPattern(p)).ToArray();
        Namespaces = (namespaces ?? System.Array.Empty<string>()).Select(p => new WildcardPattern(p, ignoreCase: false)).ToArray();
        Hosts = (hosts ?? System.Array.Empty<string>())
            .Select(h => HostPattern.TryParse(h, out var error) ?? throw new System.ArgumentException($"catalog host '{h}' of {name}: {error}"))
            .ToArray();
        EnvironmentVariables = (environmentVariables ?? System.Array.Empty<string>()).ToArray();
    }

    public string Name { get; }

    public AiProviderKind Kind { get; }

    public bool BannedByDefault => Kind != AiProviderKind.LocalOrNeutral;

    /// <summary>NuGet package id patterns.</summary>
    public IReadOnlyList<WildcardPattern> Packages { get; }

    /// <summary>Assembly name patterns (defaults to the package ids: NuGet packages almost always ship an assembly of the same name).</summary>
    public IReadOnlyList<WildcardPattern> Assemblies { get; }

    /// <summary>Root namespaces; symbols of referenced assemblies under these are the provider's.</summary>
    public IReadOnlyList<WildcardPattern> Namespaces { get; }

    /// <summary>API endpoints (not marketing or documentation sites).</summary>
    public IReadOnlyList<HostPattern> Hosts { get; }

    /// <summary>Environment variables that carry the provider's API key.</summary>
    public IReadOnlyList<string> EnvironmentVariables { get; }

    public override string ToString() => Name;
}
