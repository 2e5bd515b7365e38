using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using CodeLeakGuard.Cli.Reporting;
using CodeLeakGuard.Cli.Scanning;

namespace CodeLeakGuard.Cli;

/// <summary>
/// <c>codeleakguard scan &lt;path&gt; [--policy &lt;file&gt;] [--format table|sarif] [--output &lt;file&gt;]</c>: the
/// command line, then scan, report, and the exit code.
/// </summary>
internal static class ScanCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var path = new Argument<string>("path")
        {
            Description = "The directory (or one .cs file) to scan. Nothing is built: every *.cs file under it is analysed, and every *.csproj's packages are checked.",
        };

        var policy = new Option<string?>("--policy")
        {
            Description = "The policy file to apply. Default: codeleakguard.policy or *.clgpolicy at the scanned root, else the built-in catalog.",
            HelpName = "file",
        };

        var format = new Option<string>("--format")
        {
            Description = "Report format.",
            HelpName = "table|sarif",
            DefaultValueFactory = _ => "table",
        };
        format.AcceptOnlyFromAmong(StringComparer.OrdinalIgnoreCase, "table", "sarif");

        var output = new Option<string?>("--output", "-o")
        {
            Description = "Write the report to this file instead of standard output.",
            HelpName = "file",
        };

        var command = new Command("scan", "Scan C# source and project packages for banned AI SDK usage, banned AI packages, AI API endpoints and AI API keys.")
        {
            path, policy, format, output,
        };

        command.SetAction(parseResult =>
        {
            var request = new ScanRequest(
                parseResult.GetValue(path)!,
                parseResult.GetValue(policy),
                string.Equals(parseResult.GetValue(format), "sarif", StringComparison.OrdinalIgnoreCase) ? ReportFormat.Sarif : ReportFormat.Table,
                parseResult.GetValue(output));
            return Execute(request, stdout, stderr);
        });

        return command;
    }

    public static int Execute(ScanRequest request, TextWriter stdout, TextWriter stderr)
    {
        var scan = Scanner.Scan(request, stderr);
        if (scan is null)
        {
            return ExitCodes.UsageOrPolicyError;
        }

        if (!WriteReport(request, scan, stdout, stderr))
        {
            return ExitCodes.UsageOrPolicyError;
        }

        if (scan.HasPolicyErrors)
        {
            stderr.WriteLine("codeleakguard: the policy has errors (CLG9001), so it is not applied as written: fix the policy lines reported above.");
            return ExitCodes.UsageOrPolicyError;
        }

        return scan.Findings.Any(f => f.Level == FindingLevel.Error) ? ExitCodes.ErrorFindings : ExitCodes.Success;
    }

    private static bool WriteReport(ScanRequest request, ScanResult scan, TextWriter stdout, TextWriter stderr)
    {
        if (request.OutputPath is null)
        {
            WriteReport(request.Format, scan, stdout, isConsole: ReferenceEquals(stdout, Console.Out));
            return true;
        }

        var outputPath = Path.GetFullPath(request.OutputPath);
        try
        {
            var directory = Path.GetDirectoryName(outputPath);
            if (!string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
            }

            using (var file = new StreamWriter(outputPath, append: false, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false)))
            {
                WriteReport(request.Format, scan, file, isConsole: false);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            stderr.WriteLine($"codeleakguard: cannot write '{request.OutputPath}': {ex.Message}");
            return false;
        }

        // The report went to a file: still tell the person at the terminal what was found.
        stdout.WriteLine($"{TableReporter.Summary(scan)} Report written to {outputPath}.");
        return true;
    }

    private static void WriteReport(ReportFormat format, ScanResult scan, TextWriter writer, bool isConsole)
    {
        if (format == ReportFormat.Sarif)
        {
            SarifWriter.Write(scan, writer);
        }
        else
        {
            TableReporter.Write(scan, writer, isConsole);
        }
    }
}
