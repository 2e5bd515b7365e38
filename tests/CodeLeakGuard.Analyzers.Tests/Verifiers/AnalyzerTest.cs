using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CodeLeakGuard.Analyzers.Tests.Verifiers;

/// <summary>
/// A compact stand-in for Microsoft.CodeAnalysis.Testing (not served by the registry here): compiles markup source
/// against real references, runs the analyzer through the real analyzer driver, and compares diagnostics by id and
/// span. The test code itself must compile, so a test cannot pass on code the compiler rejects.
/// </summary>
internal sealed class AnalyzerTest<TAnalyzer>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    public const string SourcePath = "/src/Test0.cs";

    public string Markup { get; init; } = string.Empty;

    public IReadOnlyList<MetadataReference> References { get; init; } = TestReferences.WithAiSdks;

    public IReadOnlyList<(string Path, string Text)> AdditionalFiles { get; init; } = [];

    public IReadOnlyDictionary<string, string> GlobalOptions { get; init; } = new Dictionary<string, string>();

    public bool AllowCompilerErrors { get; init; }

    /// <summary>Also run and compare these ids (e.g. compilation-end rules of the same analyzer); default: all the analyzer supports.</summary>
    public IReadOnlyCollection<string>? ComparedIds { get; init; }

    public async Task RunAsync()
    {
        var (source, expected) = DiagnosticMarkup.Parse(Markup);
        var analyzer = new TAnalyzer();
        var defaultId = analyzer.SupportedDiagnostics[0].Id;
        var actual = await GetDiagnosticsAsync(source);
        var compared = ComparedIds ?? analyzer.SupportedDiagnostics.Select(d => d.Id).ToArray();

        var expectedLines = expected.Select(e => Describe(e.Id ?? defaultId, source, e.Span.Start, e.Span.Length)).OrderBy(s => s).ToList();
        var actualLines = actual
            .Where(d => compared.Contains(d.Id) && d.Location.IsInSource)
            .Select(d => Describe(d.Id, source, d.Location.SourceSpan.Start, d.Location.SourceSpan.Length))
            .OrderBy(s => s)
            .ToList();

        Assert.True(
            expectedLines.SequenceEqual(actualLines),
            $"Expected diagnostics:\n  {string.Join("\n  ", expectedLines)}\nActual diagnostics:\n  {string.Join("\n  ", actualLines)}\nMessages:\n  {string.Join("\n  ", actual.Select(d => d.ToString()))}");
    }

    public async Task<ImmutableArray<Diagnostic>> GetDiagnosticsAsync(string? source = null)
    {
        source ??= DiagnosticMarkup.Parse(Markup).Source;
        var compilation = CreateCompilation(source, References);
        if (!AllowCompilerErrors)
        {
            var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            Assert.True(errors.Count == 0, "The test source does not compile:\n  " + string.Join("\n  ", errors));
        }

        var options = new AnalyzerOptions(
            AdditionalFiles.Select(f => (AdditionalText)new TestAdditionalText(f.Path, f.Text)).ToImmutableArray(),
            new TestConfigOptions(GlobalOptions));
        var withAnalyzers = compilation.WithAnalyzers(
            ImmutableArray.Create<DiagnosticAnalyzer>(new TAnalyzer()),
            new CompilationWithAnalyzersOptions(options, onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: false));
        var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync();
        var crashes = diagnostics.Where(d => d.Id == "AD0001").ToList();
        Assert.True(crashes.Count == 0, "The analyzer threw:\n  " + string.Join("\n  ", crashes));
        return diagnostics;
    }

    public static CSharpCompilation CreateCompilation(string source, IEnumerable<MetadataReference> references, string path = SourcePath) =>
        CSharpCompilation.Create(
            "TestProject",
            [CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.CSharp12, DocumentationMode.Diagnose), path)],
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    private static string Describe(string id, string source, int start, int length)
    {
        var line = source.Take(start).Count(c => c == '\n') + 1;
        return $"{id} at line {line}: '{source.Substring(start, length)}'";
    }
}
