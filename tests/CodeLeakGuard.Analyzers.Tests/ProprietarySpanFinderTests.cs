using CodeLeakGuard.Analyzers.Proprietary;
using CodeLeakGuard.Policy;
using Microsoft.CodeAnalysis.CSharp;

namespace CodeLeakGuard.Analyzers.Tests;

/// <summary>The shared span API: every marker form on real syntax trees.</summary>
public class ProprietarySpanFinderTests
{
    private static (ProprietaryDocument Document, string Source) Find(string source, AiPolicy? policy = null, string? path = null)
    {
        var tree = CSharpSyntaxTree.ParseText(source, path: path ?? "/repo/src/Test.cs");
        return (ProprietarySpanFinder.Find(tree, policy ?? AiPolicy.Default, path ?? tree.FilePath), source);
    }

    private static string TextOf((ProprietaryDocument Document, string Source) found, int index) =>
        found.Source.Substring(found.Document.Spans[index].Span.Start, found.Document.Spans[index].Span.Length);

    [Fact]
    public void Attribute_marks_its_declaration_with_doc_comment_and_reason()
    {
        var found = Find("""
            namespace Contoso;
            public class Open { public int A; }
            /// <summary>Secret sauce.</summary>
            [Proprietary("pricing engine")]
            public class PricingEngine { public decimal Margin => 0.42m; }
            public class Other { [CodeLeakGuard.ProprietaryAttribute] public void Rule() { } }
            """);

        Assert.Equal(2, found.Document.Spans.Count);
        Assert.StartsWith("/// <summary>Secret sauce.", TextOf(found, 0));
        Assert.EndsWith("0.42m; }", TextOf(found, 0));
        Assert.Equal("pricing engine", found.Document.Spans[0].Reason);
        Assert.Equal(ProprietaryMarkerKind.Attribute, found.Document.Spans[1].Kind);
        Assert.StartsWith("[CodeLeakGuard.ProprietaryAttribute] public void Rule()", TextOf(found, 1));
        Assert.Empty(found.Document.Problems);
    }

    [Fact]
    public void Proprietary_regions_and_comment_pairs_are_found_with_reasons()
    {
        var found = Find("""
            class C
            {
                #region Helpers
                void A() { }
                #endregion

                #region Proprietary: margin rules
                void B() { }
                #endregion

                void D()
                {
                    var open = 1;
                    // codeleakguard:proprietary-begin tax tricks
                    var secret = open * 42;
                    // codeleakguard:proprietary-end
                }
            }
            """);

        Assert.Equal(2, found.Document.Spans.Count);
        Assert.Equal((ProprietaryMarkerKind.Region, "margin rules"), (found.Document.Spans[0].Kind, found.Document.Spans[0].Reason));
        Assert.Contains("void B()", TextOf(found, 0));
        Assert.DoesNotContain("void A()", TextOf(found, 0));
        Assert.Equal((ProprietaryMarkerKind.CommentPair, "tax tricks"), (found.Document.Spans[1].Kind, found.Document.Spans[1].Reason));
        Assert.Contains("open * 42", TextOf(found, 1));
        Assert.DoesNotContain("var open = 1", TextOf(found, 1));
    }

    [Fact]
    public void An_unclosed_begin_protects_the_rest_of_the_file_and_is_a_problem()
    {
        var found = Find("class C {\n// codeleakguard:proprietary-begin\nint secret = 1;\n}\n");

        var span = Assert.Single(found.Document.Spans);
        Assert.Equal(found.Source.Length, span.Span.End);
        Assert.True(Assert.Single(found.Document.Problems).IsUnclosedBegin);
    }

