using System;
using System.Collections.Generic;
using System.IO;

namespace CodeLeakGuard.Cli.Scanning;

/// <summary>
/// The MSBuild files that can declare a project's package references, as MSBuild would import them: the project file,
/// and the nearest <c>Directory.Packages.props</c> and <c>Directory.Build.props</c> in its directory or a parent, up to
/// the scanned root (MSBuild imports only the nearest of each). Read as written; nothing is evaluated.
/// </summary>
internal sealed record ProjectDeclarationFiles(string ProjectFile, string? PackagesProps, string? BuildProps)
{
    public const string PackagesPropsName = "Directory.Packages.props";
    public const string BuildPropsName = "Directory.Build.props";

    /// <summary>The project name MSBuild gives it (<c>$(MSBuildProjectName)</c>), which the build task's messages use.</summary>
    public string ProjectName => Path.GetFileNameWithoutExtension(ProjectFile);

    /// <summary>The files in the order a declaration is looked for: the project file first, then the props files.</summary>
    public IReadOnlyList<string> All
    {
        get
        {
            var files = new List<string> { ProjectFile };
            if (PackagesProps is not null)
            {
                files.Add(PackagesProps);
            }

            if (BuildProps is not null)
            {
                files.Add(BuildProps);
            }

            return files;
        }
    }

    public static ProjectDeclarationFiles Find(string projectFile, string root) =>
        new(projectFile, Nearest(projectFile, root, PackagesPropsName), Nearest(projectFile, root, BuildPropsName));

    private static string? Nearest(string projectFile, string root, string fileName)
    {
        var rootFull = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
        for (var directory = Path.GetDirectoryName(Path.GetFullPath(projectFile)); directory is not null; directory = Path.GetDirectoryName(directory))
        {
            var candidate = Path.Combine(directory, fileName);
            if (File.Exists(candidate))
            {
                return candidate;
            }

            if (string.Equals(Path.TrimEndingDirectorySeparator(directory), rootFull, StringComparison.Ordinal)
                || !directory.StartsWith(rootFull + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                return null; // the scanned root was searched (or the project lies outside it): look no further up
            }
        }

        return null;
    }
}
