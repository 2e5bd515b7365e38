using System;
using System.IO;
using System.Linq;

namespace CodeLeakGuard.Cli.Scanning;

/// <summary>Resolves the path and the policy, groups the source into projects, and runs the analyzers over them.</summary>
internal static class Scanner
{
    /// <summary>The scan, or null when the request itself is wrong (the reason is on <paramref name="stderr"/>).</summary>
    public static ScanResult? Scan(ScanRequest request, TextWriter stderr)
    {
        var fullPath = Path.GetFullPath(request.Path);
        string root;
        SourceProject[] projects;
        if (Directory.Exists(fullPath))
        {
            root = Path.TrimEndingDirectorySeparator(fullPath);
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
        foreach (var warning in warnings)
        {
            stderr.WriteLine($"codeleakguard: warning: {warning}");
        }

        return new ScanResult(
            root,
            policy,
            findings,
            AnalyzerCatalog.Rules,
            FileCount: projects.Sum(p => p.Files.Count),
            ProjectCount: projects.Length);
    }
}
