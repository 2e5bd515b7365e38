using System.Collections.Generic;
using System.IO;
using System.Linq;
using CodeLeakGuard.Analyzers;
using CodeLeakGuard.Packages;
using CodeLeakGuard.Policy;

namespace CodeLeakGuard.Cli.Scanning;

/// <summary>
/// CLG1010 for every project (*.csproj) under the scanned root, as the build task reports it: when a restore has run,
/// every banned package of <c>obj/project.assets.json</c> with its dependency path, at the line of the top-level
/// reference that brings it in; before any restore, the banned packages the project declares. A restore graph that
/// cannot be read is CLG9004 (the check fails closed), and the declarations are still judged.
/// </summary>
internal static class PackageScanner
{
    public const string CannotCheckPrefix = "CodeLeakGuard cannot check the packages of this project: ";

    /// <summary>The findings of every project under <paramref name="root"/>, and how many projects were checked.</summary>
    public static (IReadOnlyList<Finding> Findings, int ProjectCount) Scan(string root, AiPolicy policy)
    {
        var findings = new List<Finding>();
        var seen = new HashSet<string>(System.StringComparer.OrdinalIgnoreCase);
        var projects = 0;
        foreach (var projectFile in SourceProjectLoader.EnumerateFiles(root, "*.csproj"))
        {
            findings.AddRange(ScanProject(projectFile, root, policy));
            seen.UnionWith(PackageIdsOf(projectFile, root));
            projects++;
        }

        if (projects > 0)
        {
            findings.AddRange(UnusedAllowances(policy, seen, root, projects));
        }

        return (findings, projects);
    }

    /// <summary>
    /// CLG1011: 'allow package' lines that match no package of any scanned project. Only a scan of the whole
    /// repository can know this (one project's build cannot), so only the CLI reports it.
    /// </summary>
    private static IEnumerable<Finding> UnusedAllowances(AiPolicy policy, HashSet<string> seen, string root, int projects) =>
        policy.Entries
            .Where(e => e.Action == PolicyAction.Allow && e.Target == PolicyTarget.Package && !seen.Any(id => e.Name!.IsMatch(id)))
            .Select(e => PackageFindings.At(RuleIdentifiers.UnusedPackageAllowance, FindingLevel.Warning,
                $"'allow package {e.Pattern}' matches no package of the {projects} scanned project(s): remove it if it is stale, or correct its name",
                root, e.Location.Path, e.Location.Line, e.Location.Column, e.Location.Length, string.Empty));

    private static IEnumerable<string> PackageIdsOf(string projectFile, string root)
    {
        var assetsFile = Path.Combine(Path.GetDirectoryName(projectFile)!, "obj", AssetsReferenceResolver.AssetsFileName);
        if (File.Exists(assetsFile))
        {
            try
            {
                return AssetsFileReader.ReadFile(assetsFile).Frameworks.SelectMany(f => f.Nodes.Keys).ToList();
            }
            catch (AssetsFileException)
            {
                // Reported as CLG9004 by the project scan; fall back to the declarations.
            }
        }

        return ProjectDeclarationFiles.Find(projectFile, root).All.SelectMany(PackageDeclarations.Read).Select(d => d.Id).ToList();
    }

    public static IReadOnlyList<Finding> ScanProject(string projectFile, string root, AiPolicy policy)
    {
        var files = ProjectDeclarationFiles.Find(projectFile, root);
        var frameworks = ProjectTargetFrameworks.Read(files);
        var finder = new DeclarationFinder();
        var assetsFile = Path.Combine(Path.GetDirectoryName(projectFile)!, "obj", AssetsReferenceResolver.AssetsFileName);
        if (!File.Exists(assetsFile))
        {
            return Declared(files, frameworks, policy, finder, root, DeclaredPackageChecker.NoRestoreNote);
        }

        PackageGraph graph;
        try
        {
            graph = AssetsFileReader.ReadFile(assetsFile);
        }
        catch (AssetsFileException ex)
        {
            var unreadable = PackageFindings.At(RuleIdentifiers.RestoreGraphUnreadable, FindingLevel.Error, CannotCheckPrefix + ex.Message, root, assetsFile, 0, 0, 0, files.ProjectName);
            return Declared(files, frameworks, policy, finder, root, DeclaredPackageChecker.UnreadableGraphNote).Prepend(unreadable).ToList();
        }

        return BannedPackageFinder.Find(graph, policy, frameworks)
            .Select(violation =>
            {
                var declaration = finder.Find(violation.TopLevel, files.All);
                return declaration is null
                    ? PackageFindings.At(RuleIdentifiers.BannedPackage, violation.Verdict, violation.Message(files.ProjectName), root, projectFile, 1, 1, 0, files.ProjectName)
                    : PackageFindings.At(violation.Verdict, violation.Message(files.ProjectName), root, declaration, files.ProjectName);
            })
            .ToList();
    }

    private static IReadOnlyList<Finding> Declared(
        ProjectDeclarationFiles files, IReadOnlyList<string> frameworks, AiPolicy policy, DeclarationFinder finder, string root, string note) =>
        DeclaredPackageChecker.Check(files, frameworks, policy, finder, note)
            .Select(v => PackageFindings.At(v.Verdict, v.Message, root, v.Declaration, files.ProjectName))
            .ToList();
}
