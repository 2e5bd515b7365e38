namespace CodeLeakGuard.Policy;

/// <summary>A problem in a policy file, reported at its line by the analyzers, the build task and the CLI alike.</summary>
public sealed class PolicyDiagnostic
{
    /// <summary>A line that cannot be understood: the policy is not applied as written.</summary>
    public const string MalformedLineId = "CLG9001";

    /// <summary>A line that is understood but has no effect (duplicate, never matches).</summary>
    public const string IneffectiveLineId = "CLG9002";

    /// <summary>A policy file that was named but cannot be read.</summary>
    public const string MissingFileId = "CLG9003";

    public PolicyDiagnostic(string id, FindingSeverity severity, string message, SourceLocation location)
    {
        Id = id;
        Severity = severity;
        Message = message;
        Location = location;
    }

    public string Id { get; }

    public FindingSeverity Severity { get; }

    public string Message { get; }

    public SourceLocation Location { get; }

    public override string ToString() =>
        $"{Location}: {Severity.ToString().ToLowerInvariant()} {Id}: {Message}";
}
