using System;
using System.Collections.Generic;
using System.Linq;
using CodeLeakGuard.Packages;
using CodeLeakGuard.Policy;

namespace CodeLeakGuard.Cli.Scanning;

/// <summary>A banned package a project declares, judged without a restore graph.</summary>
internal sealed record DeclaredViolation(PackageDeclaration Declaration, string? Version, Verdict Verdict, string Message);

/// <summary>
/// CLG1010 before any restore: judges the packages a project declares directly — its <c>PackageReference</c> items
/// (in the project or a props file) and <c>GlobalPackageReference</c> items — at their declared version, which under
/// central package management is the <c>PackageVersion</c>'s. A version written with a property (<c>$(...)</c>) or not
/// written at all is unknown, and judged as any version. Transitive packages cannot be seen without the restore graph.
/// </summary>
internal static class DeclaredPackageChecker
{
    public const string NoRestoreNote = "declared; no restore has run, transitive packages not checked";
    public const string UnreadableGraphNote = "declared; the restore graph cannot be read, transitive packages not checked";

    public static IReadOnlyList<DeclaredViolation> Check(
        ProjectDeclarationFiles files, IReadOnlyList<string> frameworks, AiPolicy policy, DeclarationFinder finder, string note)
    {
        var declarations = files.All.SelectMany(finder.Declarations).ToList();
        var violations = new List<DeclaredViolation>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var reference in declarations.Where(d => !d.IsUpdate && d.ElementName is "PackageReference" or "GlobalPackageReference"))
        {
            if (!seen.Add(reference.Id))
            {
                continue; // one finding per package per project, at its first declaration
            }

            var version = Known(Version(reference, declarations));
            if (policy.CheckPackage(reference.Id, version) is { } verdict)
            {
                violations.Add(new DeclaredViolation(reference, version, verdict, Message(files.ProjectName, reference.Id, version, verdict, frameworks, note)));
            }
        }

        return violations;
    }

    /// <summary>
    /// The version as written on the reference, else on an <c>Update</c> of it, else (central package management) on
    /// its <c>PackageVersion</c>.
    /// </summary>
    private static string? Version(PackageDeclaration reference, IReadOnlyList<PackageDeclaration> declarations) =>
        reference.Version
        ?? declarations.FirstOrDefault(d => d.IsUpdate && d.ElementName == reference.ElementName && Same(d, reference) && d.Version is not null)?.Version
        ?? declarations.FirstOrDefault(d => d.ElementName == "PackageVersion" && Same(d, reference) && d.Version is not null)?.Version;

    private static bool Same(PackageDeclaration a, PackageDeclaration b) => string.Equals(a.Id, b.Id, StringComparison.OrdinalIgnoreCase);

    private static string? Known(string? version) =>
        string.IsNullOrWhiteSpace(version) || version.Contains("$(", StringComparison.Ordinal) ? null : version;

    /// <summary>The build task's CLG1010 message, with a path of one step and what could not be checked.</summary>
    private static string Message(string projectName, string id, string? version, Verdict verdict, IReadOnlyList<string> frameworks, string note)
    {
        var package = version is null ? $"'{id}'" : $"'{id}' {version}";
        var frameworkList = frameworks.Count == 0 ? string.Empty : $" [{string.Join(", ", frameworks)}]";
        return $"Package {package} is banned ({verdict.Subject}): {verdict.Reason}. Use {verdict.Instead} instead. " +
            $"Dependency path: '{projectName}' -> {package}{frameworkList} [{verdict.Origin}] ({note})";
    }
}
