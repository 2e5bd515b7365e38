using System;
using System.Collections.Generic;
using System.Linq;

namespace CodeLeakGuard.Cli.Scanning;

/// <summary>The one order of a report: by file (findings without a file last), position, rule, then message.</summary>
internal static class FindingOrder
{
    public static Finding[] Sort(IEnumerable<Finding> findings) =>
        findings
            .OrderBy(f => f.Path is null ? 1 : 0)
            .ThenBy(f => f.Path, StringComparer.Ordinal)
            .ThenBy(f => f.StartLine)
            .ThenBy(f => f.StartColumn)
            .ThenBy(f => f.RuleId, StringComparer.Ordinal)
            .ThenBy(f => f.Message, StringComparer.Ordinal)
            .ToArray();
}
