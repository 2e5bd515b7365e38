namespace CodeLeakGuard.Cli.Scanning;

/// <summary>The levels of a finding, as SARIF names them.</summary>
internal enum FindingLevel
{
    Error,
    Warning,
    Note,
}

/// <summary>
/// One diagnostic, detached from Roslyn. <see cref="Path"/> is relative to the scanned root with forward slashes
/// (absolute when the file lies outside it); lines and columns are 1-based, the end column exclusive, and 0 when the
/// finding has no position (e.g. a banned assembly reference, reported against the project file).
/// </summary>
internal sealed record Finding(
    string RuleId,
    FindingLevel Level,
    string Message,
    string? Path,
    bool IsUnderRoot,
    int StartLine,
    int StartColumn,
    int EndLine,
    int EndColumn,
    string Project)
{
    public bool HasRegion => StartLine > 0;

    /// <summary><c>src/App/Program.cs:12:5</c>, the project file, or the project name when there is no file.</summary>
    public string DisplayLocation =>
        Path is null ? $"({Project})" : HasRegion ? $"{Path}:{StartLine}:{StartColumn}" : Path;
}
