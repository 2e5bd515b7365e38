using System.Text;

namespace CodeLeakGuard.Benchmarks;

/// <summary>The C# files of the benchmark corpus as strings (without and with documentation comments), and their size in UTF-8 megabytes (for the MB/s column).</summary>
internal static class MaskingCorpus
{
    private static readonly Lazy<string[]> LazyFiles = new(() =>
        Corpus.EnsureDecompiled(Corpus.DefaultAssemblyPath, TextWriter.Null).Files.Select(File.ReadAllText).ToArray());

    private static readonly Lazy<string[]> LazyDocumented = new(() =>
        Corpus.EnsureDecompiled(Corpus.DefaultAssemblyPath, TextWriter.Null, Corpus.DefaultDocumentationPath).Files.Select(File.ReadAllText).ToArray());

    public static string[] Files() => LazyFiles.Value;

    /// <summary>The same code with its authors' documentation comments (<c>///</c>), as real libraries are written.</summary>
    public static string[] DocumentedFiles() => LazyDocumented.Value;

    public static double Megabytes => MegabytesOf(LazyFiles.Value);

    public static double DocumentedMegabytes => MegabytesOf(LazyDocumented.Value);

    private static double MegabytesOf(string[] files) => files.Sum(f => (long)Encoding.UTF8.GetByteCount(f)) / 1_000_000.0;
}
