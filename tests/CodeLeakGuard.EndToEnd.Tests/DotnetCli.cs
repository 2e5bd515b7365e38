using System.Diagnostics;
using System.Text;

namespace CodeLeakGuard.EndToEnd.Tests;

/// <summary>Runs the real `dotnet` CLI in a clean environment: no build servers, no node reuse, no inherited MSBuild state.</summary>
public static class DotnetCli
{
    public sealed record Result(int ExitCode, string Output)
    {
        public IEnumerable<string> Lines => Output.Split('\n').Select(l => l.TrimEnd('\r'));

        /// <summary>
        /// Distinct diagnostic lines with the given code. MSBuild prints each diagnostic more than once (as the target
        /// runs, with a node prefix such as "1>", and again in summaries, sometimes with a trailing "[project]").
        /// </summary>
        public IReadOnlyList<string> Diagnostics(string code) =>
            Lines.Where(l => l.Contains($" {code}:", StringComparison.Ordinal)).Select(Normalize).Distinct().ToList();

        private static string Normalize(string line)
        {
            var text = System.Text.RegularExpressions.Regex.Replace(line.Trim(), @"^\d+>", string.Empty).Trim();
            return System.Text.RegularExpressions.Regex.Replace(text, @" \[[^\]]+\.(cs|fs|vb)proj\]$", string.Empty);
        }
    }

    public static Result Run(string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase) || k.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(key);
        }

        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["CI"] = "false";

        using var process = Process.Start(start)!;
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet {string.Join(' ', arguments)} did not finish in 5 minutes:\n{output}");
        }

        process.WaitForExit();
        return new Result(process.ExitCode, output.ToString());
    }

    /// <summary>`dotnet build` with the flags every end-to-end build uses.</summary>
    public static Result Build(string projectDirectory, params string[] extra) =>
        Run(projectDirectory, ["build", "--disable-build-servers", "-nodeReuse:false", "-v:n", "-clp:NoSummary", .. extra]);
}
