using System;
using System.Collections.Generic;
using System.Linq;
using CodeLeakGuard.Policy;
using Microsoft.CodeAnalysis.CSharp;

namespace CodeLeakGuard.Masking;

/// <summary>How a <see cref="MaskingSession"/> masks: the policy it follows and a few limits.</summary>
public sealed class MaskingOptions
{
    /// <summary>Proprietary paths, namespaces, types and members; secret rules; internal host suffixes; sensitive terms.</summary>
    public AiPolicy Policy { get; set; } = AiPolicy.Default;

    /// <summary>Longer texts are refused (<see cref="MaskingFailure.InputTooLarge"/>), bounding time and memory. Default 32 M characters.</summary>
    public int MaxInputLength { get; set; } = 32 * 1024 * 1024;

    /// <summary>Language version and preprocessor symbols for C#; <c>#if</c> branches that are off are masked word by word.</summary>
    public CSharpParseOptions ParseOptions { get; set; } = CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Preview);

    /// <summary>Names never masked, on top of the framework and well-known library names (e.g. an open-source dependency's API).</summary>
    public ISet<string> KeepNames { get; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Words always masked, in code and prose, on top of the policy's <c>sensitive-terms</c> (company and product names).</summary>
    public ISet<string> SensitiveTerms { get; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Every term masked: the policy's <c>sensitive-terms</c> and <see cref="SensitiveTerms"/>, once each.</summary>
    internal IEnumerable<string> AllSensitiveTerms() => Policy.SensitiveTerms.Count == 0 && SensitiveTerms.Count == 0
        ? Array.Empty<string>() // the usual case, asked for every text masked: no enumerators, no set
        : Policy.SensitiveTerms.Concat(SensitiveTerms).Where(term => term.Length > 0).Distinct(StringComparer.Ordinal);
}
