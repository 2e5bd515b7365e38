using BenchmarkDotNet.Attributes;
using CodeLeakGuard.Masking;

namespace CodeLeakGuard.Benchmarks;

/// <summary>
/// Masking throughput on the corpus (the decompiled ICSharpCode.Decompiler, ~4.9 MB of real C# in ~900 files): parsing
/// and masking as in <see cref="CorpusMaskingBenchmarks"/>, then unmasking every masked file. The MB/s column is the corpus size (UTF-8) over the mean time.
/// Targets: masking at most 1.5x parsing; unmasking at least 50 MB/s.
/// </summary>
public class MaskingBenchmarks : CorpusMaskingBenchmarks
{
    private string[] _masked = [];
    private MaskingSession _session = null!;

    [GlobalSetup]
    public void Setup()
    {
        Files = MaskingCorpus.Files();
        _session = new MaskingSession();
        _masked = Files.Select(f => _session.Mask(f, MaskKind.CSharp).Text).ToArray();
        var restored = _masked.Select(m => _session.Unmask(m).Text).ToArray();
        if (!restored.SequenceEqual(Files))
        {
            throw new InvalidOperationException("the corpus does not round-trip: the benchmark would measure a broken masker");
        }

        Console.WriteLine($"// masking corpus: {Files.Length} files, {MaskingCorpus.Megabytes:F2} MB (UTF-8), {_session.PlaceholderCount} placeholders");
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
