using BenchmarkDotNet.Attributes;
using CodeLeakGuard.Masking;

namespace CodeLeakGuard.Benchmarks;

/// <summary>
/// <see cref="CorpusMaskingBenchmarks"/> on the corpus decompiled with its authors' XML documentation, as real libraries
/// are written: documentation comments cost the parser and the masker more than any other trivia.
/// </summary>
public class DocumentedMaskingBenchmarks : CorpusMaskingBenchmarks
{
    [GlobalSetup]
    public void Setup()
    {
        Files = MaskingCorpus.DocumentedFiles();
        var session = new MaskingSession();
        var documented = Files.Sum(f => f.Split('\n').Count(line => line.TrimStart().StartsWith("///", StringComparison.Ordinal)));
        if (documented == 0 || !Files.All(f => session.Unmask(session.Mask(f, MaskKind.CSharp).Text).Text == f))
        {
            throw new InvalidOperationException("the documented corpus has no documentation comments or does not round-trip");
        }

        Console.WriteLine($"// documented corpus: {Files.Length} files, {MaskingCorpus.DocumentedMegabytes:F2} MB (UTF-8), {documented:N0} /// lines");
    }
}
