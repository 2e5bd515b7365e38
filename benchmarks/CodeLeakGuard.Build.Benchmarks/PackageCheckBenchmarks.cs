using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using CodeLeakGuard.Packages;
using CodeLeakGuard.Policy;

namespace CodeLeakGuard.Build.Benchmarks;

/// <summary>
/// The package check's own work on a large graph — read the restore graph and judge every package of every
/// framework — against plain <see cref="JsonDocument.Parse(ReadOnlyMemory{byte}, JsonDocumentOptions)"/> of the same bytes.
/// </summary>
[MemoryDiagnoser]
public class PackageCheckBenchmarks
{
    private byte[] _assets = Array.Empty<byte>();
    private AiPolicy _policy = AiPolicy.Default;

    [Params(400)]
    public int Packages { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _assets = Encoding.UTF8.GetBytes(LargeAssetsFile.Create(Packages));
        _policy = AiPolicy.Parse("set instead=\"Contoso.AI.Gateway\"\nban package Contoso.Platform.Component009 [1.0,2.0)\nallow package Microsoft.Extensions.AI.Abstractions\n", "codeleakguard.policy");
        Console.WriteLine($"// assets file: {_assets.Length / 1024} KB, {Packages + 4} packages x 2 frameworks");
    }

    [Benchmark(Baseline = true, Description = "JsonDocument.Parse (baseline)")]
    public int ParseJsonOnly()
    {
        using var document = JsonDocument.Parse(_assets);
        return document.RootElement.GetProperty("targets").GetPropertyCount();
    }

    [Benchmark(Description = "Read restore graph")]
    public int ReadGraph() => AssetsFileReader.Read(new MemoryStream(_assets), "project.assets.json").Frameworks.Count;

    [Benchmark(Description = "Full package check")]
    public int FullCheck()
    {
        var graph = AssetsFileReader.Read(new MemoryStream(_assets), "project.assets.json");
        return BannedPackageFinder.Find(graph, _policy, new[] { "net8.0", "net10.0" }).Count + BannedPackageFinder.FindWrappedOnly(graph, _policy).Count;
    }
}
