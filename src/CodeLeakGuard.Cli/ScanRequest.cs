namespace CodeLeakGuard.Cli;

/// <summary>The output formats of <c>scan</c>.</summary>
internal enum ReportFormat
{
    Table,
    Sarif,
}

/// <summary>What <c>codeleakguard scan</c> was asked to do, as parsed from the command line.</summary>
internal sealed record ScanRequest(string Path, string? PolicyPath, ReportFormat Format, string? OutputPath);
