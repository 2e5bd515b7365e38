using System;
using System.Collections.Generic;
using System.Linq;
using CodeLeakGuard.Analyzers;
using Microsoft.CodeAnalysis;

namespace CodeLeakGuard.Cli.Scanning;

/// <summary>
/// The rules a scan can report, for the SARIF <c>tool.driver.rules</c>: every analyzer rule (CLG1010 among them, whose
/// analyzer reports it in the IDE) plus the rules only the package check reports, one per id, ordered by id.
/// </summary>
internal static class ScanRules
{
    /// <summary>CLG9004 as the build task reports it; no analyzer reports it, so the CLI describes it here.</summary>
    // RS2008 (release tracking) is for analyzer assemblies: this descriptor only describes a SARIF rule of the tool.
#pragma warning disable RS2008
    public static readonly DiagnosticDescriptor RestoreGraphUnreadable = new(
        RuleIdentifiers.RestoreGraphUnreadable,
        "Restore graph cannot be read",
        "{0}",
        RuleCategories.Policy,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        "project.assets.json exists but cannot be read; the package check cannot vouch for a graph it cannot read, so it fails closed.",
        RuleIdentifiers.GetHelpUri(RuleIdentifiers.RestoreGraphUnreadable));

    /// <summary>CLG1011: an allow line for packages that no scanned project has (only a whole-repository scan can know).</summary>
    public static readonly DiagnosticDescriptor UnusedPackageAllowance = new(
        RuleIdentifiers.UnusedPackageAllowance,
        "Package allowance matches nothing",
        "{0}",
        RuleCategories.Policy,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        "An 'allow package' line of the policy (an approval or a wrapper) matched no package of any scanned project: it may be stale, misspelt, or wider than needed.",
        RuleIdentifiers.GetHelpUri(RuleIdentifiers.UnusedPackageAllowance));
#pragma warning restore RS2008

    private static readonly Lazy<IReadOnlyList<DiagnosticDescriptor>> LazyAll = new(() =>
        AnalyzerCatalog.Rules
            .Append(RestoreGraphUnreadable)
            .Append(UnusedPackageAllowance)
            .GroupBy(d => d.Id, StringComparer.Ordinal)
            .Select(g => g.First())
            .OrderBy(d => d.Id, StringComparer.Ordinal)
            .ToArray());

    public static IReadOnlyList<DiagnosticDescriptor> All => LazyAll.Value;
}
