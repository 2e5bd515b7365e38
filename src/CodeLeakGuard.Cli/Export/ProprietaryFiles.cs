using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using CodeLeakGuard.Analyzers.Proprietary;
using CodeLeakGuard.Policy;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CodeLeakGuard.Cli.Export;

/// <summary>How the policy's <c>proprietary path</c> globs cover a repository-relative path.</summary>
public enum ProprietaryPathCoverage
{
    /// <summary>No <c>proprietary path</c> glob matches.</summary>
    NotCovered,

    /// <summary>A glob matches with the path's exact letter case.</summary>
    Covered,

    /// <summary>
    /// A glob matches only because policy globs ignore case (<c>src/Pricing/**</c> and <c>src/pricing/Rates.cs</c>):
    /// a tool that matches case-sensitively would miss the file, so it has to be named on its own.
    /// </summary>
    CoveredIgnoringCase,
}

/// <summary>Why one file is proprietary, as <see cref="ProprietaryFiles.Classify(string, SyntaxTree, AiPolicy, bool, CancellationToken)"/> found it.</summary>
public sealed class ProprietaryFileVerdict
{
    internal ProprietaryFileVerdict(string path, ProprietaryDocument document, ProprietaryPathCoverage pathCoverage)
    {
        Path = path;
        Document = document;
        PathCoverage = pathCoverage;
        MarkerKinds = document.Spans.Select(s => s.Kind).Where(k => k != ProprietaryMarkerKind.PolicyPath).Distinct().OrderBy(k => k).ToList();
    }

    /// <summary>The repository-relative path, with forward slashes.</summary>
    public string Path { get; }

    /// <summary>The proprietary spans of the file, from <see cref="ProprietarySpanFinder"/>.</summary>
    public ProprietaryDocument Document { get; }

    /// <summary>How the policy's path globs cover the file.</summary>
    public ProprietaryPathCoverage PathCoverage { get; }

    /// <summary>What marks code in the file proprietary besides a path glob (attribute, region, comment pair, policy symbol).</summary>
    public IReadOnlyList<ProprietaryMarkerKind> MarkerKinds { get; }

    /// <summary>Some or all of the file is proprietary.</summary>
    public bool IsProprietary => Document.HasProprietaryCode;
}

/// <summary>
/// Decides whether a source file is proprietary, exactly as the analyzers do (the policy's path globs and
/// <see cref="ProprietarySpanFinder"/>: attribute, regions, comment pairs, policy symbols). Pure: it reads no file and
/// keeps no state, so the masker can ask the same question about a file it is about to send.
/// </summary>
public static class ProprietaryFiles
{
    private static readonly CSharpParseOptions ParseOptions = CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Preview);

    /// <summary>Parses <paramref name="sourceText"/> as C# and classifies it.</summary>
    /// <param name="repositoryRelativePath">The file's path relative to the repository root (either separator).</param>
    /// <param name="assemblyIsProprietary">True when the file's project carries <c>[assembly: Proprietary]</c>.</param>
    public static ProprietaryFileVerdict Classify(string repositoryRelativePath, string sourceText, AiPolicy policy, bool assemblyIsProprietary = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sourceText);
        var path = NormalizePath(repositoryRelativePath);
        var tree = Parse(path, sourceText, cancellationToken);
        return Classify(path, tree, policy, assemblyIsProprietary, cancellationToken);
    }

    /// <summary>Classifies an already parsed file.</summary>
    public static ProprietaryFileVerdict Classify(string repositoryRelativePath, SyntaxTree tree, AiPolicy policy, bool assemblyIsProprietary = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tree);
        ArgumentNullException.ThrowIfNull(policy);
        var path = NormalizePath(repositoryRelativePath);
        var document = ProprietarySpanFinder.Find(tree, policy, path, assemblyIsProprietary, cancellationToken);
        return new ProprietaryFileVerdict(path, document, PathCoverage(policy, path));
    }

    /// <summary>True when the C# text declares <c>[assembly: Proprietary]</c>, which makes its whole project proprietary.</summary>
    public static bool HasAssemblyMarker(string sourceText, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sourceText);

        // Cheap text checks first: almost no file mentions both words.
        return sourceText.Contains("roprietary", StringComparison.Ordinal)
            && sourceText.Contains("assembly", StringComparison.Ordinal)
            && ProprietarySpanFinder.HasAssemblyMarker(Parse(string.Empty, sourceText, cancellationToken), cancellationToken);
    }

    /// <summary>How the policy's <c>proprietary path</c> globs cover a path (any file, not only C#).</summary>
    public static ProprietaryPathCoverage PathCoverage(AiPolicy policy, string repositoryRelativePath)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var path = NormalizePath(repositoryRelativePath);
        var coverage = ProprietaryPathCoverage.NotCovered;
        foreach (var rule in policy.Proprietary)
        {
            if (rule.Scope != ProprietaryScope.Path || !rule.CoversFile(path))
            {
                continue;
            }

            if (ExactCaseGlob.IsMatch(rule.Pattern, path))
            {
                return ProprietaryPathCoverage.Covered;
            }

            coverage = ProprietaryPathCoverage.CoveredIgnoringCase;
        }

        return coverage;
    }

    /// <summary>Forward slashes, no leading <c>./</c>.</summary>
    public static string NormalizePath(string repositoryRelativePath)
    {
        ArgumentNullException.ThrowIfNull(repositoryRelativePath);
        var path = repositoryRelativePath.Replace('\\', '/');
        while (path.StartsWith("./", StringComparison.Ordinal))
        {
            path = path.Substring(2);
        }

        return path;
    }

    private static SyntaxTree Parse(string path, string sourceText, CancellationToken cancellationToken) =>
        CSharpSyntaxTree.ParseText(sourceText, ParseOptions, path, cancellationToken: cancellationToken);
}
