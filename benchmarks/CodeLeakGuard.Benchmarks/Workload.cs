using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace CodeLeakGuard.Benchmarks;

/// <summary>Which code the analyzers run over.</summary>
public enum Scenario
{
    /// <summary>The decompiled corpus alone, referencing only the .NET runtime: nothing AI, so CodeLeakGuard should stay (nearly) idle.</summary>
    Idle,

    /// <summary>The corpus + the real OpenAI and Anthropic assemblies + a few hand-written files that use them: both analyzer sets have work.</summary>
    Active,
}

/// <summary>
/// Everything a benchmark iteration needs that may be shared between iterations: syntax trees parsed once, metadata
/// references loaded once. Each iteration builds a new <see cref="CSharpCompilation"/> from them, so no binding is
/// cached from one iteration to the next (as in the compiler server, metadata symbols are).
/// </summary>
internal sealed class Workload
{
    /// <summary>Assemblies of the AI SDK packages (restored into this program's output) referenced by the Active scenario.</summary>
    private static readonly string[] AiSdkAssemblies =
    {
        "Anthropic", "OpenAI", "System.ClientModel", "System.Memory.Data", "Microsoft.Extensions.AI.Abstractions",
        "Microsoft.Extensions.Configuration.Abstractions", "Microsoft.Extensions.DependencyInjection.Abstractions",
        "Microsoft.Extensions.Hosting.Abstractions", "Microsoft.Extensions.Logging.Abstractions", "Microsoft.Extensions.Primitives",
        "Microsoft.Extensions.Diagnostics.Abstractions", "Microsoft.Extensions.FileProviders.Abstractions",
    };

    private Workload(Scenario scenario, Corpus corpus, ImmutableArray<SyntaxTree> trees, ImmutableArray<MetadataReference> references, int handWrittenFiles)
    {
        Scenario = scenario;
        Corpus = corpus;
        Trees = trees;
        References = references;
        HandWrittenFiles = handWrittenFiles;
    }

    public static CSharpParseOptions ParseOptions { get; } = new(LanguageVersion.Latest, DocumentationMode.Parse);

    public static CSharpCompilationOptions CompilationOptions { get; } = new(
        OutputKind.DynamicallyLinkedLibrary,
        allowUnsafe: true,
        deterministic: true,
        concurrentBuild: true,
        nullableContextOptions: NullableContextOptions.Enable);

    public Scenario Scenario { get; }

    public Corpus Corpus { get; }

    public ImmutableArray<SyntaxTree> Trees { get; }

    public ImmutableArray<MetadataReference> References { get; }

    /// <summary>How many of <see cref="Trees"/> are the hand-written AI files (they come last).</summary>
    public int HandWrittenFiles { get; }

    public static Workload Create(Scenario scenario, TextWriter log)
    {
        var corpus = Corpus.EnsureDecompiled(Corpus.DefaultAssemblyPath, log);
        var sources = corpus.Files.Select(path => (Path: path, Text: File.ReadAllText(path))).ToList();
        var handWritten = scenario == Scenario.Active ? HandWrittenSources() : [];
        sources.AddRange(handWritten);

        var trees = new SyntaxTree[sources.Count];
        Parallel.For(0, sources.Count, i =>
            trees[i] = CSharpSyntaxTree.ParseText(SourceText.From(sources[i].Text, Encoding.UTF8), ParseOptions, sources[i].Path));

        var references = RuntimeReferences();
        if (scenario == Scenario.Active)
        {
            references = references.AddRange(AiSdkAssemblies
                .Select(name => Path.Combine(AppContext.BaseDirectory, name + ".dll"))
                .Where(File.Exists)
                .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path)));
        }

        return new Workload(scenario, corpus, trees.ToImmutableArray(), references, handWritten.Count);
    }

    public CSharpCompilation NewCompilation() =>
        CSharpCompilation.Create(Corpus.AssemblyName, Trees, References, CompilationOptions);

    /// <summary>The hand-written files that use the AI SDKs (embedded resources AiUsage/*.cs.txt).</summary>
    public static List<(string Path, string Text)> HandWrittenSources()
    {
        var assembly = typeof(Workload).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("AiUsage/", StringComparison.Ordinal))
            .OrderBy(n => n, StringComparer.Ordinal)
            .Select(n =>
            {
                using var reader = new StreamReader(assembly.GetManifestResourceStream(n)!);
                var fileName = n.Substring("AiUsage/".Length).Replace(".cs.txt", ".cs", StringComparison.Ordinal);
                return (Path: "/src/Contoso.AiUsage/" + fileName, Text: reader.ReadToEnd());
            })
            .ToList();
    }

    /// <summary>The running runtime's own assemblies (what a net10.0 project compiles against), as the analyzer tests do.</summary>
    private static ImmutableArray<MetadataReference> RuntimeReferences()
    {
        var trusted = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        var runtimeDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        return trusted
            .Where(path => Path.GetDirectoryName(path) == runtimeDirectory)
            .OrderBy(path => path, StringComparer.Ordinal)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray();
    }
}
