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

    public WildcardPattern? Name { get; }
}
