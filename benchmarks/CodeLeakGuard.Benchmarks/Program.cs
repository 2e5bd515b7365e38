using BenchmarkDotNet.Running;

namespace CodeLeakGuard.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project benchmarks/CodeLeakGuard.Benchmarks -- --filter '*'</c>. Before handing the
/// arguments to BenchmarkSwitcher it decompiles the corpus (once, cached under obj/corpus) and prints the corpus
/// report (size, compiler errors, per-analyzer telemetry), also saved in BenchmarkDotNet.Artifacts/results.
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
                case "--interleaved" or "--breakdown":
                    own[args[i]] = i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a number of rounds");
                    break;
                default:
                    benchmarkArgs.Add(args[i]);
                    break;
            }
        }

        var results = Path.Combine(Directory.GetCurrentDirectory(), "BenchmarkDotNet.Artifacts", "results");
        Directory.CreateDirectory(results);
        if (!own.ContainsKey("--skip-report"))
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

        if (own.ContainsKey("--report-only") || (benchmarkArgs.Count == 0 && own.Count > 0))
        {
            return 0;
        }

        var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(benchmarkArgs.ToArray());
        return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
    }
}
