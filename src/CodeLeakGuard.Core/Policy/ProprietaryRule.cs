using CodeLeakGuard.Matching;

namespace CodeLeakGuard.Policy;

public enum ProprietaryScope
{
    Path,
    Namespace,
    Type,
    Member,
}

/// <summary>A <c>proprietary path|namespace|type|member</c> line: code the company never lets reach an AI service.</summary>
public sealed class ProprietaryRule
{
    internal ProprietaryRule(ProprietaryScope scope, string pattern, SourceLocation location, string? reason)
    {
        Scope = scope;
        Pattern = pattern;
        Location = location;
        Reason = reason;
        if (scope == ProprietaryScope.Path)
        {
            Path = PathGlob.Parse(pattern);
        }
        else
        {
            Name = new WildcardPattern(pattern, ignoreCase: false);
        }
    }

    public ProprietaryScope Scope { get; }

    public string Pattern { get; }

    public SourceLocation Location { get; }

    public string? Reason { get; }

    public PathGlob? Path { get; }

    /// <summary>
    /// True when a path rule covers <paramref name="filePath"/>: an absolute path is taken relative to the folder of the
    /// policy file that holds the rule (the policy sits at the repository root), a relative one as given.
    /// </summary>
    public bool CoversFile(string filePath)
    {
        if (Path is null)
        {
            return false;
        }

        var normalized = filePath.Replace('\\', '/');
        var policyDirectory = System.IO.Path.GetDirectoryName(Location.Path)?.Replace('\\', '/').TrimEnd('/');
        if (System.IO.Path.IsPathRooted(filePath) && !string.IsNullOrEmpty(policyDirectory) && System.IO.Path.IsPathRooted(policyDirectory))
        {
            var prefix = policyDirectory + "/";
            if (!normalized.StartsWith(prefix, System.StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }

            normalized = normalized.Substring(prefix.Length);
        }

        return Path.IsMatch(normalized);
    }

    public WildcardPattern? Name { get; }
}
