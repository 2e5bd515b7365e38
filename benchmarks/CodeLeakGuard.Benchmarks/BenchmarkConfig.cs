using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;

namespace CodeLeakGuard.Benchmarks;

/// <summary>
/// Iterations take seconds on 2 cores: no pilot stage, one invocation per iteration (Monitoring), one warm-up and
/// six measured iterations per case, one process per case. Tiered compilation is off in the benchmark processes:
/// Roslyn is a lot of code, and with tiering its methods were still being re-jitted (competing for the 2 cores)
/// several iterations in, so iterations kept getting faster; fully optimized JIT up front makes the warm-up pay for
/// all of it. The default exporters write the GitHub markdown report.
/// </summary>
public sealed class BenchmarkConfig : ManualConfig
{
    public BenchmarkConfig()
    {
        AddJob(Job.Default
            .WithStrategy(RunStrategy.Monitoring)
            .WithLaunchCount(1)
            .WithWarmupCount(1)
            .WithIterationCount(6)
            .WithGcServer(false)
            .WithEnvironmentVariables(new EnvironmentVariable("DOTNET_TieredCompilation", "0"))
            .WithId("Monitoring"));
        AddDiagnoser(MemoryDiagnoser.Default);
        WithOrderer(new BenchmarkDotNet.Order.DefaultOrderer(BenchmarkDotNet.Order.SummaryOrderPolicy.Declared));
    }
}
