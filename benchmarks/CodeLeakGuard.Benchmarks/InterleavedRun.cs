using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CodeLeakGuard.Benchmarks;

/// <summary>
/// A cross-check of the BenchmarkDotNet table that tolerates a busy machine: in one process, the variants run in
/// rounds, in a different order each round (so drifting background load hits all of them alike), and each run's
/// process CPU time is recorded beside its wall-clock time. CPU time is the work the analyzers add to a build
/// machine, and it moves much less than wall-clock time when other processes compete for the 2 cores.
/// <c>--interleaved N</c>: compiler only / + a no-op analyzer / + CodeLeakGuard / + BannedApiAnalyzers. <c>--breakdown N</c>: compiler only,
/// each CodeLeakGuard analyzer alone, and no-op analyzers that show what the driver costs per kind of registration.
/// </summary>
internal static class InterleavedRun
{
    private sealed record Variant(string Name, ImmutableArray<DiagnosticAnalyzer> Analyzers);

    public static string Compare(int rounds, TextWriter console)
    {
        var variants = new[]
        {
            new Variant("Compiler only", ImmutableArray<DiagnosticAnalyzer>.Empty),
            new Variant("+ no-op analyzer (driver floor)", ProbeAnalyzers.Floors()[0].Analyzers),
            new Variant("+ CodeLeakGuard", AnalyzerSets.CodeLeakGuard()),
            new Variant("+ BannedApiAnalyzers", AnalyzerSets.BannedApiAnalyzers()),
        };
        return Run("interleaved runs", variants, rounds, console, summarize: true);
    }

    public static string Breakdown(int rounds, TextWriter console)
    {
        var variants = new List<Variant> { new("Compiler only", ImmutableArray<DiagnosticAnalyzer>.Empty) };
        variants.AddRange(ProbeAnalyzers.Floors().Select(f => new Variant(f.Name, f.Analyzers)));
        variants.AddRange(AnalyzerSets.CodeLeakGuard().Select(a => new Variant("CodeLeakGuard " + a.GetType().Name + " alone", ImmutableArray.Create(a))));
        return Run("per-analyzer breakdown", variants, rounds, console, summarize: false);
    }

    public static string Floors(int rounds, TextWriter console)
    {
        var variants = new List<Variant> { new("Compiler only", ImmutableArray<DiagnosticAnalyzer>.Empty) };
        variants.AddRange(ProbeAnalyzers.Floors().Select(f => new Variant(f.Name, f.Analyzers)));
        variants.Add(new Variant("+ CodeLeakGuard", AnalyzerSets.CodeLeakGuard()));
        return Run("driver floors", variants, rounds, console, summarize: false);
    }

    private static string Run(string title, IReadOnlyList<Variant> variants, int rounds, TextWriter console, bool summarize)
    {
        var text = new StringBuilder();
        void Line(string line = "")
        {
            console.WriteLine(line);
            text.AppendLine(line);
        }

        var options = AnalyzerSets.Options();
        Line($"# CodeLeakGuard.Benchmarks: {title} ({rounds} rounds after a warm-up run, medians; load average at start: {LoadAverage()})");
        Line();
        Line("| Scenario | Variant | Wall clock (s) | CPU time (s) | Allocated (MB) | Added wall clock | Added CPU time | Added allocations |");
        Line("|---|---|---:|---:|---:|---:|---:|---:|");
        var summary = new List<string>();
        foreach (var scenario in new[] { Scenario.Idle, Scenario.Active })
        {
            var workload = Workload.Create(scenario, console);
            var runs = variants.Select(_ => new List<(double Wall, double Cpu, double Allocated)>()).ToArray();

            // Warm-up: one run with every variant's analyzers at once JITs all the code the measured runs will use.
            var all = variants.SelectMany(v => v.Analyzers).Distinct().ToImmutableArray();
            var warmUp = Measure(() => RunOnce(workload, all, options));
            console.WriteLine($"//   {scenario} warm-up (all analyzers at once): {warmUp.Wall:F2} s wall, {warmUp.Cpu:F2} s CPU");
            for (var round = 0; round < rounds; round++)
            {
                var order = Enumerable.Range(0, variants.Count).Select(i => (i + round) % variants.Count).ToArray();
                if (round % 2 == 1)
                {
                    Array.Reverse(order);
                }

                foreach (var v in order)
                {
                    var measured = Measure(() => RunOnce(workload, variants[v].Analyzers, options));
                    runs[v].Add(measured);
                    console.WriteLine($"//   {scenario} round {round + 1}: {variants[v].Name}: {measured.Wall:F2} s wall, {measured.Cpu:F2} s CPU, {measured.Allocated:F1} MB");
                }
            }

            var wall = runs.Select(r => Median(r.Select(x => x.Wall))).ToArray();
            var cpu = runs.Select(r => Median(r.Select(x => x.Cpu))).ToArray();
            var allocated = runs.Select(r => Median(r.Select(x => x.Allocated))).ToArray();
            for (var v = 0; v < variants.Count; v++)
            {
                var addedWall = v == 0 ? "baseline" : Percent(wall[v] - wall[0], wall[0]);
                var addedCpu = v == 0 ? "baseline" : Percent(cpu[v] - cpu[0], cpu[0]);
                var addedAllocated = v == 0 ? "baseline" : Percent(allocated[v] - allocated[0], allocated[0]);
                Line($"| {scenario} | {variants[v].Name} | {wall[v]:F2} | {cpu[v]:F2} | {allocated[v]:F1} | {addedWall} | {addedCpu} | {addedAllocated} |");
            }

            if (summarize)
            {
                summary.Add($"- {scenario}: CodeLeakGuard's added CPU time is {Fraction(cpu[2] - cpu[0], cpu[3] - cpu[0])} of BannedApiAnalyzers' (wall clock: {Fraction(wall[2] - wall[0], wall[3] - wall[0])}); " +
                    $"above the driver floor: {Percent(cpu[2] - cpu[1], cpu[0])} vs {Percent(cpu[3] - cpu[1], cpu[0])} CPU of the compilation, a fraction of {Fraction(cpu[2] - cpu[1], cpu[3] - cpu[1])}.");
            }
        }

        Line();
        foreach (var line in summary)
        {
            Line(line);
        }

        return text.ToString();
    }

    private static int RunOnce(Workload workload, ImmutableArray<DiagnosticAnalyzer> analyzers, AnalyzerOptions options) =>
        analyzers.IsEmpty
            ? workload.NewCompilation().GetDiagnostics().Length
            : workload.NewCompilation()
                .WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(options, onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: false))
                .GetAllDiagnosticsAsync()
                .GetAwaiter()
                .GetResult()
                .Length;

    private static (double Wall, double Cpu, double Allocated) Measure(Func<int> run)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var stopwatch = Stopwatch.StartNew();
        _ = run();
        var wall = stopwatch.Elapsed.TotalSeconds;
        process.Refresh();
        var allocated = (GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / (1024.0 * 1024.0);
        return (wall, (process.TotalProcessorTime - cpuBefore).TotalSeconds, allocated);
    }

    private static string LoadAverage()
    {
        try
        {
            return File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
        }
        catch (IOException)
        {
            return "n/a";
        }
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.OrderBy(v => v).ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static string Percent(double added, double baseline) =>
        (added >= 0 ? "+" : "") + (100 * added / baseline).ToString("F1", CultureInfo.InvariantCulture) + " %";

    private static string Fraction(double part, double whole) =>
        whole <= 0 ? "n/a (BannedApiAnalyzers added nothing measurable)" : (part / whole).ToString("F2", CultureInfo.InvariantCulture);
}
