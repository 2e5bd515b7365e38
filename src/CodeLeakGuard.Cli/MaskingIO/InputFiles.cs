using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using CodeLeakGuard.Masking;

namespace CodeLeakGuard.Cli.MaskingIO;

/// <summary>The files of a directory to mask or unmask: everything but build output and tool folders, in a stable order.</summary>
internal static class InputFiles
{
    private static readonly HashSet<string> SkippedDirectories = new(StringComparer.OrdinalIgnoreCase) { "bin", "obj", ".git", ".vs", ".idea", "node_modules", "TestResults" };

    /// <summary>Files under <paramref name="root"/> (relative paths with '/'), leaving out <paramref name="exclude"/> (the output folder).</summary>
    public static IReadOnlyList<string> Under(string root, string? exclude)
    {
        var excluded = exclude is null ? null : Path.GetFullPath(exclude).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        var files = new List<string>();
        var pending = new Stack<string>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var directory = pending.Pop();
            if (excluded is not null && (Path.GetFullPath(directory) + Path.DirectorySeparatorChar).StartsWith(excluded, StringComparison.Ordinal))
            {
                continue;
            }

            foreach (var child in Directory.EnumerateDirectories(directory))
            {
                if (!SkippedDirectories.Contains(Path.GetFileName(child)))
                {
                    pending.Push(child);
                }
            }

            files.AddRange(Directory.EnumerateFiles(directory).Select(f => Path.GetRelativePath(root, f).Replace(Path.DirectorySeparatorChar, '/')));
        }

        files.Sort(StringComparer.Ordinal);
        return files;
    }

    /// <summary>C# by extension, Markdown by extension, everything else as plain text; <paramref name="forced"/> wins.</summary>
    public static MaskKind KindOf(string path, MaskKind? forced) =>
        forced ?? Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".cs" or ".csx" => MaskKind.CSharp,
            ".md" or ".markdown" or ".mdx" => MaskKind.Markdown,
            _ => MaskKind.PlainText,
        };
}
