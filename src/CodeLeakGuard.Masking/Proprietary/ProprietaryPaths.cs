using CodeLeakGuard.Policy;

namespace CodeLeakGuard.Masking.Proprietary;

/// <summary>
/// Which <c>proprietary path</c> rule covers a file named by a tool or a caller. Rules are repository-relative
/// (<c>src/Pricing/**</c>); coding agents name files absolutely (<c>/home/dev/shop/src/Pricing/Engine.cs</c>,
/// <c>C:\shop\src\Pricing\Engine.cs</c>), so every tail of the path that starts at a folder is tried: a rule that
/// covers a tail covers the file (the safe side when an unrelated folder happens to end the same way).
/// </summary>
internal static class ProprietaryPaths
{
    /// <summary>The path as the covering rule matched it (repository-relative), or null when no rule covers it.</summary>
    public static string? Covering(AiPolicy policy, string? path)
    {
        if (string.IsNullOrWhiteSpace(path) || !policy.HasProprietaryRules)
        {
            return null;
        }

        var normalized = Resolved(path!.Trim().Replace('\\', '/'));
        var start = 0;
        while (true)
        {
            var tail = normalized.Substring(start).TrimStart('/');
            if (tail.Length > 0 && policy.FindProprietaryPath(tail) is not null)
            {
                return tail;
            }

            var slash = normalized.IndexOf('/', start);
            if (slash < 0)
            {
                return null;
            }

            start = slash + 1;
        }
    }

    /// <summary>
    /// A folder a rule covers everything in (<c>src/Pricing</c> for <c>src/Pricing/**</c>, which does not match the
    /// folder itself), named as a file of it, so that what is found or printed in it is masked as its files are; null
    /// for a file, or a folder not covered.
    /// </summary>
    public static string? CoveredFolder(AiPolicy policy, string path)
    {
        var inFolder = path.TrimEnd('/', '\\') + "/*";
        return Covering(policy, path) is null && Covering(policy, inFolder) is not null ? inFolder : null;
    }

    // src/Shipping/../Pricing/Engine.cs, src/./Pricing, src//Pricing: the folders as a file system reads them.
    private static string Resolved(string path)
    {
        if (path.IndexOf("//", System.StringComparison.Ordinal) < 0 && path.IndexOf("./", System.StringComparison.Ordinal) < 0)
        {
            return path;
        }

        var folders = new System.Collections.Generic.List<string>();
        foreach (var part in path.Split('/'))
        {
            if (part is "." or "")
            {
                continue;
            }

            if (part == ".." && folders.Count > 0 && folders[folders.Count - 1] != "..")
            {
                folders.RemoveAt(folders.Count - 1);
            }
            else
            {
                folders.Add(part);
            }
        }

        return (path.StartsWith("/", System.StringComparison.Ordinal) ? "/" : string.Empty) + string.Join("/", folders);
    }
}
