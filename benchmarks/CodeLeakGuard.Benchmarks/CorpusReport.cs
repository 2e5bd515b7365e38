using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Diagnostics.Telemetry;

namespace CodeLeakGuard.Benchmarks;

/// <summary>
/// Printed before the benchmarks run (and saved next to BenchmarkDotNet's reports): what the corpus is, how cleanly it
/// compiles, what each analyzer set reports on it, and each analyzer's own execution time as Roslyn measures it
/// (<c>logAnalyzerExecutionTime</c>), so an expensive analyzer can be named.
/// </summary>
internal static class CorpusReport
{
    public static string Write(TextWriter console)
    {
        var text = new StringBuilder();
        var log = new StringWriter(text);
        void Line(string line = "")
        {
            console.WriteLine(line);
            log.WriteLine(line);
        }

        var idle = Workload.Create(Scenario.Idle, console);
        var corpus = idle.Corpus;
        var corpusBytes = corpus.Files.Sum(f => new FileInfo(f).Length);
        var corpusLines = idle.Trees.Sum(t => t.GetText().Lines.Count);
        var handWritten = Workload.HandWrittenSources();
        Line("# CodeLeakGuard.Benchmarks: corpus, compiler errors and per-analyzer telemetry");
        Line();
        Line($"- Runtime: .NET {Environment.Version}, {Environment.ProcessorCount} logical cores, Roslyn {typeof(Compilation).Assembly.GetName().Version}; load average at start: {(File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a")}");
        Line($"- Corpus: `{corpus.AssemblyName}.dll` {typeof(ICSharpCode.Decompiler.CSharp.CSharpDecompiler).Assembly.GetName().Version} decompiled by ICSharpCode.Decompiler, one file per top-level type");
        Line($"- Corpus size: {corpus.Files.Count:N0} files, {corpusBytes:N0} bytes ({corpusBytes / 1024.0 / 1024.0:F2} MiB), {corpusLines:N0} lines");
        Line($"- Active scenario adds {handWritten.Count} hand-written files ({handWritten.Sum(f => Encoding.UTF8.GetByteCount(f.Text)):N0} bytes) using the OpenAI and Anthropic SDKs, and references the Anthropic and OpenAI assemblies (+ their dependencies)");
        Line($"- BannedSymbols.txt ({AnalyzerSets.BannedNamespaces().Count} lines): {string.Join(" ", AnalyzerSets.BannedNamespaces().Select(n => "N:" + n))}");
        Line();

        var codeLeakGuard = AnalyzerSets.CodeLeakGuard();
        var bannedApi = AnalyzerSets.BannedApiAnalyzers();
        Line($"- CodeLeakGuard analyzers ({codeLeakGuard.Length}): {string.Join(", ", codeLeakGuard.Select(a => a.GetType().Name))}");
        Line($"- BannedApiAnalyzers analyzers ({bannedApi.Length}): {string.Join(", ", bannedApi.Select(a => a.GetType().Name))}");
        Line();

