using System.Text.RegularExpressions;
using CodeLeakGuard.Policy;
using Microsoft.CodeAnalysis.CSharp;

namespace CodeLeakGuard.Masking.Tests;

/// <summary>Proprietary code is never sent: members keep their (masked) signature, bodies say they were withheld.</summary>
public class ProprietaryMaskingTests
{
    private const string Formula = "basisPoints * 725 / 10_000m";

    [Fact]
    public void A_member_marked_with_the_attribute_is_sent_as_its_signature_with_a_withheld_body()
    {
        var code = $$"""
            using System;

            public sealed class LoyaltyPricing
            {
                /// <summary>The tier formula.</summary>
                [Proprietary("tier formula")]
                public decimal ExtraDiscount(decimal basisPoints, decimal remaining)
                {
                    // tuned in Q3
                    return Math.Min(remaining, {{Formula}});
                }

                public decimal Cap => 250m;
            }

            internal sealed class ProprietaryAttribute : Attribute
            {
                public ProprietaryAttribute(string reason) { }
            }
            """;
        var session = new MaskingSession();
        var masked = session.Mask(code, MaskKind.CSharp);

        Assert.Equal(1, masked.Report.ProprietarySpans);
        Assert.DoesNotContain("725", masked.Text);
        Assert.DoesNotContain("tuned in Q3", masked.Text);
        Assert.DoesNotContain("The tier formula", masked.Text);
        Assert.DoesNotContain("ExtraDiscount", masked.Text);
        Assert.Matches(@"\[Proprietary\(""tier formula""\)\]\s+public decimal Method\d+\(decimal param\d+, decimal remaining\)\s+\{ throw new global::System\.NotSupportedException\(""<withheld:Proprietary\d+>""\); \}", masked.Text);
        Assert.Matches(@"public decimal Property\d+ => 250m;", masked.Text);
        Assert.Empty(CSharpSyntaxTree.ParseText(masked.Text).GetDiagnostics());

        var restored = session.Unmask(masked.Text);
        Assert.Equal(code, restored.Text);
        Assert.Empty(restored.Issues);
    }

    /// <summary>Every way of writing a marker is found, however it is spaced, qualified or escaped.</summary>
    [Theory]
    [InlineData("[Proprietary] int Weight() => 1735;")]
    [InlineData("[Contoso.Markers.ProprietaryAttribute] int Weight() => 1735;")]
    [InlineData("[global::Proprietary(\"ranking\")] int Weight() => 1735;")]
    [InlineData("[\\u0050roprietary] int Weight() => 1735;")]
    [InlineData("\f#\tregion\u00A0Proprietary\u2028int Weight() => 1735;\n#endregion")]
    [InlineData("#region Proprietary\nint Weight() => 1735;\n#endregion")]
    [InlineData("  #  region   proprietary: ranking\r\nint Weight() => 1735;\r\n#endregion")]
    [InlineData("// CodeLeakGuard:Proprietary-Begin\nint Weight() => 1735;\n// codeleakguard:proprietary-end")]
    public void A_marker_is_found_however_it_is_written(string member)
    {
        var masked = new MaskingSession().Mask($"class Ranker\n{{\n{member}\n}}\n", MaskKind.CSharp);

        Assert.Equal(1, masked.Report.ProprietarySpans);
        Assert.DoesNotContain("1735", masked.Text);
    }

    /// <summary>
    /// A licence header that says "proprietary" marks nothing, and the file is not parsed for markers: code nested
    /// too deeply to parse with certainty is still masked as code, not withheld whole as a file with a marker is.
    /// </summary>
    [Fact]
    public void A_mere_mention_of_proprietary_marks_nothing_and_costs_no_parse()
    {
        const int depth = 1600;
        var code = "// Copyright (c) Contoso. Proprietary and confidential.\nclass Ranker\n{\n    int Weight() => " + new string('(', depth) + "1735" + new string(')', depth) + ";\n}\n";

        var masked = new MaskingSession().Mask(code, MaskKind.CSharp);

        Assert.Equal(0, masked.Report.ProprietarySpans);
        Assert.Contains("1735", masked.Text);
        Assert.Contains("Proprietary and confidential", masked.Text);
    }

