using System.Collections.Immutable;
using System.Reflection;
using CodeLeakGuard.Analyzers.Infrastructure;
using CodeLeakGuard.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace CodeLeakGuard.Analyzers.Tests;

/// <summary>
/// The source rules share one walk per file (SyntaxCensus): every rule must still see every node when all of them run
/// at once on several threads, and an IDE request for part of a file must only get that part's diagnostics.
/// </summary>
public class SharedCensusTests
{
    private const string Source = """
        using System;
        using System.Net.Http;
        using System.Reflection;

        class Client
        {
            const string Key = "sk-proj-" + "T3BlbkFJ0123456789abcdefghijKLMNOPQRSTUVWXyz012345";

            void First(HttpClient http)
            {
                http.BaseAddress = new Uri("https://api.openai.com/v1/");
                var key = Environment.GetEnvironmentVariable("OPENAI_API_KEY");
            }

            void Second()
            {
                var sdk = Assembly.Load("OpenAI");
                var endpoint = "https://api.anthropic.com/v1/messages";
            }
        }
        """;

    private static readonly ImmutableArray<DiagnosticAnalyzer> AllAnalyzers =
        typeof(PolicyAnalyzerBase).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToImmutableArray();

    [Fact]
    public async Task Every_rule_sees_its_nodes_when_all_rules_run_together()
    {
        // Many files, so the driver runs rules for the same file on different threads at the same time.
        var trees = Enumerable.Range(0, 24)
            .Select(i => Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(Source.Replace("class Client", $"class Client{i}"), path: $"/src/Client{i}.cs"))
            .ToArray();
        var compilation = AnalyzerTest<Endpoints.AiEndpointAnalyzer>.CreateCompilation("class Empty { }", TestReferences.Runtime).AddSyntaxTrees(trees);

        var seen = new CompilationRecorder();
        var diagnostics = await WithAll(compilation, seen).GetAnalyzerDiagnosticsAsync();

        foreach (var tree in trees)
        {
            var ids = diagnostics.Where(d => d.Location.SourceTree == tree).Select(d => d.Id).OrderBy(id => id).ToArray();
            Assert.Equal(new[] { "CLG1003", "CLG1003", "CLG1004", "CLG1005", "CLG3001" }, ids);
        }

        // One walk per file for all the rules; every rule visited every file, so no census is held any more (none
        // pins a tree's nodes).
        var cache = SyntaxCensusCache.Find(seen.Compilation!);
        Assert.NotNull(cache);
        Assert.Equal(trees.Length + 1, cache!.Walks);
        Assert.Equal(0, cache.HeldFiles);
    }

    [Fact]
    public async Task A_request_for_part_of_a_file_gets_only_that_part()
    {
        var compilation = AnalyzerTest<Endpoints.AiEndpointAnalyzer>.CreateCompilation(Source, TestReferences.Runtime);
        var tree = compilation.SyntaxTrees.Single();
        var start = Source.IndexOf("void Second", StringComparison.Ordinal);
        var second = TextSpan.FromBounds(start, Source.LastIndexOf('}'));
        var model = compilation.GetSemanticModel(tree);

        var inSecond = await WithAll(compilation).GetAnalyzerSemanticDiagnosticsAsync(model, second, CancellationToken.None);

        Assert.Equal(
            new[] { "CLG1003 'https://api.anthropic.com/v1/messages'", "CLG1004 '\"OpenAI\"'" },
            inSecond.Select(d => $"{d.Id} '{Source.Substring(d.Location.SourceSpan.Start, d.Location.SourceSpan.Length)}'").OrderBy(s => s, StringComparer.Ordinal));
    }

    private static CompilationWithAnalyzers WithAll(Compilation compilation, params DiagnosticAnalyzer[] more) =>
        compilation.WithAnalyzers(AllAnalyzers.AddRange(more), new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: false));

    /// <summary>The compilation the analyzers see (the driver's copy, with its event queue).</summary>
#pragma warning disable RS1001, RS1012, RS1025, RS1026 // a test probe, never loaded by a compiler
    private sealed class CompilationRecorder : DiagnosticAnalyzer
    {
        public Compilation? Compilation { get; private set; }

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(new DiagnosticDescriptor("TEST001", "t", "t", "t", DiagnosticSeverity.Hidden, isEnabledByDefault: true));

        public override void Initialize(AnalysisContext context) => context.RegisterCompilationStartAction(start => Compilation = start.Compilation);
    }
#pragma warning restore RS1001, RS1012, RS1025, RS1026
}
