using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace CodeLeakGuard.Benchmarks;

/// <summary>The shared <see cref="BenchmarkConfig"/> plus a throughput column.</summary>
public sealed class MaskingBenchmarkConfig : ManualConfig
{
    public MaskingBenchmarkConfig()
    {
        Add(new BenchmarkConfig());
        AddColumn(new ThroughputColumn());
    }

    /// <summary>Corpus megabytes (UTF-8) per second of mean time.</summary>
    private sealed class ThroughputColumn : IColumn
    {
        public string Id => "Throughput";

        public string ColumnName => "MB/s";

        public bool AlwaysShow => true;

        public ColumnCategory Category => ColumnCategory.Custom;

        public int PriorityInCategory => 0;

        public bool IsNumeric => true;

        public UnitType UnitType => UnitType.Dimensionless;

        public string Legend => "Corpus size in UTF-8 megabytes divided by the mean time";

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
        {
            var mean = summary[benchmarkCase]?.ResultStatistics?.Mean;
            return mean is > 0 ? (MaskingCorpus.Megabytes / (mean.Value / 1e9)).ToString("F1", System.Globalization.CultureInfo.InvariantCulture) : "-";
        }

        public bool IsAvailable(Summary summary) => true;

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
    }
}
