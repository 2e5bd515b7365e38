using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CodeLeakGuard.Masking.Tests;

/// <summary>Masked C# is still C#: it parses as the original did, and with a compilation it compiles as the original did.</summary>
public class StillCodeTests
{
    [Fact]
    public void Masked_files_parse_with_no_syntax_error_the_original_lacks()
    {
        var session = new MaskingSession(new MaskingOptions { Policy = TestPolicies.Contoso });
        var results = session.Mask(TestCodeBase.Files.Select(f => new MaskRequest(f.Text, MaskKind.CSharp, f.Path)));
        var problems = new List<string>();
        foreach (var ((path, original), masked) in TestCodeBase.Files.Zip(results))
        {
            var before = SyntaxErrors(original);
            var after = SyntaxErrors(masked.Text);
            if (after.Except(before).Any())
            {
                problems.Add($"{path}: {string.Join(", ", after.Except(before))}");
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void With_a_compilation_the_masked_code_base_compiles_with_no_new_errors()
    {
        var original = CodeBaseCompilation.Create(TestCodeBase.Files);
        Assert.Empty(CodeBaseCompilation.Errors(original));

        var session = new MaskingSession(new MaskingOptions { Policy = TestPolicies.Contoso });
        var masked = TestCodeBase.Files.Select(f => (f.Path, session.Mask(f.Text, original, f.Path).Text)).ToList();
        var errors = CodeBaseCompilation.Errors(CodeBaseCompilation.Create(masked));
        Assert.True(errors.Count == 0, CodeBaseCompilation.Describe(errors));

        // And it is masked: the user's names are gone, the framework's are there.
        var all = string.Join("\n", masked.Select(m => m.Text));
        Assert.DoesNotContain("OrderPricingEngine", all);
        Assert.DoesNotContain("InvoiceGenerator", all);
        Assert.Contains("ConfigureAwait", all);
        Assert.Contains("ToString()", all);
        Assert.DoesNotContain(NoLeakTests.LeakedNames(all), name => name.Skip(1).Any(char.IsUpper)); // file by file: see NoLeakTests
    }

    [Fact]
    public void Semantic_masking_keeps_framework_members_whose_names_the_code_also_declares()
    {
        var code = """
            using System.Collections.Generic;

            public sealed class Basket
            {
                private readonly List<string> _items = new();

                public void Add(string sku) => _items.Add(sku);

                public int Count => _items.Count;

                public override string ToString() => string.Join(",", _items);
            }
            """;
        var compilation = CodeBaseCompilation.Create([("Basket.cs", code)]);
        var masked = new MaskingSession().Mask(code, compilation).Text;

        Assert.Matches(@"_field\d+\.Add\(", masked);
        Assert.Matches(@"_field\d+\.Count", masked);
        Assert.Contains("override string ToString()", masked);
        Assert.DoesNotContain("Basket", masked);
        Assert.Empty(CodeBaseCompilation.Errors(CodeBaseCompilation.Create([("Basket.cs", masked)])));
    }

    private static IReadOnlyCollection<string> SyntaxErrors(string text) =>
        CSharpSyntaxTree.ParseText(text, CodeBaseCompilation.ParseOptions).GetDiagnostics()
            .Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.Id).ToHashSet();
}
