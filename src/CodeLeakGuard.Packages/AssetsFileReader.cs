using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace CodeLeakGuard.Packages;

/// <summary>The restore graph cannot be read: the check cannot vouch for the project, so callers fail closed.</summary>
public sealed class AssetsFileException : Exception
{
    public AssetsFileException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}

/// <summary>
/// Reads NuGet's <c>project.assets.json</c> (format version 3 and 4) into a <see cref="PackageGraph"/>: every target
/// framework and runtime, packages and project references, and what the project references directly.
/// </summary>
public static class AssetsFileReader
{
    public static PackageGraph ReadFile(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            return Read(stream, path);
        }
        catch (IOException ex)
        {
            throw new AssetsFileException($"cannot read the restore graph '{path}': {ex.Message}", ex);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new AssetsFileException($"cannot read the restore graph '{path}': {ex.Message}", ex);
        }
    }

    public static PackageGraph Read(Stream json, string path)
    {
        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            return Read(document.RootElement, path);
        }
        catch (JsonException ex)
        {
            throw new AssetsFileException($"the restore graph '{path}' is not valid JSON: {ex.Message}", ex);
        }
        catch (InvalidOperationException ex)
        {
            throw new AssetsFileException($"the restore graph '{path}' has an unexpected shape: {ex.Message}", ex);
        }
    }

    private static PackageGraph Read(JsonElement root, string path)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("targets", out var targets) || targets.ValueKind != JsonValueKind.Object)
        {
            throw new AssetsFileException($"the restore graph '{path}' has no 'targets': run a restore first");
        }

        var project = root.TryGetProperty("project", out var p) && p.ValueKind == JsonValueKind.Object ? p : default;
        var restore = project.ValueKind == JsonValueKind.Object && project.TryGetProperty("restore", out var r) ? r : default;
        var projectName = String(restore, "projectName") ?? Path.GetFileNameWithoutExtension(Path.GetDirectoryName(Path.GetDirectoryName(path)) ?? "project");
        var projectPath = String(restore, "projectPath");

        var frameworks = new List<FrameworkGraph>();
        foreach (var target in targets.EnumerateObject())
        {
            var alias = FrameworkAlias(project, target.Name);
            var nodes = ReadNodes(target.Value);
            var direct = DirectDependencies(project, restore, alias, target.Name).Where(nodes.ContainsKey).ToList();
            frameworks.Add(new FrameworkGraph(alias, nodes, direct));
        }

        return new PackageGraph(projectName, projectPath, frameworks);
    }

    private static Dictionary<string, PackageNode> ReadNodes(JsonElement target)
    {
        var nodes = new Dictionary<string, PackageNode>(StringComparer.OrdinalIgnoreCase);
        if (target.ValueKind != JsonValueKind.Object)
        {
            return nodes;
        }

        foreach (var library in target.EnumerateObject())
        {
            var slash = library.Name.IndexOf('/');
            if (slash <= 0)
            {
                continue;
            }

            var id = library.Name.Substring(0, slash);
            var version = library.Name.Substring(slash + 1);
            var isProject = String(library.Value, "type") == "project";
            var dependencies = library.Value.ValueKind == JsonValueKind.Object && library.Value.TryGetProperty("dependencies", out var deps) && deps.ValueKind == JsonValueKind.Object
                ? deps.EnumerateObject().Select(d => d.Name).ToList()
                : new List<string>();
            nodes[id] = new PackageNode(id, version, isProject, dependencies);
        }

        return nodes;
    }

    /// <summary>
    /// Version 4 keys targets by alias (<c>net8.0</c>); version 3 by the full name (<c>.NETCoreApp,Version=v8.0</c>).
    /// Runtime graphs add <c>/rid</c>. Returns the alias the project uses, with the runtime kept.
    /// </summary>
    private static string FrameworkAlias(JsonElement project, string targetName)
    {
        var slash = targetName.IndexOf('/');
        var framework = slash >= 0 ? targetName.Substring(0, slash) : targetName;
        var runtime = slash >= 0 ? targetName.Substring(slash) : string.Empty;
        if (project.ValueKind == JsonValueKind.Object && project.TryGetProperty("frameworks", out var frameworks) && frameworks.ValueKind == JsonValueKind.Object)
        {
            foreach (var candidate in frameworks.EnumerateObject())
            {
                if (string.Equals(candidate.Name, framework, StringComparison.OrdinalIgnoreCase)
                    || string.Equals(String(candidate.Value, "framework"), framework, StringComparison.OrdinalIgnoreCase))
                {
                    return (String(candidate.Value, "targetAlias") ?? candidate.Name) + runtime;
                }
            }
        }

        return targetName;
    }

    private static IEnumerable<string> DirectDependencies(JsonElement project, JsonElement restore, string alias, string targetName)
    {
        var frameworkAlias = alias.Split('/')[0];
        if (project.ValueKind == JsonValueKind.Object && project.TryGetProperty("frameworks", out var frameworks) && frameworks.ValueKind == JsonValueKind.Object)
        {
            foreach (var framework in frameworks.EnumerateObject())
            {
                if (!string.Equals(framework.Name, frameworkAlias, StringComparison.OrdinalIgnoreCase)
                    && !string.Equals(String(framework.Value, "targetAlias"), frameworkAlias, StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                if (framework.Value.TryGetProperty("dependencies", out var deps) && deps.ValueKind == JsonValueKind.Object)
                {
                    foreach (var dependency in deps.EnumerateObject())
                    {
                        yield return dependency.Name;
                    }
                }
            }
        }

        if (restore.ValueKind == JsonValueKind.Object && restore.TryGetProperty("frameworks", out var restoreFrameworks) && restoreFrameworks.ValueKind == JsonValueKind.Object)
        {
            foreach (var framework in restoreFrameworks.EnumerateObject())
            {
                if ((string.Equals(framework.Name, frameworkAlias, StringComparison.OrdinalIgnoreCase) || targetName.StartsWith(framework.Name, StringComparison.OrdinalIgnoreCase))
                    && framework.Value.TryGetProperty("projectReferences", out var references) && references.ValueKind == JsonValueKind.Object)
                {
                    foreach (var reference in references.EnumerateObject())
                    {
                        yield return Path.GetFileNameWithoutExtension(reference.Name);
                    }
                }
            }
        }
    }

    private static string? String(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
