using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using CodeLeakGuard.PackageCheck;
using CodeLeakGuard.Packages;
using CodeLeakGuard.Policy;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace CodeLeakGuard.Build;

/// <summary>
/// Fails the build when a banned AI package is anywhere in the restore graph (CLG1010), naming the package, its
/// version, the reason, what to use instead and the shortest dependency path, at the line of the reference that
/// brings it in. One error per package per project, with its frameworks. Writes the findings to
/// <see cref="ResultFile"/>, which doubles as the IDE analyzer's input and as the incremental cache.
/// </summary>
public sealed class CheckAiPackages : Task
{
    public const string BannedPackageId = "CLG1010";
    public const string HelpLinkBase = "https://github.com/codeleakguard/codeleakguard/blob/main/docs/rules/";

    [Required]
    public string ProjectAssetsFile { get; set; } = string.Empty;

    [Required]
    public string ProjectFullPath { get; set; } = string.Empty;

    [Required]
    public string ResultFile { get; set; } = string.Empty;

    public string? ProjectName { get; set; }

    /// <summary><c>$(TargetFrameworks)</c>, so frameworks are listed in the project's own order.</summary>
    public string? TargetFrameworks { get; set; }

    /// <summary>Policy files (<c>@(CodeLeakGuardPolicy)</c>); a named file that does not exist is an error.</summary>
    public ITaskItem[] PolicyFiles { get; set; } = Array.Empty<ITaskItem>();

    /// <summary>PackageReference, GlobalPackageReference, PackageVersion and ProjectReference items, to locate declarations.</summary>
    public ITaskItem[] Declarations { get; set; } = Array.Empty<ITaskItem>();

    /// <summary>False in design-time builds and the inner builds of a multi-targeted project: write the file, log nothing.</summary>
    public bool ReportFindings { get; set; } = true;

    /// <summary>Overrides every finding's severity (error, warning, info), e.g. from the audit preset.</summary>
    public string? SeverityOverride { get; set; }

    /// <summary>True when the graph was read (not served from the cache): for tests and diagnostics.</summary>
    [Output]
    public bool GraphWasRead { get; private set; }

    public override bool Execute()
    {
        try
        {
            var findings = CheckOrReuse();
            if (ReportFindings)
            {
                foreach (var finding in findings.Where(f => !f.IsWrappedPackage))
                {
                    Report(finding);
                }
            }

            return !Log.HasLoggedErrors;
        }
        catch (AssetsFileException ex)
        {
            // Fail closed: a graph that cannot be read cannot be vouched for.
            Log.LogError(null, "CLG9004", null, HelpLinkBase + "CLG9004.md", ProjectAssetsFile, 0, 0, 0, 0,
                "CodeLeakGuard cannot check the packages of this project: {0}", ex.Message);
            return false;
        }
    }

    private IReadOnlyList<PackageFinding> CheckOrReuse()
    {
        var policyPaths = PolicyFiles.Select(p => p.GetMetadata("FullPath")).ToList();
        var declaringFiles = Declarations.Select(d => d.GetMetadata("DefiningProjectFullPath")).Where(f => !string.IsNullOrEmpty(f));
        var stamp = InputStamp.Compute(
            new[] { ProjectAssetsFile, ProjectFullPath }.Concat(policyPaths).Concat(declaringFiles),
            new[] { SeverityOverride ?? string.Empty, ProjectName ?? string.Empty, TargetFrameworks ?? string.Empty });

        var cached = ResultFileStore.ReadIfCurrent(ResultFile, stamp);
        if (cached is not null)
        {
            Log.LogMessage(MessageImportance.Normal, "CodeLeakGuard package check: nothing changed since the last check; {0} finding(s) reused.", cached.Count(f => !f.IsWrappedPackage));
            return cached;
        }

        GraphWasRead = true;
        var findings = Check(policyPaths);
        ResultFileStore.Write(ResultFile, stamp, findings);
        return findings;
    }

    private List<PackageFinding> Check(List<string> policyPaths)
    {
        var findings = new List<PackageFinding>();
        var documents = new List<PolicyDocument>();
        foreach (var path in policyPaths)
        {
            if (!File.Exists(path))
            {
                findings.Add(new PackageFinding("CLG9003", "error", ProjectFullPath, 0, 0,
                    $"The CodeLeakGuard policy file '{path}' does not exist; the build must not pass without the policy it was given."));
                continue;
            }

            documents.Add(PolicyParser.Parse(File.ReadAllText(path), path));
        }

        var policy = new AiPolicy(documents);
        var graph = AssetsFileReader.ReadFile(ProjectAssetsFile);
        var projectName = string.IsNullOrEmpty(ProjectName) ? graph.ProjectName : ProjectName!;
        var locator = new DeclarationLocator(Declarations, ProjectFullPath);
        var order = (TargetFrameworks ?? string.Empty).Split(new[] { ';' }, StringSplitOptions.RemoveEmptyEntries).Select(f => f.Trim()).ToList();
        foreach (var violation in BannedPackageFinder.Find(graph, policy, order))
        {
            var (file, line, column) = locator.Locate(violation.TopLevel);
            var severity = SeverityOverride is { Length: > 0 } ? SeverityOverride! : violation.Verdict.Severity.ToString().ToLowerInvariant();
            findings.Add(new PackageFinding(BannedPackageId, severity, file, line, column, violation.Message(projectName)));
        }

        findings.AddRange(BannedPackageFinder.FindWrappedOnly(graph, policy).Select(PackageFinding.Wrapped));
        Log.LogMessage(MessageImportance.Normal, "CodeLeakGuard package check: read the restore graph of {0} ({1} framework graphs, {2} packages).",
            projectName, graph.Frameworks.Count, graph.Frameworks.SelectMany(f => f.Nodes.Keys).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        return findings;
    }

    private void Report(PackageFinding finding)
    {
        var helpLink = HelpLinkBase + finding.Id + ".md";
        switch (finding.Severity)
        {
            case "warning":
                Log.LogWarning(null, finding.Id, null, helpLink, finding.File, finding.Line, finding.Column, 0, 0, finding.Message);
                break;
            case "info":
                Log.LogMessage(null, finding.Id, null, finding.File, finding.Line, finding.Column, 0, 0, MessageImportance.High, finding.Message);
                break;
            default:
                Log.LogError(null, finding.Id, null, helpLink, finding.File, finding.Line, finding.Column, 0, 0, finding.Message);
                break;
        }
    }
}
