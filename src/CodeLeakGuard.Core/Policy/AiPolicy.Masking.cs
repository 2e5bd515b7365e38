using System;
using System.Collections.Generic;
using System.Linq;

namespace CodeLeakGuard.Policy;

public sealed partial class AiPolicy
{
    private IReadOnlyList<string>? _internalHostSuffixes;
    private IReadOnlyList<string>? _sensitiveTerms;

    /// <summary>DNS suffixes the policy adds to the built-in internal ones (<c>set internal-hosts=</c>).</summary>
    public IReadOnlyList<string> InternalHostSuffixes =>
        _internalHostSuffixes ??= Documents.SelectMany(d => d.InternalHostSuffixes).Distinct(StringComparer.Ordinal).ToArray();

    /// <summary>Company and product names the masker always replaces (<c>set sensitive-terms=</c>).</summary>
    public IReadOnlyList<string> SensitiveTerms =>
        _sensitiveTerms ??= Documents.SelectMany(d => d.SensitiveTerms).Distinct(StringComparer.Ordinal).ToArray();
}