    [Fact]
    public void Nested_stray_overlapping_and_misplaced_markers_are_problems()
    {
        var found = Find("""
            class C
            {
                // codeleakguard:proprietary-end
                #region Proprietary
                // codeleakguard:proprietary-begin
                #region Proprietary inner
                #endregion
                #endregion
                void M() { }
                // codeleakguard:proprietary-end
                void N([Proprietary] int x) { }
            }
            """);

        var messages = found.Document.Problems.Select(p => p.Message).ToList();
        Assert.Contains(messages, m => m.Contains("without a proprietary-begin"));
        Assert.Contains(messages, m => m.Contains("inside another proprietary region"));
        Assert.Contains(messages, m => m.Contains("overlap"));
        Assert.Contains(messages, m => m.Contains("marks nothing"));
    }

    [Fact]
    public void Policy_paths_namespaces_types_and_members_are_marked()
    {
        var policy = AiPolicy.Parse("""
            proprietary path src/Pricing/**
            proprietary namespace Contoso.Secret
            proprietary type Contoso.Open.Engine
            proprietary member Contoso.Open.Calc.Formula
            """, "/repo/codeleakguard.policy");
        const string source = """
            namespace Contoso.Secret { class A { } }
            namespace Contoso.Open
            {
                class Engine { }
                class Calc { public int Formula() => 1; public int Public() => 2; }
            }
            """;

        var byPath = Find(source, policy, "/repo/src/Pricing/Rules.cs");
        var bySymbols = Find(source, policy, "/repo/src/Open/Rules.cs");

        Assert.True(byPath.Document.IsWholeFile);
        Assert.False(bySymbols.Document.IsWholeFile);
        Assert.Equal(3, bySymbols.Document.Spans.Count);
        Assert.Contains(bySymbols.Document.Spans, s => TextOf(bySymbols, bySymbols.Document.Spans.ToList().IndexOf(s)).StartsWith("public int Formula()", StringComparison.Ordinal));
        Assert.DoesNotContain(bySymbols.Document.Spans, s => s.Span.Contains(source.IndexOf("Public()", StringComparison.Ordinal)));
    }

    [Fact]
    public void Ordinary_code_has_no_spans()
    {
        var found = Find("// This is proprietary software of Contoso (licence header only)\nclass Proprietary { }\n");

        Assert.Empty(found.Document.Spans);
        Assert.Empty(found.Document.Problems);
    }

    /// <summary>
    /// 50,000 nested lambdas exhaust the parser's stack guard: Roslyn reports CS8078 and keeps the rest as skipped
    /// text, in which the comment pair around the code is never found. A file that may hold markers is then all
    /// proprietary; one that cannot (no marker word, no policy symbols) is not.
    /// </summary>
    [Fact]
    public void Code_too_deep_to_parse_makes_a_file_with_markers_wholly_proprietary()
    {
        var deep = "class OrderLedger { System.Func<int, int> F = " + string.Concat(Enumerable.Repeat("x => ", 50_000)) + "1; }";

        var marked = Find("// codeleakguard:proprietary-begin\n" + deep + "\n// codeleakguard:proprietary-end\n");
        var plain = Find(deep);

        Assert.True(ProprietarySpanFinder.TooDeepToRead(CSharpSyntaxTree.ParseText(deep)));
        Assert.True(marked.Document.IsWholeFile);
        Assert.Equal(ProprietaryMarkerKind.Unreadable, Assert.Single(marked.Document.Spans).Kind);
        Assert.Contains("CS8078", marked.Document.Spans[0].Reason, StringComparison.Ordinal);
        Assert.False(plain.Document.HasProprietaryCode);
    }

    [Fact]
    public void Code_with_ordinary_errors_is_still_read_for_markers()
    {
        var found = Find("class C\n{\n    // codeleakguard:proprietary-begin\n    int Margin() => 42\n    // codeleakguard:proprietary-end\n}\n");

        Assert.False(ProprietarySpanFinder.TooDeepToRead(CSharpSyntaxTree.ParseText("class C { int M() => 42 }")));
        Assert.Equal(ProprietaryMarkerKind.CommentPair, Assert.Single(found.Document.Spans).Kind);
    }
}
