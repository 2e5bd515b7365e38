using System.Text.RegularExpressions;

namespace CodeLeakGuard.Policy;

/// <summary>A <c>secret NAME pattern="regex"</c> line: a company-specific credential format.</summary>
public sealed class SecretRule
{
    internal SecretRule(string name, Regex pattern, SourceLocation location, string? reason, FindingSeverity severity)
    {
        Name = name;
        Pattern = pattern;
        Location = location;
        Reason = reason;
        Severity = severity;
    }

    public string Name { get; }

    /// <summary>Compiled with a match timeout, so a hostile policy cannot stall the compiler.</summary>
    public Regex Pattern { get; }

    public SourceLocation Location { get; }

    public string? Reason { get; }

    public FindingSeverity Severity { get; }
}
