using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using CodeLeakGuard.Policy;

namespace CodeLeakGuard.Cli.Export;

/// <summary>
/// Walks a repository (skipping <c>bin/</c>, <c>obj/</c>, <c>.git/</c> and <c>node_modules/</c> at any depth, and
/// symbolic links to folders) and collects its proprietary paths with <see cref="ProprietaryFiles"/>. A file with
/// <c>[assembly: Proprietary]</c> makes every C# file of its project (the nearest folder with a <c>*.csproj</c>)
/// proprietary, as the analyzers treat a compilation.
/// </summary>
internal static class ProprietaryFileCollector
{
    private static readonly HashSet<string> SkippedFolders = new(StringComparer.OrdinalIgnoreCase) { "bin", "obj", ".git", "node_modules" };

    public static ProprietaryInventory Collect(string root, AiPolicy policy)
    {
        var files = Enumerate(root).Select(full => (Full: full, Relative: Path.GetRelativePath(root, full).Replace('\\', '/'))).ToList();
        var sources = files.Where(f => f.Full.EndsWith(".cs", StringComparison.OrdinalIgnoreCase)).ToList();
        var projects = new ProjectFolders(root);

        var markedProjects = new HashSet<string>(StringComparer.Ordinal);
        foreach (var source in sources)
        {
            if (ProprietaryFiles.HasAssemblyMarker(File.ReadAllText(source.Full)))
            {
                markedProjects.Add(projects.Of(source.Full));
            }
        }

        var marked = new SortedSet<string>(StringComparer.Ordinal);
        var caseMismatched = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var isSource = file.Full.EndsWith(".cs", StringComparison.OrdinalIgnoreCase);
            var coverage = isSource
                ? ClassifySource(file.Full, file.Relative, policy, markedProjects.Contains(projects.Of(file.Full)), marked)
                : ProprietaryFiles.PathCoverage(policy, file.Relative);
            if (coverage == ProprietaryPathCoverage.CoveredIgnoringCase)
            {
                caseMismatched.Add(file.Relative);
            }
        }

        var globs = policy.Proprietary
            .Where(r => r.Scope == ProprietaryScope.Path)
            .Select(r => r.Pattern)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return new ProprietaryInventory(globs, marked.ToList(), caseMismatched.ToList(), sources.Count);
    }

    private static ProprietaryPathCoverage ClassifySource(string fullPath, string relativePath, AiPolicy policy, bool assemblyIsProprietary, SortedSet<string> marked)
    {
        var verdict = ProprietaryFiles.Classify(relativePath, File.ReadAllText(fullPath), policy, assemblyIsProprietary);

        // A file a path glob covers is exported through the glob, which also covers files added later.
        if (verdict.IsProprietary && verdict.PathCoverage == ProprietaryPathCoverage.NotCovered)
        {
            marked.Add(verdict.Path);
        }

        return verdict.PathCoverage;
    }

    private static IEnumerable<string> Enumerate(string directory)
    {
        var options = new EnumerationOptions { IgnoreInaccessible = true, RecurseSubdirectories = false };
        foreach (var file in Directory.EnumerateFiles(directory, "*", options))
        {
            yield return file;
        }

        foreach (var folder in Directory.EnumerateDirectories(directory, "*", options))
        {
            if (SkippedFolders.Contains(Path.GetFileName(folder)) || new DirectoryInfo(folder).Attributes.HasFlag(FileAttributes.ReparsePoint))
            {
                continue;
            }

            foreach (var file in Enumerate(folder))
            {
                yield return file;
            }
        }
    }

    /// <summary>The nearest folder at or above a file (inside the repository) that holds a <c>*.csproj</c>.</summary>
    private sealed class ProjectFolders
    {
        private readonly string _root;
        private readonly Dictionary<string, bool> _hasProject = new(StringComparer.Ordinal);

        public ProjectFolders(string root) => _root = root;

        public string Of(string filePath)
        {
            for (var folder = Path.GetDirectoryName(filePath); folder is not null && folder.Length >= _root.Length; folder = Path.GetDirectoryName(folder))
            {
                if (!_hasProject.TryGetValue(folder, out var has))
                {
                    has = Directory.EnumerateFiles(folder, "*.csproj").Any();
                    _hasProject.Add(folder, has);
                }

                if (has)
                {
                    return folder;
                }
            }

            return _root;
        }
    }
}
