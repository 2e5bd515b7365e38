using System;
using System.IO;
using System.Linq;

namespace CodeLeakGuard.Cli.Scanning;

/// <summary>
/// Resolves the path and the policy, groups the source into projects, runs the analyzers over them and, for a
/// directory, checks the packages of every project under it (CLG1010, as the build does).
/// </summary>
internal static class Scanner
{
    /// <summary>The scan, or null when the request itself is wrong (the reason is on <paramref name="stderr"/>).</summary>
    public static ScanResult? Scan(ScanRequest request, TextWriter stderr)
    {
        var fullPath = Path.GetFullPath(request.Path);
        string root;
        SourceProject[] projects;
        var scansPackages = false;
        if (Directory.Exists(fullPath))
        {
            root = Path.TrimEndingDirectorySeparator(fullPath);
            scansPackages = true; // every project under a directory; a single .cs file names no project to check
            projects = SourceProjectLoader.Load(root);
        }
        else if (File.Exists(fullPath) && fullPath.EndsWith(".cs", StringComparison.OrdinalIgnoreCase))
        {
            root = Path.GetDirectoryName(fullPath)!;
            projects = SourceProjectLoader.Group(root, new[] { fullPath });
        }
        else
        {
            stderr.WriteLine(File.Exists(fullPath)
                ? $"codeleakguard: '{request.Path}' is not a directory or a .cs file."
                : $"codeleakguard: the path '{request.Path}' does not exist.");
            return null;
        }

        var policy = PolicyLocator.Locate(root, request.PolicyPath, out var policyError);
        if (policy is null)
        {
            stderr.WriteLine($"codeleakguard: {policyError}");
            return null;
        }

        var warnings = new System.Collections.Generic.List<string>();
        var findings = AnalyzerRunner.Run(projects, policy, root, warnings);
        var packageProjects = 0;
        if (scansPackages)
        {
            var packages = PackageScanner.Scan(root, PackagePolicy.Load(policy));
            findings = FindingOrder.Sort(findings.Concat(packages.Findings).Distinct());
            packageProjects = packages.ProjectCount;
        }

        foreach (var warning in warnings)
        {
            stderr.WriteLine($"codeleakguard: warning: {warning}");
        }

        return new ScanResult(
            root,
            policy,
            findings,
            ScanRules.All,
            FileCount: projects.Sum(p => p.Files.Count),
            ProjectCount: projects.Length,
            PackageProjectCount: packageProjects);
    }
}
