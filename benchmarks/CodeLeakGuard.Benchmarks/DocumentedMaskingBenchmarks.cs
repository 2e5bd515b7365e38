using BenchmarkDotNet.Attributes;
using CodeLeakGuard.Masking;
using Microsoft.CodeAnalysis.CSharp;

namespace CodeLeakGuard.Benchmarks;

/// <summary>
/// <see cref="MaskingBenchmarks"/> on the corpus decompiled with its authors' XML documentation, as real libraries
/// are written: documentation comments cost the parser and the masker more than any other trivia. Plain
/// <see cref="CSharpSyntaxTree.ParseText(string, CSharpParseOptions?, string, System.Text.Encoding?, System.Threading.CancellationToken)"/>
/// is the baseline, as there. Target: masking at most 1.5x parsing.
/// </summary>
[Config(typeof(MaskingBenchmarkConfig))]
public class DocumentedMaskingBenchmarks
{
    private string[] _files = [];

    [GlobalSetup]
    public void Setup()
    {
        _files = MaskingCorpus.DocumentedFiles();
        var session = new MaskingSession();
        var documented = _files.Sum(f => f.Split('\n').Count(line => line.TrimStart().StartsWith("///", StringComparison.Ordinal)));
        if (documented == 0 || !_files.All(f => session.Unmask(session.Mask(f, MaskKind.CSharp).Text).Text == f))
        {
            throw new InvalidOperationException("the documented corpus has no documentation comments or does not round-trip");
        }

        Console.WriteLine($"// documented corpus: {_files.Length} files, {MaskingCorpus.DocumentedMegabytes:F2} MB (UTF-8), {documented:N0} /// lines");
    }

    [Benchmark(Baseline = true, Description = "CSharpSyntaxTree.ParseText (documented)")]
    public int Parse()
    {
        var length = 0;
        foreach (var file in _files)
        {
            length += CSharpSyntaxTree.ParseText(file).Length;
        }

        return length;
    }

    [Benchmark(Description = "MaskingSession.Mask (C#, documented)")]
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
}
