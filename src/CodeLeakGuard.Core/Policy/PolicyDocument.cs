using System.Collections.Generic;

namespace CodeLeakGuard.Policy;

/// <summary>One parsed policy file: its lines as a model, and every problem found in them.</summary>
public sealed class PolicyDocument
{
    internal PolicyDocument(string path)
    {
        Path = path;
    }

    public string Path { get; }

    public List<PolicyEntry> Entries { get; } = new();

    public List<ProprietaryRule> Proprietary { get; } = new();

    public List<SecretRule> Secrets { get; } = new();

    /// <summary><c>allow passthrough</c> lines: endpoints whose requests of unknown shape may pass unmasked.</summary>
    public List<PassThroughRule> PassThrough { get; } = new();

    public List<PolicyDiagnostic> Diagnostics { get; } = new();

    /// <summary>Set by <c>set mode=allowlist</c>; null when the file does not say.</summary>
    public PackageMode? PackageMode { get; internal set; }

    /// <summary>Set by <c>set instead="..."</c>: what to use instead when an entry does not say.</summary>
    public string? DefaultInstead { get; internal set; }

    /// <summary>Set by <c>set reason="..."</c>: why, when an entry does not say.</summary>
    public string? DefaultReason { get; internal set; }

    /// <summary>Set by <c>set internal-hosts="*.contoso.net,*.corp"</c>: DNS suffixes of internal host names (masked as secrets).</summary>
    public List<string> InternalHostSuffixes { get; } = new();

    /// <summary>Set by <c>set sensitive-terms="Contoso,ContosoPay"</c>: company and product names the masker always hides.</summary>
    public List<string> SensitiveTerms { get; } = new();

    /// <summary>Set by <c>set images=refuse|withhold|pass</c>; null when the file does not say.</summary>
    public ImageHandling? Images { get; internal set; }
}
