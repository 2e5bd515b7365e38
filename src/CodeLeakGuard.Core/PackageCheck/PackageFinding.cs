using System.Collections.Generic;

namespace CodeLeakGuard.PackageCheck;

/// <summary>
/// One finding of the package check as the build task logs it and hands it to the compiler: id, severity, clickable
/// location and full message. The result file is a header stamp plus one tab-separated finding a line, so a no-op
/// rebuild re-reports from it without reading the restore graph, and the IDE analyzer reports the same findings.
/// </summary>
public sealed class PackageFinding
{
    public const string ResultHeader = "# codeleakguard package check v1 ";

    /// <summary>Id of a line that names a banned package which only approved wrappers bring in (its message is the id).</summary>
    public const string WrappedPackageId = "wrapped";

    /// <summary>The result file's name in the intermediate output folder, handed to the compiler as an additional file.</summary>
    public const string ResultFileName = "codeleakguard.packages.txt";

    public PackageFinding(string id, string severity, string file, int line, int column, string message)
    {
        Id = id;
        Severity = severity;
        File = file;
        Line = line;
        Column = column;
        Message = message;
    }

    public string Id { get; }

    /// <summary>error, warning or info.</summary>
    public string Severity { get; }

    public string File { get; }

    /// <summary>1-based; 0 when only the file is known.</summary>
    public int Line { get; }

    public int Column { get; }

    public string Message { get; }

    public bool IsWrappedPackage => Id == WrappedPackageId;

    public static PackageFinding Wrapped(string packageId) => new(WrappedPackageId, "none", string.Empty, 0, 0, packageId);

    public string ToLine() =>
        string.Join("\t", Id, Severity, Clean(File), Line.ToString(), Column.ToString(), Clean(Message));

    public static PackageFinding? Parse(string line)
    {
        var parts = line.Split('\t');
        if (parts.Length != 6 || !int.TryParse(parts[3], out var row) || !int.TryParse(parts[4], out var column))
        {
            return null;
        }

        return new PackageFinding(parts[0], parts[1], parts[2], row, column, parts[5]);
    }

    /// <summary>The findings of a result file's text; null when the text is not a result file or is damaged.</summary>
    public static IReadOnlyList<PackageFinding>? ParseAll(string text, string? expectedStamp = null)
    {
        var lines = text.Replace("\r", string.Empty).Split('\n');
        if (lines.Length == 0 || !lines[0].StartsWith(ResultHeader, System.StringComparison.Ordinal)
            || (expectedStamp is not null && lines[0] != ResultHeader + expectedStamp))
        {
            return null;
        }

        var findings = new List<PackageFinding>();
        for (var i = 1; i < lines.Length; i++)
        {
            if (lines[i].Length == 0)
            {
                continue;
            }

            if (Parse(lines[i]) is not { } finding)
            {
                return null;
            }

            findings.Add(finding);
        }

        return findings;
    }

    private static string Clean(string text) => text.Replace('\t', ' ').Replace('\r', ' ').Replace('\n', ' ');
}
