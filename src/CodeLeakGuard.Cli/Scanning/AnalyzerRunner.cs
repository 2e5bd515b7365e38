using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace CodeLeakGuard.Cli.Scanning;

/// <summary>
/// Compiles each <see cref="SourceProject"/> in memory (never emitted) against the runtime's assemblies and its restored
/// packages, runs every CodeLeakGuard analyzer through Roslyn's analyzer driver with the policy as an additional
/// file, and returns the findings, de-duplicated (policy-file problems are reported once per compilation) and sorted.
/// Compiler errors are expected (nothing was built) and ignored: the analyzers judge unresolved names by their text.
/// </summary>
internal static class AnalyzerRunner
{
    // The global usings the .NET SDK adds for <ImplicitUsings>enable</ImplicitUsings> in a plain console/library project.
    private const string ImplicitUsingsSource = """
        global using global::System;
        global using global::System.Collections.Generic;
        global using global::System.IO;
        global using global::System.Linq;
        global using global::System.Net.Http;
        global using global::System.Threading;
        global using global::System.Threading.Tasks;
        """;

    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Preview, DocumentationMode.Parse);

    public static IReadOnlyList<Finding> Run(IReadOnlyList<SourceProject> projects, PolicySelection policy, string root, ICollection<string> warnings, CancellationToken cancellationToken = default)
    {
        var analyzers = AnalyzerCatalog.CreateAll();
        var options = new AnalyzerOptions(policy.Files.Select(f => (AdditionalText)new PolicyFileText(f)).ToImmutableArray());
        var pathMap = policy.Files.ToDictionary(f => f.AnalyzerPath, f => f.FullPath, StringComparer.Ordinal);
        var runtime = RuntimeReferences.Paths;
        var runtimeNames = new HashSet<string>(runtime.Select(Path.GetFileNameWithoutExtension)!, StringComparer.OrdinalIgnoreCase);
        var runtimeReferences = runtime.Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToArray();

        var findings = new List<Finding>();
        var seen = new HashSet<Finding>();
        foreach (var project in projects)
        {
            var compilation = CreateCompilation(project, runtimeReferences, runtimeNames, warnings, cancellationToken);
            var withAnalyzers = compilation.WithAnalyzers(
                analyzers,
                new CompilationWithAnalyzersOptions(options, onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: false));
            var diagnostics = withAnalyzers.GetAnalyzerDiagnosticsAsync(cancellationToken).GetAwaiter().GetResult();
            foreach (var diagnostic in diagnostics)
            {
                if (diagnostic.Severity == DiagnosticSeverity.Hidden || diagnostic.IsSuppressed)
                {
                    continue;
                }

                var finding = FindingFactory.Create(diagnostic, project, root, pathMap);
                if (seen.Add(finding))
                {
                    findings.Add(finding);
                }
            }
        }

        return FindingOrder.Sort(findings);
    }

    private static CSharpCompilation CreateCompilation(SourceProject project, MetadataReference[] runtimeReferences, HashSet<string> runtimeNames, ICollection<string> warnings, CancellationToken cancellationToken)
    {
        var trees = new List<SyntaxTree>();
        foreach (var file in project.Files)
        {
            string text;
            try
            {
                text = File.ReadAllText(file);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                warnings.Add($"skipping '{file}': {ex.Message}");
                continue;
            }

            trees.Add(CSharpSyntaxTree.ParseText(SourceText.From(text), ParseOptions, file, cancellationToken));
        }

        if (project.ImplicitUsings)
        {
            var path = Path.Combine(project.Directory, "obj", project.Name + ".CodeLeakGuard.GlobalUsings.g.cs");
            trees.Add(CSharpSyntaxTree.ParseText(ImplicitUsingsSource, ParseOptions, path, cancellationToken: cancellationToken));
        }

        // Packages bring older copies of some framework assemblies: the runtime's own win.
        var packageReferences = AssetsReferenceResolver.Resolve(project.Directory, warnings)
            .Where(p => !runtimeNames.Contains(Path.GetFileNameWithoutExtension(p)))
            .GroupBy(p => Path.GetFileNameWithoutExtension(p), StringComparer.OrdinalIgnoreCase)
            .Select(g => (MetadataReference)MetadataReference.CreateFromFile(g.First()));

        return CSharpCompilation.Create(
            project.Name,
            trees,
            runtimeReferences.Concat(packageReferences),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, allowUnsafe: true));
    }
}
