namespace CodeLeakGuard.Policy;

/// <summary>What a policy line does.</summary>
public enum PolicyAction
{
    Ban,
    Allow,

    /// <summary>An approved internal AI endpoint: allowed, and offered as the replacement for banned ones.</summary>
    Approve,
}

/// <summary>What a ban or allow line is about.</summary>
public enum PolicyTarget
{
    Provider,
    Package,
    Assembly,
    Namespace,
    Type,
    Member,
    Endpoint,
    EnvironmentVariable,
}

/// <summary>Severity of a finding, in the vocabulary of .editorconfig and MSBuild.</summary>
public enum FindingSeverity
{
    Error,
    Warning,
    Info,
}

/// <summary>How packages known to be AI SDKs are treated when the policy names none of them.</summary>
public enum PackageMode
{
    /// <summary>Hosted AI SDKs are banned; neutral abstractions and local runtimes are allowed.</summary>
    Denylist,

    /// <summary>Every AI package the catalog or policy knows is banned unless an allow line names it.</summary>
    Allowlist,
}

/// <summary>Where a policy line sits: the file and 1-based line, with the column span of the part at fault.</summary>
public sealed class SourceLocation
{
    public SourceLocation(string path, int line, int column = 1, int length = 0)
    {
        Path = path;
        Line = line;
        Column = column;
        Length = length;
    }

    public string Path { get; }

    public int Line { get; }

    public int Column { get; }

    public int Length { get; }

    public override string ToString() => $"{Path}({Line},{Column})";
}
