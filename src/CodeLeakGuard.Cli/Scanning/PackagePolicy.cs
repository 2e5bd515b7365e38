using System;
using System.Linq;
using CodeLeakGuard.Policy;

namespace CodeLeakGuard.Cli.Scanning;

/// <summary>
/// The scan's policy files as one <see cref="AiPolicy"/> for the package check: the same files, in the same order
/// (by the path the analyzers see), as the analyzers parse. Parsed under the real path, so a verdict's origin names
/// the file the user wrote (<c>team.txt:3</c>), as the analyzers' findings do after their path is mapped back.
/// </summary>
internal static class PackagePolicy
{
    public static AiPolicy Load(PolicySelection selection) =>
        selection.Files.Count == 0
            ? AiPolicy.Default
            : new AiPolicy(selection.Files
                .OrderBy(f => f.AnalyzerPath, StringComparer.Ordinal)
                .Select(f => PolicyParser.Parse(f.Text, f.FullPath)));
}
