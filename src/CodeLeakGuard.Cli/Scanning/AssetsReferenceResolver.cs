using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;

namespace CodeLeakGuard.Cli.Scanning;

/// <summary>
/// The compile-time assemblies of a project's packages, read from <c>obj/project.assets.json</c> (written by restore):
/// <c>packageFolders</c> gives the package roots, <c>libraries.&lt;id&gt;/&lt;version&gt;.path</c> each package's folder,
/// and <c>targets.&lt;tfm&gt;.&lt;id&gt;/&lt;version&gt;.compile</c> its reference assemblies. Placeholders (<c>_._</c>),
/// project references and files no longer on disk are skipped: the scan works without them, only less precisely.
/// </summary>
internal static class AssetsReferenceResolver
{
    public const string AssetsFileName = "project.assets.json";

    public static IReadOnlyList<string> Resolve(string projectDirectory, ICollection<string> warnings)
    {
        var assetsPath = Path.Combine(projectDirectory, "obj", AssetsFileName);
        if (!File.Exists(assetsPath))
        {
            return Array.Empty<string>();
        }

        try
        {
            using var stream = File.OpenRead(assetsPath);
            using var document = JsonDocument.Parse(stream);
            return Resolve(document.RootElement, File.Exists);
        }
        catch (Exception ex) when (ex is JsonException or IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            warnings.Add($"ignoring '{assetsPath}' ({ex.Message}); package types will not resolve.");
            return Array.Empty<string>();
        }
    }

    /// <summary>The existing compile assemblies of the first target framework (without a runtime identifier).</summary>
    public static IReadOnlyList<string> Resolve(JsonElement assets, Func<string, bool> fileExists)
    {
        var result = new List<string>();
        var packageFolders = PackageFolders(assets);
        if (packageFolders.Count == 0 || Target(assets) is not { } target)
        {
            return result;
        }

        var libraries = assets.TryGetProperty("libraries", out var l) && l.ValueKind == JsonValueKind.Object ? l : default;
        foreach (var package in target.EnumerateObject())
        {
            if (package.Value.ValueKind != JsonValueKind.Object
                || package.Value.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() != "package"
                || !package.Value.TryGetProperty("compile", out var compile) || compile.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            var packagePath = LibraryPath(libraries, package.Name);
            foreach (var item in compile.EnumerateObject())
            {
                if (Path.GetFileName(item.Name) == "_._")
                {
                    continue;
                }

                var relative = Path.Combine(packagePath, item.Name.Replace('/', Path.DirectorySeparatorChar));
                foreach (var folder in packageFolders)
                {
                    var candidate = Path.GetFullPath(Path.Combine(folder, relative));
                    if (fileExists(candidate))
                    {
                        result.Add(candidate);
                        break;
                    }
                }
            }
        }

        return result;
    }

    private static List<string> PackageFolders(JsonElement assets)
    {
        var folders = new List<string>();
        if (assets.TryGetProperty("packageFolders", out var element) && element.ValueKind == JsonValueKind.Object)
        {
            foreach (var folder in element.EnumerateObject())
            {
                folders.Add(folder.Name);
            }
        }

        return folders;
    }

    private static JsonElement? Target(JsonElement assets)
    {
        if (!assets.TryGetProperty("targets", out var targets) || targets.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        JsonElement? withRuntime = null;
        foreach (var target in targets.EnumerateObject())
        {
            if (target.Value.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            if (!target.Name.Contains('/', StringComparison.Ordinal))
            {
                return target.Value;
            }

            withRuntime ??= target.Value;
        }

        return withRuntime;
    }

    /// <summary>The package's folder under a package root: <c>libraries[id/version].path</c>, else NuGet's lowercase <c>id/version</c>.</summary>
    private static string LibraryPath(JsonElement libraries, string key)
    {
        if (libraries.ValueKind == JsonValueKind.Object
            && libraries.TryGetProperty(key, out var library)
            && library.ValueKind == JsonValueKind.Object
            && library.TryGetProperty("path", out var path)
            && path.ValueKind == JsonValueKind.String
            && !string.IsNullOrEmpty(path.GetString()))
        {
            return path.GetString()!.Replace('/', Path.DirectorySeparatorChar);
        }

        return key.ToLowerInvariant().Replace('/', Path.DirectorySeparatorChar);
    }
}
