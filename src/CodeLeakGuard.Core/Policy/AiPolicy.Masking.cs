using System;
using System.Collections.Generic;
using System.Linq;

namespace CodeLeakGuard.Policy;

public sealed partial class AiPolicy
{
    private IReadOnlyList<string>? _internalHostSuffixes;
    private IReadOnlyList<string>? _sensitiveTerms;
    private IReadOnlyList<PassThroughRule>? _passThrough;

    /// <summary>DNS suffixes the policy adds to the built-in internal ones (<c>set internal-hosts=</c>).</summary>
    public IReadOnlyList<string> InternalHostSuffixes =>
        _internalHostSuffixes ??= Documents.SelectMany(d => d.InternalHostSuffixes).Distinct(StringComparer.Ordinal).ToArray();

    /// <summary>Company and product names the masker always replaces (<c>set sensitive-terms=</c>).</summary>
    public IReadOnlyList<string> SensitiveTerms =>
        _sensitiveTerms ??= Documents.SelectMany(d => d.SensitiveTerms).Distinct(StringComparer.Ordinal).ToArray();

    /// <summary>Endpoints whose requests of unknown shape may pass the masking handler unmasked (<c>allow passthrough</c>).</summary>
    public IReadOnlyList<PassThroughRule> PassThrough =>
        _passThrough ??= Documents.SelectMany(d => d.PassThrough).ToArray();

    /// <summary>What the masking handler does with images (<c>set images=</c>): the strictest any file says; refuse when none does.</summary>
    public ImageHandling Images =>
        Documents.Select(d => d.Images).Where(i => i is not null).Select(i => i!.Value).DefaultIfEmpty(ImageHandling.Refuse).Max();

    /// <summary>Whether a request to <paramref name="uri"/> that the masking handler does not understand may pass unmasked.</summary>
    public bool AllowsPassThrough(Uri uri) => PassThrough.Any(rule => rule.Matches(uri));
}
