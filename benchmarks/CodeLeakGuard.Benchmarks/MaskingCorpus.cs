using System.Text;

namespace CodeLeakGuard.Benchmarks;

/// <summary>The C# files of the benchmark corpus as strings, and their size in UTF-8 megabytes (for the MB/s column).</summary>
internal static class MaskingCorpus
{
    private static readonly Lazy<string[]> LazyFiles = new(() =>
        Corpus.EnsureDecompiled(Corpus.DefaultAssemblyPath, TextWriter.Null).Files.Select(File.ReadAllText).ToArray());

    public static string[] Files() => LazyFiles.Value;

    public static double Megabytes => LazyFiles.Value.Sum(f => (long)Encoding.UTF8.GetByteCount(f)) / 1_000_000.0;
}
