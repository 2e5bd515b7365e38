using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace CodeLeakGuard.Analyzers.Tests.Verifiers;

/// <summary>
/// Runs the analyzer on markup source in a real workspace, applies the code fix offered for the first diagnostic of
/// the fixer's ids, and compares the resulting document with the expected text.
/// </summary>
internal sealed class CodeFixTest<TAnalyzer, TFixer>
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TFixer : CodeFixProvider, new()
{
    public string Markup { get; init; } = string.Empty;

    public string FixedSource { get; init; } = string.Empty;

    public IReadOnlyList<MetadataReference> References { get; init; } = TestReferences.WithAiSdks;

    public IReadOnlyList<(string Path, string Text)> AdditionalFiles { get; init; } = [];

    public async Task RunAsync()
    {
        var fixedText = await ApplyFirstFixAsync();
        Assert.Equal(FixedSource.ReplaceLineEndings(), fixedText.ReplaceLineEndings());
    }

    /// <summary>The code actions offered for the first diagnostic the fixer handles (empty when none).</summary>
    public async Task<ImmutableArray<CodeAction>> GetOfferedActionsAsync()
    {
        var (document, diagnostic) = await FindDiagnosticAsync();
        return diagnostic is null ? [] : await CollectActionsAsync(document, diagnostic);
    }

    private async Task<string> ApplyFirstFixAsync()
    {
        var (document, diagnostic) = await FindDiagnosticAsync();
        Assert.NotNull(diagnostic);
        var actions = await CollectActionsAsync(document, diagnostic!);
        var action = Assert.Single(actions);
        var operations = await action.GetOperationsAsync(CancellationToken.None);
        var changed = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution;
        return (await changed.GetDocument(document.Id)!.GetTextAsync()).ToString();
    }

    private static async Task<ImmutableArray<CodeAction>> CollectActionsAsync(Document document, Diagnostic diagnostic)
    {
        var actions = ImmutableArray.CreateBuilder<CodeAction>();
        var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None);
        await new TFixer().RegisterCodeFixesAsync(context);
        return actions.ToImmutable();
    }

    private async Task<(Document Document, Diagnostic? Diagnostic)> FindDiagnosticAsync()
    {
        var (source, _) = DiagnosticMarkup.Parse(Markup);
        var workspace = new AdhocWorkspace();
        var projectId = ProjectId.CreateNewId();
        var solution = workspace.CurrentSolution
            .AddProject(ProjectInfo.Create(projectId, VersionStamp.Default, "TestProject", "TestProject", LanguageNames.CSharp,
                compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary),
                parseOptions: new CSharpParseOptions(LanguageVersion.CSharp12, DocumentationMode.Diagnose),
                metadataReferences: References));
        var documentId = DocumentId.CreateNewId(projectId);
        solution = solution.AddDocument(documentId, "Test0.cs", SourceText.From(source), filePath: AnalyzerTest<TAnalyzer>.SourcePath);
        foreach (var (path, text) in AdditionalFiles)
        {
            solution = solution.AddAdditionalDocument(DocumentId.CreateNewId(projectId), Path.GetFileName(path), SourceText.From(text), filePath: path);
        }

        var project = solution.GetProject(projectId)!;
        var compilation = (await project.GetCompilationAsync())!;
        var options = new AnalyzerOptions(AdditionalFiles.Select(f => (AdditionalText)new TestAdditionalText(f.Path, f.Text)).ToImmutableArray());
        var diagnostics = await compilation.WithAnalyzers([new TAnalyzer()], options).GetAnalyzerDiagnosticsAsync();
        var fixable = new TFixer().FixableDiagnosticIds;
        var diagnostic = diagnostics.Where(d => fixable.Contains(d.Id) && d.Location.IsInSource).OrderBy(d => d.Location.SourceSpan.Start).FirstOrDefault();
        return (project.GetDocument(documentId)!, diagnostic);
    }
}
