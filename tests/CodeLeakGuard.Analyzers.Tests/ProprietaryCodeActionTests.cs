using CodeLeakGuard.Analyzers.Proprietary;
using CodeLeakGuard.Analyzers.Tests.Verifiers;
using CodeLeakGuard.CodeFixes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeRefactorings;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace CodeLeakGuard.Analyzers.Tests;

public class ProprietaryCodeActionTests
{
    [Fact]
    public Task An_unclosed_begin_marker_is_closed_before_the_enclosing_brace() => new CodeFixTest<ProprietaryMarkerAnalyzer, CloseProprietaryMarkerCodeFixProvider>
    {
        References = TestReferences.Runtime,
        Markup = """
            class C
            {
                void M()
                {
                    // codeleakguard:proprietary-begin
                    var secret = 42;
                }
            }
            """,
        FixedSource = """
            class C
            {
                void M()
                {
                    // codeleakguard:proprietary-begin
                    var secret = 42;
                    // codeleakguard:proprietary-end
                }
            }
            """,
    }.RunAsync();

    [Fact]
    public async Task Mark_as_proprietary_adds_the_attribute()
    {
        const string source = "namespace N;\n\npublic class PricingEngine\n{\n    public decimal Margin() => 0.42m;\n}\n";

        var result = await ApplyRefactoringAsync<MarkProprietaryRefactoringProvider>(source, new TextSpan(source.IndexOf("PricingEngine", StringComparison.Ordinal), 0));

        Assert.Contains("[CodeLeakGuard.Proprietary]", result);
        Assert.True(result.IndexOf("[CodeLeakGuard.Proprietary]", StringComparison.Ordinal) < result.IndexOf("public class PricingEngine", StringComparison.Ordinal));
        Assert.Empty(CSharpSyntaxTree.ParseText(result).GetDiagnostics());
    }

    [Fact]
    public async Task Selected_statements_are_wrapped_in_markers()
    {
        const string source = "class C\n{\n    void M()\n    {\n        var a = 1;\n        var b = a * 42;\n        var c = b;\n    }\n}\n";
        var start = source.IndexOf("var b", StringComparison.Ordinal);

        var result = await ApplyRefactoringAsync<WrapInProprietaryMarkersRefactoringProvider>(source, new TextSpan(start, "var b = a * 42;".Length));

        Assert.Equal("class C\n{\n    void M()\n    {\n        var a = 1;\n        // codeleakguard:proprietary-begin\n        var b = a * 42;\n        // codeleakguard:proprietary-end\n        var c = b;\n    }\n}\n", result);
    }

    [Fact]
    public async Task The_generator_emits_a_usable_attribute()
    {
        var compilation = AnalyzerTest<ProprietaryMarkerAnalyzer>.CreateCompilation(
            "[CodeLeakGuard.Proprietary(\"why\")] class Engine { [CodeLeakGuard.Proprietary] int _x; }", TestReferences.Runtime);

        var driver = CSharpGeneratorDriver.Create(new ProprietaryAttributeGenerator()).RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);

        Assert.Empty(diagnostics);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        Assert.Contains(driver.GetRunResult().GeneratedTrees, t => t.FilePath.EndsWith(ProprietaryAttributeGenerator.HintName, StringComparison.Ordinal));
        await Task.CompletedTask;
    }

    private static async Task<string> ApplyRefactoringAsync<TProvider>(string source, TextSpan span)
        where TProvider : CodeRefactoringProvider, new()
    {
        var workspace = new AdhocWorkspace();
        var project = workspace.AddProject("P", LanguageNames.CSharp).AddMetadataReferences(TestReferences.Runtime);
        var document = project.AddDocument("Test.cs", SourceText.From(source));
        var actions = new List<CodeAction>();
        await new TProvider().ComputeRefactoringsAsync(new CodeRefactoringContext(document, span, actions.Add, CancellationToken.None));
        var action = Assert.Single(actions);
        var operation = (await action.GetOperationsAsync(CancellationToken.None)).OfType<ApplyChangesOperation>().Single();
        return (await operation.ChangedSolution.GetDocument(document.Id)!.GetTextAsync()).ToString();
    }
}
