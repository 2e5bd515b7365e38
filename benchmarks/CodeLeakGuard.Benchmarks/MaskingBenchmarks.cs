using BenchmarkDotNet.Attributes;
using CodeLeakGuard.Masking;
using Microsoft.CodeAnalysis.CSharp;

namespace CodeLeakGuard.Benchmarks;

/// <summary>
/// Masking throughput on the corpus (the decompiled ICSharpCode.Decompiler, ~4.9 MB of real C# in ~900 files):
/// plain <see cref="CSharpSyntaxTree.ParseText(string, CSharpParseOptions?, string, System.Text.Encoding?, System.Threading.CancellationToken)"/>
/// of every file as the baseline, then masking every file in one new session (what `codeleakguard mask` does to a
/// repository), then unmasking every masked file. The MB/s column is the corpus size (UTF-8) over the mean time.
/// Targets: masking at most 1.5x parsing; unmasking at least 50 MB/s.
/// </summary>
[Config(typeof(MaskingBenchmarkConfig))]
public class MaskingBenchmarks
{
    private string[] _files = [];
    private string[] _masked = [];
    private MaskingSession _session = null!;

    [GlobalSetup]
    public void Setup()
    {
        _files = MaskingCorpus.Files();
        _session = new MaskingSession();
        _masked = _files.Select(f => _session.Mask(f, MaskKind.CSharp).Text).ToArray();
        var restored = _masked.Select(m => _session.Unmask(m).Text).ToArray();
        if (!restored.SequenceEqual(_files))
        {
            throw new InvalidOperationException("the corpus does not round-trip: the benchmark would measure a broken masker");
        }

        Console.WriteLine($"// masking corpus: {_files.Length} files, {MaskingCorpus.Megabytes:F2} MB (UTF-8), {_session.PlaceholderCount} placeholders");
    }

    [Benchmark(Baseline = true, Description = "CSharpSyntaxTree.ParseText")]
    public int Parse()
    {
        var length = 0;
        foreach (var file in _files)
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
        foreach (var file in _files)
        {
            length += session.Mask(file, MaskKind.CSharp).Text.Length;
        }

        return length;
    }

    /// <summary>Four passes per invocation (reported per pass): one pass is too short for a stable iteration.</summary>
    [Benchmark(Description = "MaskingSession.Unmask", OperationsPerInvoke = UnmaskPasses)]
    public int Unmask()
    {
        var length = 0;
        for (var pass = 0; pass < UnmaskPasses; pass++)
        {
            foreach (var masked in _masked)
            {
                length += _session.Unmask(masked).Text.Length;
            }
        }

        return length;
    }

    private const int UnmaskPasses = 4;
}