        foreach (var scenario in new[] { Scenario.Idle, Scenario.Active })
        {
            var workload = scenario == Scenario.Idle ? idle : Workload.Create(scenario, console);
            Line($"## {scenario}");
            Line();
            var stopwatch = Stopwatch.StartNew();
            var compilerDiagnostics = workload.NewCompilation().GetDiagnostics();
            var compileTime = stopwatch.Elapsed;
            var errors = compilerDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            var warnings = compilerDiagnostics.Count(d => d.Severity == DiagnosticSeverity.Warning);
            var handWrittenPaths = workload.Trees.Skip(workload.Trees.Length - workload.HandWrittenFiles).Select(t => t.FilePath).ToHashSet(StringComparer.Ordinal);
            var handWrittenErrors = errors.Where(e => handWrittenPaths.Contains(e.Location.SourceTree?.FilePath ?? string.Empty)).ToList();
            Line($"- {workload.Trees.Length:N0} syntax trees, {workload.References.Length} metadata references; first compilation of this scenario (GetDiagnostics, not a measurement): {compileTime.TotalSeconds:F1} s");
            Line($"- Compiler diagnostics: {errors.Count:N0} errors, {warnings:N0} warnings; errors in the hand-written AI files: {handWrittenErrors.Count}");
            if (errors.Count > 0)
            {
                Line($"- Most frequent errors: {string.Join(", ", errors.GroupBy(e => e.Id).OrderByDescending(g => g.Count()).Take(6).Select(g => $"{g.Key} x{g.Count()}"))}");
            }

            foreach (var error in handWrittenErrors.Take(10))
            {
                Line($"  - {error}");
            }

            // The compilation's own time, warm (the first run above paid for JIT): the denominator of the callback shares below.
            var (ownWall, ownCpu) = MeasureCompilation(workload);
            Line($"- The compilation's own time, warm (GetDiagnostics, one run): {ownWall.TotalSeconds:F2} s wall clock, {ownCpu.TotalSeconds:F2} s CPU on {Environment.ProcessorCount} cores");
            Line();
            var callbackTotals = new List<(string Name, double Milliseconds)>();
            foreach (var (name, analyzers) in new[] { ("CodeLeakGuard", codeLeakGuard), ("BannedApiAnalyzers", bannedApi) })
            {
                // The first run pays for JIT and warms the metadata symbols; the second is reported.
                _ = RunWithTelemetry(workload, analyzers);
                var (elapsed, diagnostics, telemetry) = RunWithTelemetry(workload, analyzers);
                var analyzerIds = analyzers.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).Append("AD0001").ToHashSet(StringComparer.Ordinal);
                var reported = diagnostics.Where(d => analyzerIds.Contains(d.Id)).GroupBy(d => d.Id).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
                Line($"### {scenario}: {name} (one run with logAnalyzerExecutionTime, {elapsed.TotalSeconds:F1} s wall clock)");
                Line();
                Line($"Diagnostics reported: {(reported.Count == 0 ? "none" : string.Join(", ", reported.Select(g => $"{g.Key} x{g.Count()}")))}");
                foreach (var crash in diagnostics.Where(d => d.Id == "AD0001").Take(5))
                {
                    Line($"  - {crash.GetMessage(CultureInfo.InvariantCulture)}");
                }

                Line();
                Line("| Analyzer | Execution time (ms) | Syntax node actions | Operation actions | Symbol actions | Syntax tree actions | Semantic model actions | Compilation end actions |");
                Line("|---|---:|---:|---:|---:|---:|---:|---:|");
                foreach (var (analyzer, info) in telemetry.OrderByDescending(t => t.Info.ExecutionTime))
                {
                    Line($"| {analyzer.GetType().Name} | {info.ExecutionTime.TotalMilliseconds:F0} | {info.SyntaxNodeActionsCount} | {info.OperationActionsCount} | {info.SymbolActionsCount} | {info.SyntaxTreeActionsCount} | {info.SemanticModelActionsCount} | {info.CompilationEndActionsCount} |");
                }

                Line($"| **total** | **{telemetry.Sum(t => t.Info.ExecutionTime.TotalMilliseconds):F0}** | | | | | | |");
                Line();
                callbackTotals.Add((name, telemetry.Sum(t => t.Info.ExecutionTime.TotalMilliseconds)));
            }

            var (clg, banned) = (callbackTotals[0].Milliseconds, callbackTotals[1].Milliseconds);
            Line($"**{scenario}: callback time as the compiler reports it** (what `-p:ReportAnalyzer=true` shows): CodeLeakGuard {clg:F0} ms = " +
                 $"{Share(clg, ownCpu)} of the compilation's own CPU time ({Share(clg, ownWall)} of its wall clock); BannedApiAnalyzers {banned:F0} ms = " +
                 $"{Share(banned, ownCpu)} ({Share(banned, ownWall)}); CodeLeakGuard / BannedApiAnalyzers = {(banned > 0 ? (clg / banned).ToString("F2", CultureInfo.InvariantCulture) : "n/a")}.");
            Line();
        }

        Line("Execution times are summed over the analyzer callbacks on all threads (they include binding an analyzer forces), with the timing overhead of logAnalyzerExecutionTime; they leave out what the analyzer driver itself costs (compilation events, per-symbol bookkeeping), which any analyzer pays, so the benchmark table is the measure of cost.");
        return text.ToString();
    }

    private static string Share(double milliseconds, TimeSpan of) =>
        (100 * milliseconds / of.TotalMilliseconds).ToString("F1", CultureInfo.InvariantCulture) + " %";

    private static (TimeSpan Wall, TimeSpan Cpu) MeasureCompilation(Workload workload)
    {
        GC.Collect();
        using var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var stopwatch = Stopwatch.StartNew();
        _ = workload.NewCompilation().GetDiagnostics();
        var wall = stopwatch.Elapsed;
        process.Refresh();
        return (wall, process.TotalProcessorTime - cpuBefore);
    }

    private static (TimeSpan Elapsed, ImmutableArray<Diagnostic> Diagnostics, List<(DiagnosticAnalyzer Analyzer, AnalyzerTelemetryInfo Info)> Telemetry) RunWithTelemetry(
        Workload workload, ImmutableArray<DiagnosticAnalyzer> analyzers)
    {
        var stopwatch = Stopwatch.StartNew();
        var withAnalyzers = workload.NewCompilation().WithAnalyzers(
            analyzers,
            new CompilationWithAnalyzersOptions(AnalyzerSets.Options(), onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: true));
        var diagnostics = withAnalyzers.GetAllDiagnosticsAsync().GetAwaiter().GetResult();
        var elapsed = stopwatch.Elapsed;
        // AnalysisResult carries the execution times (GetAnalyzerTelemetryInfoAsync leaves ExecutionTime at zero on Roslyn 5).
        var result = withAnalyzers.GetAnalysisResultAsync(CancellationToken.None).GetAwaiter().GetResult();
        var telemetry = analyzers
            .Select(a => (Analyzer: a, Info: result.AnalyzerTelemetryInfo.TryGetValue(a, out var info) ? info : new AnalyzerTelemetryInfo()))
            .ToList();
        return (elapsed, diagnostics, telemetry);
    }
}