    [Fact]
    public void Regions_and_comment_markers_withhold_what_they_enclose()
    {
        var code = """
            public sealed class Ranker
            {
                #region Proprietary: ranking
                private static double Weight(int clicks) => clicks * 1.35 + 0.2;

                private const double Decay = 0.961;
                #endregion

                public double Score(int clicks)
                {
                    var score = 0.0;
                    // codeleakguard:proprietary-begin
                    score = Weight(clicks) * Decay;
                    score += System.Math.Log(1 + clicks);
                    // codeleakguard:proprietary-end
                    return score;
                }
            }
            """;
        var session = new MaskingSession();
        var masked = session.Mask(code, MaskKind.CSharp);

        Assert.Equal(2, masked.Report.ProprietarySpans);
        foreach (var secret in new[] { "1.35", "0.961", "Math.Log" })
        {
            Assert.DoesNotContain(secret, masked.Text);
        }

        Assert.Contains("#region Proprietary: ranking", masked.Text);
        Assert.Contains("// codeleakguard:proprietary-begin", masked.Text);
        Assert.Matches(@"private const double Field\d+ = default;", masked.Text);
        Assert.Equal(2, Regex.Matches(masked.Text, @"throw new global::System\.NotSupportedException\(""<withheld:Proprietary\d+>""\);").Count);
        Assert.Empty(CSharpSyntaxTree.ParseText(masked.Text).GetDiagnostics());
        Assert.Equal(code, session.Unmask(masked.Text).Text);
    }

    [Fact]
    public void Policy_paths_and_members_make_code_proprietary()
    {
        var policy = AiPolicy.Parse("proprietary path src/Pricing/**\nproprietary member Shop.Checkout.ApplyVoucher", "codeleakguard.policy");
        var session = new MaskingSession(new MaskingOptions { Policy = policy });
        var checkout = """
            namespace Shop;

            public class Checkout
            {
                public int ApplyVoucher(int total) => total - 17;

                public int Pay(int total) => total;
            }
            """;

        var member = session.Mask(checkout, MaskKind.CSharp, "src/Checkout.cs").Text;
        Assert.DoesNotContain("total - 17", member);
        Assert.Matches(@"\(int (param\d+)\) => \1;", member); // Pay is not proprietary

        var file = session.Mask(checkout, MaskKind.CSharp, "src/Pricing/Checkout.cs").Text;
        Assert.DoesNotContain("total - 17", file);
        Assert.DoesNotContain("=> total;", file);
        Assert.Equal(2, Regex.Matches(file, "<withheld:Proprietary").Count);
        Assert.Equal(checkout, session.Unmask(file).Text);
    }

    [Fact]
    public void An_edited_stub_is_left_as_it_is_and_reported()
    {
        var code = """
            public class Engine
            {
                [Proprietary]
                public int Secret(int x) { return x * 31 + 7; }
            }
            """;
        var session = new MaskingSession();
        var masked = session.Mask(code, MaskKind.CSharp).Text;
        var edited = masked.Replace("public int", "public long", StringComparison.Ordinal);

        var restored = session.Unmask(edited);
        Assert.DoesNotContain("x * 31", restored.Text);
        Assert.Contains("<withheld:Proprietary", restored.Text);
        Assert.Contains("public long Secret(int x)", restored.Text);
        Assert.Equal(UnmaskIssueKind.AlteredLeft, Assert.Single(restored.Issues).Kind);
    }

    [Fact]
    public void A_misplaced_or_unclosed_marker_protects_more_not_less()
    {
        var session = new MaskingSession();
        var misplaced = session.Mask("""
            public class Engine
            {
                public int Secret([Proprietary] int x) { return x * 31 + 7; }
            }
            """, MaskKind.CSharp).Text;
        Assert.DoesNotContain("x * 31", misplaced.Replace("param", "x", StringComparison.Ordinal));
        Assert.DoesNotContain("31 + 7", misplaced);

        var unclosed = session.Mask("""
            public class Engine
            {
                public int Open() => 1;
                #region Proprietary
                public int Secret(int x) { return x * 31 + 7; }
                public int AlsoSecret() => 42;
            }
            """, MaskKind.CSharp).Text;
        Assert.Contains("=> 1;", unclosed);
        Assert.DoesNotContain("31 + 7", unclosed);
        Assert.DoesNotContain("42", unclosed);
    }

    [Fact]
    public void An_assembly_marked_proprietary_withholds_every_body()
    {
        var code = """
            [assembly: Proprietary]
            public class Engine
            {
                public int Compute(int x) => x * 31 + 7;
            }
            """;
        var masked = new MaskingSession().Mask(code, MaskKind.CSharp).Text;
        Assert.DoesNotContain("31 + 7", masked);
        Assert.Contains("[assembly: Proprietary]", masked);
    }
}
