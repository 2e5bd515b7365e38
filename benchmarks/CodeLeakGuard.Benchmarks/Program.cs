using BenchmarkDotNet.Running;

namespace CodeLeakGuard.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project benchmarks/CodeLeakGuard.Benchmarks -- --filter '*'</c>. Before handing the
/// arguments to BenchmarkSwitcher it decompiles the corpus (once, cached under obj/corpus) and prints the corpus
/// report (size, compiler errors, per-analyzer telemetry), also saved in BenchmarkDotNet.Artifacts/results, unless
/// the filter selects only other benchmarks.
/// Own options: <c>--skip-report</c>; <c>--report-only</c>; <c>--interleaved N</c> and <c>--breakdown N</c> (see
/// <see cref="InterleavedRun"/>: CPU-time cross-checks in one process, run before the BenchmarkDotNet cases).
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        var own = new Dictionary<string, string?>(StringComparer.Ordinal);
        var benchmarkArgs = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--skip-report" or "--report-only":
                    own[args[i]] = null;
                    break;
                case "--interleaved" or "--breakdown" or "--floors":
                    own[args[i]] = i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a number of rounds");
                    break;
                default:
                    benchmarkArgs.Add(args[i]);
                    break;
            }
        }

        var results = Path.Combine(Directory.GetCurrentDirectory(), "BenchmarkDotNet.Artifacts", "results");
        Directory.CreateDirectory(results);
        if (!own.ContainsKey("--skip-report") && SelectsAnalyzerBenchmarks(benchmarkArgs))
        {
            File.WriteAllText(Path.Combine(results, "CodeLeakGuard.Benchmarks-corpus-report.md"), CorpusReport.Write(Console.Out));
        }

        if (own.TryGetValue("--interleaved", out var rounds))
        {
            File.WriteAllText(Path.Combine(results, "CodeLeakGuard.Benchmarks-interleaved-report.md"), InterleavedRun.Compare(int.Parse(rounds!), Console.Out));
        }

        if (own.TryGetValue("--breakdown", out rounds))
        {
            File.WriteAllText(Path.Combine(results, "CodeLeakGuard.Benchmarks-breakdown-report.md"), InterleavedRun.Breakdown(int.Parse(rounds!), Console.Out));
        }

        if (own.TryGetValue("--floors", out rounds))
        {
            File.WriteAllText(Path.Combine(results, "CodeLeakGuard.Benchmarks-floors-report.md"), InterleavedRun.Floors(int.Parse(rounds!), Console.Out));
        }

        if (own.ContainsKey("--report-only") || (benchmarkArgs.Count == 0 && own.Count > 0))
        {
            return 0;
        }

        var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(benchmarkArgs.ToArray());
        return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
    }

    /// <summary>
    /// The corpus report belongs to <see cref="AnalyzerBenchmarks"/>: skipped when a <c>--filter</c> selects only other
    /// benchmarks of this program (glob patterns, as BenchmarkDotNet matches them against full names).
    /// </summary>
    private static bool SelectsAnalyzerBenchmarks(IReadOnlyList<string> args)
    {
        if (args.Any(a => a is "--list" or "--help" or "-h" or "--version" or "--info"))
        {
            return false;
        }

        var filters = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] is "--filter" or "-f")
            {
                for (i++; i < args.Count && !args[i].StartsWith('-'); i++)
                {
                    filters.Add(args[i]);
                }

                i--;
            }
        }

        var name = typeof(AnalyzerBenchmarks).FullName + "." + nameof(AnalyzerBenchmarks.CompilerOnly);
        return filters.Count == 0 || filters.Any(f => System.Text.RegularExpressions.Regex.IsMatch(
            name, "^" + System.Text.RegularExpressions.Regex.Escape(f).Replace(@"\*", ".*", StringComparison.Ordinal).Replace(@"\?", ".", StringComparison.Ordinal) + "$",
            System.Text.RegularExpressions.RegexOptions.IgnoreCase));
    }
}
