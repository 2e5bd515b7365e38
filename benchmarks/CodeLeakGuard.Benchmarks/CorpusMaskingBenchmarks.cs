using BenchmarkDotNet.Attributes;
using CodeLeakGuard.Masking;
using Microsoft.CodeAnalysis.CSharp;

namespace CodeLeakGuard.Benchmarks;

/// <summary>
/// Masking a corpus against parsing it: plain
/// <see cref="CSharpSyntaxTree.ParseText(string, CSharpParseOptions?, string, System.Text.Encoding?, System.Threading.CancellationToken)"/>
/// of every file as the baseline, then masking every file in one new session (what `codeleakguard mask` does to a
/// repository). Target: masking at most 1.5x parsing. Each corpus is a class of its own (its own report).
/// </summary>
[Config(typeof(MaskingBenchmarkConfig))]
public abstract class CorpusMaskingBenchmarks
{
    protected string[] Files { get; set; } = [];

    [Benchmark(Baseline = true, Description = "CSharpSyntaxTree.ParseText")]
    public int Parse()
    {
        var length = 0;
        foreach (var file in Files)
        {
            length += CSharpSyntaxTree.ParseText(file).Length;
        }

        return length;
    }

    [Benchmark(Description = "MaskingSession.Mask (C#)")]
    public int Mask()
    {
        var session = new MaskingSession();
        var length = 0;
        foreach (var file in Files)
        {
            length += session.Mask(file, MaskKind.CSharp).Text.Length;
        }

        return length;
    }
}
