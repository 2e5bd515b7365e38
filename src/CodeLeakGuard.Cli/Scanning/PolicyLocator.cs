using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace CodeLeakGuard.Cli.Scanning;

/// <summary>One policy file: where it is on disk, and the path the analyzers see it under.</summary>
/// <param name="FullPath">The file on disk.</param>
/// <param name="AnalyzerPath">
/// The path handed to the analyzers. They recognise a policy by its name (<c>codeleakguard.policy</c> or
/// <c>*.clgpolicy</c>); a file given with <c>--policy</c> under another name gets <c>.clgpolicy</c> appended here, and
/// findings at that path are mapped back to <see cref="FullPath"/>.
/// </param>
/// <param name="Text">The file's content, read once.</param>
internal sealed record PolicyFile(string FullPath, string AnalyzerPath, string Text);

/// <summary>The policy files of a scan (none: the built-in catalog) and how they were chosen.</summary>
internal sealed record PolicySelection(IReadOnlyList<PolicyFile> Files, string Description);

/// <summary>
/// Chooses the policy: <c>--policy</c> if given (it must exist), else every <c>codeleakguard.policy</c> and
/// <c>*.clgpolicy</c> at the root of the scanned directory, else none (the built-in catalog).
/// </summary>
internal static class PolicyLocator
{
    // The same names as CodeLeakGuard.Analyzers.Infrastructure.PolicyFiles (internal there).
    public const string DefaultFileName = CodeLeakGuard.Policy.PolicyFileNames.DefaultFileName;
    public const string Extension = CodeLeakGuard.Policy.PolicyFileNames.Extension;

    public static bool IsPolicyFileName(string path)
    {
        var name = Path.GetFileName(path);
        return string.Equals(name, DefaultFileName, StringComparison.OrdinalIgnoreCase)
            || name.EndsWith(Extension, StringComparison.OrdinalIgnoreCase);
    }

    public static PolicySelection? Locate(string root, string? explicitPath, out string? error)
    {
        error = null;
        if (explicitPath is not null)
        {
            var full = Path.GetFullPath(explicitPath);
            if (!File.Exists(full))
            {
                error = Directory.Exists(full)
                    ? $"the policy file '{explicitPath}' is a directory; name a file such as {DefaultFileName}."
                    : $"the policy file '{explicitPath}' does not exist (a named policy that cannot be found is an error, never a silent pass).";
                return null;
            }

            var analyzerPath = IsPolicyFileName(full) ? full : full + Extension;
            var file = Read(full, analyzerPath, out error);
            return file is null ? null : new PolicySelection(new[] { file }, full);
        }

        var found = new List<PolicyFile>();
        foreach (var path in Directory.EnumerateFiles(root).Where(IsPolicyFileName).OrderBy(p => p, StringComparer.Ordinal))
        {
            var file = Read(path, path, out error);
            if (file is null)
            {
                return null;
            }

            found.Add(file);
        }

        return found.Count == 0
            ? new PolicySelection(found, "the built-in catalog")
            : new PolicySelection(found, string.Join(", ", found.Select(f => Path.GetFileName(f.FullPath))));
    }

    private static PolicyFile? Read(string fullPath, string analyzerPath, out string? error)
    {
        try
        {
            error = null;
            return new PolicyFile(fullPath, analyzerPath, File.ReadAllText(fullPath));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            error = $"cannot read the policy file '{fullPath}': {ex.Message}";
            return null;
        }
    }
}
