using CodeLeakGuard.Analyzers.Proprietary;
using CodeLeakGuard.Cli.Export;
using CodeLeakGuard.Policy;

namespace CodeLeakGuard.Cli.Tests;

/// <summary>The pure "is this file proprietary?" decision the export shares with the masker.</summary>
public class ProprietaryFilesTests
{
    private static readonly AiPolicy Policy = AiPolicy.Parse(
        "proprietary path src/Pricing/**\nproprietary path *.secret.cs\nproprietary type Contoso.Billing.Invoice\n",
        "/repo/codeleakguard.policy");

    [Fact]
    public void Attribute_marks_a_file_no_glob_covers()
    {
        var verdict = ProprietaryFiles.Classify(@"src\Billing\Discounts.cs", "[Proprietary] class Discounts { }", Policy);

        Assert.True(verdict.IsProprietary);
        Assert.Equal("src/Billing/Discounts.cs", verdict.Path);
        Assert.Equal(ProprietaryPathCoverage.NotCovered, verdict.PathCoverage);
        Assert.Equal(new[] { ProprietaryMarkerKind.Attribute }, verdict.MarkerKinds);
    }

    [Fact]
    public void Region_and_comment_pair_are_markers_too()
    {
        var verdict = ProprietaryFiles.Classify(
            "./src/Orders/Scoring.cs",
            "class Scoring\n{\n#region Proprietary: weights\n    const int W = 3;\n#endregion\n    // codeleakguard:proprietary-begin\n    const int V = 4;\n    // codeleakguard:proprietary-end\n}\n",
            Policy);

        Assert.True(verdict.IsProprietary);
        Assert.Equal("src/Orders/Scoring.cs", verdict.Path);
        Assert.Equal(new[] { ProprietaryMarkerKind.Region, ProprietaryMarkerKind.CommentPair }, verdict.MarkerKinds);
    }

    /// <summary>The export must not leave out a marked file the parser could not read (CS8078: skipped text, no markers found).</summary>
    [Fact]
    public void Marked_file_too_deep_to_parse_is_listed_whole()
    {
        var source = "// codeleakguard:proprietary-begin\nclass Rates { int R = " + string.Concat(Enumerable.Repeat("c ? 1 : ", 50_000)) + "0; }\n// codeleakguard:proprietary-end\n";

        var verdict = ProprietaryFiles.Classify("src/Orders/Rates.cs", source, Policy);

        Assert.True(verdict.IsProprietary);
        Assert.True(verdict.Document.IsWholeFile);
        Assert.Equal(new[] { ProprietaryMarkerKind.Unreadable }, verdict.MarkerKinds);
    }

    [Fact]
    public void Path_glob_makes_the_whole_file_proprietary()
    {
        var verdict = ProprietaryFiles.Classify("src/Pricing/Engine.cs", "class Engine { }", Policy);

        Assert.True(verdict.IsProprietary);
        Assert.True(verdict.Document.IsWholeFile);
        Assert.Equal(ProprietaryPathCoverage.Covered, verdict.PathCoverage);
        Assert.Empty(verdict.MarkerKinds);
    }

    [Fact]
    public void Policy_type_rule_marks_the_declaring_file()
    {
        var verdict = ProprietaryFiles.Classify("src/Billing/Invoice.cs", "namespace Contoso.Billing;\npublic sealed class Invoice { }\n", Policy);

        Assert.True(verdict.IsProprietary);
        Assert.Equal(new[] { ProprietaryMarkerKind.PolicySymbol }, verdict.MarkerKinds);
    }

    [Fact]
    public void Ordinary_file_is_not_proprietary()
    {
        var verdict = ProprietaryFiles.Classify("src/App/Program.cs", "// mentions nothing\nclass Program { }", Policy);

        Assert.False(verdict.IsProprietary);
        Assert.Equal(ProprietaryPathCoverage.NotCovered, verdict.PathCoverage);
    }

    [Fact]
    public void Assembly_marker_is_detected_and_applies_to_every_file_of_the_project()
    {
        Assert.True(ProprietaryFiles.HasAssemblyMarker("[assembly: Proprietary]\n"));
        Assert.False(ProprietaryFiles.HasAssemblyMarker("[Proprietary] class X { }\n"));
        Assert.True(ProprietaryFiles.Classify("src/Secret/Model.cs", "class Model { }", Policy, assemblyIsProprietary: true).IsProprietary);
    }

    [Theory]
    [InlineData("src/Pricing/Rates.json", ProprietaryPathCoverage.Covered)]
    [InlineData("src/pricing/Rates.json", ProprietaryPathCoverage.CoveredIgnoringCase)]
    [InlineData("deep/down/Keys.secret.cs", ProprietaryPathCoverage.Covered)]
    [InlineData("deep/down/Keys.SECRET.cs", ProprietaryPathCoverage.CoveredIgnoringCase)]
    [InlineData("src/App/Rates.json", ProprietaryPathCoverage.NotCovered)]
    public void Path_coverage_tells_exact_case_from_ignored_case(string path, ProprietaryPathCoverage expected) =>
        Assert.Equal(expected, ProprietaryFiles.PathCoverage(Policy, path));
}
