using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using Microsoft.CodeAnalysis;

namespace CodeLeakGuard.Cli.Scanning;

/// <summary>Turns a Roslyn diagnostic into a <see cref="Finding"/> with a root-relative path and 1-based positions.</summary>
internal static class FindingFactory
{
    public static Finding Create(Diagnostic diagnostic, SourceProject project, string root, IReadOnlyDictionary<string, string> policyPathMap)
    {
        var level = diagnostic.Severity switch
        {
            DiagnosticSeverity.Error => FindingLevel.Error,
            DiagnosticSeverity.Warning => FindingLevel.Warning,
            _ => FindingLevel.Note,
        };
        var message = diagnostic.GetMessage(CultureInfo.InvariantCulture);
        foreach (var (analyzerPath, realPath) in policyPathMap)
        {
            // Messages cite the policy line that decided ("[file:3]", by file name): cite the file the user named.
            if (!string.Equals(analyzerPath, realPath, StringComparison.Ordinal))
            {
                message = message
                    .Replace(analyzerPath, realPath, StringComparison.Ordinal)
                    .Replace(System.IO.Path.GetFileName(analyzerPath) + ":", System.IO.Path.GetFileName(realPath) + ":", StringComparison.Ordinal);
            }
        }

        var location = diagnostic.Location;

        if (location.Kind is LocationKind.SourceFile or LocationKind.ExternalFile)
        {
            var span = location.GetLineSpan();
            var path = span.Path;
            if (policyPathMap.TryGetValue(path, out var policyPath))
            {
                path = policyPath;
            }

            var (display, underRoot) = Relative(root, path);
            return new Finding(
                diagnostic.Id,
                level,
                message,
                display,
                underRoot,
                span.StartLinePosition.Line + 1,
                span.StartLinePosition.Character + 1,
                span.EndLinePosition.Line + 1,
                span.EndLinePosition.Character + 1,
                project.Name);
        }

        // No position (e.g. a banned assembly reference): the project file stands for the whole compilation.
        var (projectPath, projectUnderRoot) = project.ProjectFile is null ? ((string?)null, true) : Relative(root, project.ProjectFile);
        return new Finding(diagnostic.Id, level, message, projectPath, projectUnderRoot, 0, 0, 0, 0, project.Name);
    }

    /// <summary>The path relative to the root with forward slashes, or the full path when it lies outside the root.</summary>
    public static (string Path, bool UnderRoot) Relative(string root, string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        var relative = System.IO.Path.GetRelativePath(root, full);
        var outside = relative == ".." || relative.StartsWith(".." + System.IO.Path.DirectorySeparatorChar, StringComparison.Ordinal) || System.IO.Path.IsPathRooted(relative);
        return outside ? (full.Replace('\\', '/'), false) : (relative.Replace('\\', '/'), true);
    }
}
