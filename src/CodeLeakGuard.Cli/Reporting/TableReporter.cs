using System;
using System.IO;
using CodeLeakGuard.Cli.Scanning;
using Spectre.Console;

namespace CodeLeakGuard.Cli.Reporting;

// Inside the namespace, so it wins over the CodeLeakGuard.Text namespace of Core.
using Text = Spectre.Console.Text;

/// <summary>The human report: one table row per finding (severity, rule, file:line:column, message) and a summary line.</summary>
internal static class TableReporter
{
    // Wide enough that locations never wrap when the output is a file, a pipe or a CI log.
    private const int RedirectedWidth = 200;

    public static void Write(ScanResult scan, TextWriter writer, bool isConsole)
    {
        var interactive = isConsole && !Console.IsOutputRedirected;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = interactive ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        if (!interactive)
        {
            console.Profile.Width = RedirectedWidth;
        }

        if (scan.Findings.Count > 0)
        {
            var table = new Table().Border(TableBorder.Rounded);
            table.AddColumn(new TableColumn("Severity").NoWrap());
            table.AddColumn(new TableColumn("Rule").NoWrap());
            table.AddColumn(new TableColumn("Location").NoWrap());
            table.AddColumn(new TableColumn("Message"));
            foreach (var finding in scan.Findings)
            {
                table.AddRow(
                    new Text(LevelName(finding.Level), LevelStyle(finding.Level)),
                    new Text(finding.RuleId),
                    new Text(finding.DisplayLocation),
                    new Text(finding.Message));
            }

            console.Write(table);
        }

        console.Write(new Text(Summary(scan) + Environment.NewLine, scan.Count(FindingLevel.Error) > 0 ? new Style(Color.Red) : new Style(Color.Green)));
    }

    /// <summary><c>3 errors, 1 warning, 0 notes in 4 files (2 compilations), packages of 2 projects, policy: the built-in catalog.</c></summary>
    public static string Summary(ScanResult scan)
    {
        var counts = scan.Findings.Count == 0
            ? "No findings"
            : $"{Plural(scan.Count(FindingLevel.Error), "error")}, {Plural(scan.Count(FindingLevel.Warning), "warning")}, {Plural(scan.Count(FindingLevel.Note), "note")}";
        var packages = scan.PackageProjectCount == 0 ? string.Empty : $", packages of {Plural(scan.PackageProjectCount, "project")}";
        return $"{counts} in {Plural(scan.FileCount, "file")} ({Plural(scan.ProjectCount, "compilation")}){packages}, policy: {scan.Policy.Description}.";
    }

    public static string LevelName(FindingLevel level) => level switch
    {
        FindingLevel.Error => "error",
        FindingLevel.Warning => "warning",
        _ => "note",
    };

    private static Style LevelStyle(FindingLevel level) => level switch
    {
        FindingLevel.Error => new Style(Color.Red, decoration: Decoration.Bold),
        FindingLevel.Warning => new Style(Color.Yellow),
        _ => new Style(Color.Blue),
    };

    private static string Plural(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";
}
