namespace CodeLeakGuard.Cli;

/// <summary>The process exit codes of <c>codeleakguard</c>; CI pipelines branch on them.</summary>
public static class ExitCodes
{
    /// <summary>No finding at error level (warnings and notes may exist).</summary>
    public const int Success = 0;

    /// <summary>At least one finding at error level.</summary>
    public const int ErrorFindings = 1;

    /// <summary>Bad usage (unknown option, missing or nonexistent path, unwritable output) or a policy with errors.</summary>
    public const int UsageOrPolicyError = 2;

    /// <summary>The tool itself failed; the message on stderr says why.</summary>
    public const int InternalError = 3;
}
