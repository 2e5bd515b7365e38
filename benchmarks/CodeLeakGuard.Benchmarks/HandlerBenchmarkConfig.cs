using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using Perfolizer.Mathematics.OutlierDetection;

namespace CodeLeakGuard.Benchmarks;

/// <summary>
/// Latency of single requests: one invocation per iteration (so each measurement is one request), 200 of them,
/// outliers kept (they are the p99), tiered compilation off as in the other jobs. Each category (request, stream,
/// first token) has the pass-through as its baseline; the added median and p99 are the handler's minus the
/// baseline's.
/// </summary>
public sealed class HandlerBenchmarkConfig : ManualConfig
{
    public HandlerBenchmarkConfig()
    {
        AddJob(Job.Default
            .WithStrategy(RunStrategy.Monitoring)
            .WithLaunchCount(1)
            .WithWarmupCount(20)
            .WithIterationCount(200)
            .WithInvocationCount(1)
            .WithUnrollFactor(1)
            .WithOutlierMode(OutlierMode.DontRemove)
            .WithGcServer(false)
            .WithEnvironmentVariables(new EnvironmentVariable("DOTNET_TieredCompilation", "0"))
            .WithId("Latency"));
        AddDiagnoser(MemoryDiagnoser.Default);
        AddLogicalGroupRules(BenchmarkLogicalGroupRule.ByCategory);
        WithOrderer(new BenchmarkDotNet.Order.DefaultOrderer(BenchmarkDotNet.Order.SummaryOrderPolicy.Declared));
        AddColumn(StatisticColumn.Median, StatisticColumn.P95, new PercentileColumn(99), new AddedColumn("Added median", 50), new AddedColumn("Added p99", 99));
    }

    internal static double Percentile(Summary summary, BenchmarkCase benchmarkCase, int percentile)
    {
        var values = summary[benchmarkCase]?.ResultStatistics?.OriginalValues.OrderBy(v => v).ToArray();
        if (values is not { Length: > 0 })
        {
            return double.NaN;
        }

        // Nearest rank: with 200 requests, p99 is the second slowest.
        var rank = (int)Math.Ceiling(percentile / 100.0 * values.Length);
        return values[Math.Clamp(rank - 1, 0, values.Length - 1)];
    }

    internal static string Milliseconds(double nanoseconds) =>
        double.IsNaN(nanoseconds) ? "-" : (nanoseconds / 1e6).ToString("F3", CultureInfo.InvariantCulture) + " ms";

    private sealed class PercentileColumn(int percentile) : IColumn
    {
        public string Id => "P" + percentile;

        public string ColumnName => "P" + percentile;

        public bool AlwaysShow => true;

        public ColumnCategory Category => ColumnCategory.Statistics;

        public int PriorityInCategory => 10;

        public bool IsNumeric => true;

        public UnitType UnitType => UnitType.Dimensionless;

        public string Legend => $"{percentile}th percentile of single-request times (nearest rank)";

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => Milliseconds(Percentile(summary, benchmarkCase, percentile));

        public bool IsAvailable(Summary summary) => true;

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
    }

    /// <summary>The case's percentile minus its category baseline's: what the masking handler adds.</summary>
    private sealed class AddedColumn(string name, int percentile) : IColumn
    {
        public string Id => "Added" + percentile;

        public string ColumnName => name;

        public bool AlwaysShow => true;

        public ColumnCategory Category => ColumnCategory.Custom;

        public int PriorityInCategory => percentile;

        public bool IsNumeric => true;

        public UnitType UnitType => UnitType.Dimensionless;

        public string Legend => $"p{percentile} of this case minus p{percentile} of the pass-through in the same category";

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
        {
            if (benchmarkCase.Descriptor.Baseline)
            {
                return "-";
            }

            var category = benchmarkCase.Descriptor.Categories.FirstOrDefault();
            var baseline = summary.BenchmarksCases.FirstOrDefault(c => c.Descriptor.Baseline && c.Descriptor.Categories.FirstOrDefault() == category);
            return baseline is null ? "-" : Milliseconds(Percentile(summary, benchmarkCase, percentile) - Percentile(summary, baseline, percentile));
        }

        public bool IsAvailable(Summary summary) => true;

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
    }
}
