using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CodeLeakGuard.Benchmarks;

/// <summary>
/// One large compilation of real C#, four ways: the compiler alone (baseline), the compiler + a no-op analyzer (the
/// analyzer driver's own floor), the compiler + CodeLeakGuard's analyzers, the compiler + BannedApiAnalyzers with an
/// equivalent BannedSymbols.txt. Every invocation builds a new
/// compilation from the same parsed trees and references, then asks for all its diagnostics.
/// </summary>
[Config(typeof(BenchmarkConfig))]
public class AnalyzerBenchmarks
{
    private Workload _workload = null!;
    private ImmutableArray<DiagnosticAnalyzer> _codeLeakGuard;
    private ImmutableArray<DiagnosticAnalyzer> _bannedApi;
    private ImmutableArray<DiagnosticAnalyzer> _noOp;
    private AnalyzerOptions _options = null!;

    [Params(Scenario.Idle, Scenario.Active)]
    public Scenario Scenario { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _workload = Workload.Create(Scenario, Console.Out);
        _codeLeakGuard = AnalyzerSets.CodeLeakGuard();
        _bannedApi = AnalyzerSets.BannedApiAnalyzers();
        _noOp = ProbeAnalyzers.Floors()[0].Analyzers;
        _options = AnalyzerSets.Options();
        Console.WriteLine($"// {Scenario}: {_workload.Trees.Length} syntax trees, {_workload.References.Length} references, " +
            $"CodeLeakGuard analyzers: {_codeLeakGuard.Length}, BannedApiAnalyzers analyzers: {_bannedApi.Length}");
    }

    [Benchmark(Baseline = true, Description = "Compiler only")]
    public int CompilerOnly() => _workload.NewCompilation().GetDiagnostics().Length;

    /// <summary>
    /// One analyzer that registers nothing: what running the analyzer driver at all costs. A real build always pays
    /// it (the .NET SDK enables its own analyzers), so an analyzer package's marginal cost is measured from here.
    /// </summary>
    [Benchmark(Description = "+ no-op analyzer (driver floor)")]
    public int WithNoOpAnalyzer() => RunWith(_noOp);

    [Benchmark(Description = "+ CodeLeakGuard")]
    public int WithCodeLeakGuard() => RunWith(_codeLeakGuard);

    [Benchmark(Description = "+ BannedApiAnalyzers")]
    public int WithBannedApiAnalyzers() => RunWith(_bannedApi);

    private int RunWith(ImmutableArray<DiagnosticAnalyzer> analyzers) =>
        _workload.NewCompilation()
            .WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(_options, onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: false))
            .GetAllDiagnosticsAsync()
            .GetAwaiter()
            .GetResult()
            .Length;
}
