using System.Collections.Generic;
using System.Linq;
using CodeLeakGuard.Policy;

namespace CodeLeakGuard.Packages;

/// <summary>One banned package in one project, however many frameworks bring it in.</summary>
public sealed class PackageViolation
{
    public PackageViolation(string packageId, IReadOnlyList<string> versions, Verdict verdict, IReadOnlyList<string> frameworks, IReadOnlyList<PackageNode> path)
    {
        PackageId = packageId;
        Versions = versions;
        Verdict = verdict;
        Frameworks = frameworks;
        Path = path;
    }

    public string PackageId { get; }

    /// <summary>Resolved versions (more than one only when frameworks resolve differently).</summary>
    public IReadOnlyList<string> Versions { get; }

    public Verdict Verdict { get; }

    public IReadOnlyList<string> Frameworks { get; }

    /// <summary>Shortest path from the project's direct reference down to the banned package (both included).</summary>
    public IReadOnlyList<PackageNode> Path { get; }

    /// <summary>What the project references that brings the package in: the package itself when direct.</summary>
    public PackageNode TopLevel => Path[0];

    public bool IsTransitive => Path.Count > 1;

    /// <summary>NuGet's NU1109 style: <c>'App' -> 'Contoso.Helpers' 1.2.0 -> 'OpenAI' 2.15.0</c>.</summary>
    public string FormatPath(string projectName) =>
        string.Join(" -> ", new[] { $"'{projectName}'" }.Concat(Path.Select(n => n.ToString())));

    public string Message(string projectName) =>
        $"Package '{PackageId}' {string.Join(", ", Versions)} is banned ({Verdict.Subject}): {Verdict.Reason}. " +
        $"Use {Verdict.Instead} instead. Dependency path: {FormatPath(projectName)} [{string.Join(", ", Frameworks)}] [{Verdict.Origin}]";
}
