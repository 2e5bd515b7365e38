using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace CodeLeakGuard.Cli.Scanning;

/// <summary>
/// Finds every *.cs file under the scanned root (never in bin/, obj/, .git/ or node_modules/) and groups the files by
/// the nearest directory, up to the root, that holds a *.csproj: one compilation per project, plus one for the files
/// that belong to none. Nothing is built or evaluated; the project file is only read for ImplicitUsings.
/// </summary>
internal static partial class SourceProjectLoader
{
    public const string NoProjectName = "no project";

    private static readonly HashSet<string> SkippedDirectories = new(StringComparer.OrdinalIgnoreCase)
    {
        "bin", "obj", ".git", "node_modules",
    };

    private static readonly EnumerationOptions OneLevel = new()
    {
        RecurseSubdirectories = false,
        IgnoreInaccessible = true,
        AttributesToSkip = FileAttributes.ReparsePoint, // no symlink loops
        MatchCasing = MatchCasing.CaseInsensitive,
    };

    public static SourceProject[] Load(string root) => Group(root, EnumerateSourceFiles(root));

    public static IEnumerable<string> EnumerateSourceFiles(string root) => EnumerateFiles(root, "*.cs");

    /// <summary>Every file matching <paramref name="pattern"/> under the root, skipping bin/, obj/, .git/ and node_modules/.</summary>
    public static IEnumerable<string> EnumerateFiles(string root, string pattern)
    {
        var pending = new Stack<string>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var directory = pending.Pop();
            foreach (var file in Directory.EnumerateFiles(directory, pattern, OneLevel).OrderBy(f => f, StringComparer.Ordinal))
            {
                yield return file;
            }

            foreach (var child in Directory.EnumerateDirectories(directory, "*", OneLevel).OrderByDescending(d => d, StringComparer.Ordinal))
            {
                if (!SkippedDirectories.Contains(Path.GetFileName(child)))
                {
                    pending.Push(child);
                }
            }
        }
    }

    public static SourceProject[] Group(string root, IEnumerable<string> files)
    {
        var projectOfDirectory = new Dictionary<string, string?>(StringComparer.Ordinal);
        var groups = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        var loose = new List<string>();
        foreach (var file in files)
        {
            var project = FindProjectFile(Path.GetDirectoryName(file)!, root, projectOfDirectory);
            if (project is null)
            {
                loose.Add(file);
            }
            else
            {
                if (!groups.TryGetValue(project, out var list))
                {
                    groups[project] = list = new List<string>();
                }

                list.Add(file);
            }
        }

        var result = groups
            .Select(g => new SourceProject(
                Path.GetFileNameWithoutExtension(g.Key),
                Path.GetDirectoryName(g.Key)!,
                g.Key,
                g.Value,
                ReadsImplicitUsings(g.Key)))
            .ToList();
        if (loose.Count > 0)
        {
            result.Add(new SourceProject(NoProjectName, root, null, loose, ImplicitUsings: false));
        }

        return result.ToArray();
    }

    /// <summary>The first *.csproj (by name) in the directory or its parents, stopping at the root.</summary>
    private static string? FindProjectFile(string directory, string root, Dictionary<string, string?> cache)
    {
        if (cache.TryGetValue(directory, out var known))
        {
            return known;
        }

        var project = Directory.EnumerateFiles(directory, "*.csproj", OneLevel).OrderBy(p => p, StringComparer.Ordinal).FirstOrDefault();
        if (project is null && !string.Equals(directory, root, StringComparison.Ordinal) && IsUnder(directory, root))
        {
            project = FindProjectFile(Path.GetDirectoryName(directory)!, root, cache);
        }

        cache[directory] = project;
        return project;
    }

    private static bool IsUnder(string directory, string root) =>
        directory.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    /// <summary>Whether the project turns on the SDK's implicit global usings (System, System.Linq, ...).</summary>
    private static bool ReadsImplicitUsings(string projectFile)
    {
        try
        {
            return ImplicitUsingsEnabled().IsMatch(File.ReadAllText(projectFile));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    [GeneratedRegex(@"<ImplicitUsings>\s*(enable|true)\s*</ImplicitUsings>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ImplicitUsingsEnabled();
}
