using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace CodeLeakGuard.Cli.Scanning;

/// <summary>
/// Everything a report needs: what was scanned, under which policy, what was found, and the rules.
/// <see cref="ProjectCount"/> counts compilations; <see cref="PackageProjectCount"/> the project files whose packages were checked.
/// </summary>
internal sealed record ScanResult(
    string Root,
    PolicySelection Policy,
    IReadOnlyList<Finding> Findings,
    IReadOnlyList<DiagnosticDescriptor> Rules,
    int FileCount,
    int ProjectCount,
    int PackageProjectCount = 0)
{
    /// <summary>A policy line that could not be understood (CLG9001): the policy is not applied as written.</summary>
    public bool HasPolicyErrors => Findings.Any(f => f.RuleId == Analyzers.RuleIdentifiers.PolicyMalformedLine);

    public int Count(FindingLevel level) => Findings.Count(f => f.Level == level);
}
