using CodeLeakGuard.Policy;

namespace CodeLeakGuard.Core.Tests;

/// <summary><c>set images=refuse|withhold|pass</c>: what the masking handler does with images, which cannot be masked.</summary>
public class ImagePolicyTests
{
    [Fact]
    public void Without_a_line_images_are_refused()
    {
        Assert.Equal(ImageHandling.Refuse, AiPolicy.Default.Images);
        Assert.Equal(ImageHandling.Refuse, AiPolicy.Parse("set sensitive-terms=\"Contoso\"", "p.clgpolicy").Images);
    }

    [Theory]
    [InlineData("set images=withhold", ImageHandling.Withhold)]
    [InlineData("set images=\"PASS\"", ImageHandling.Pass)]
    [InlineData("set images=refuse", ImageHandling.Refuse)]
    public void A_line_sets_it(string line, ImageHandling expected)
    {
        var policy = AiPolicy.Parse(line, "p.clgpolicy");

        Assert.Empty(policy.Diagnostics);
        Assert.Equal(expected, policy.Images);
    }

    [Theory]
    [InlineData("set images=blur")]
    [InlineData("set images=1")]
    [InlineData("set images=\"\"")]
    public void Another_value_is_an_error_at_its_place(string line)
    {
        var document = PolicyParser.Parse("# images\n" + line, "p.clgpolicy");

        var error = Assert.Single(document.Diagnostics);
        Assert.Equal((2, 5), (error.Location.Line, error.Location.Column));
        Assert.Contains("not refuse, withhold or pass", error.Message);
        Assert.Null(document.Images);
    }

    [Fact]
    public void Of_several_files_the_strictest_wins()
    {
        var policy = new AiPolicy([PolicyParser.Parse("set images=pass", "team.clgpolicy"), PolicyParser.Parse("set images=withhold", "company.clgpolicy")]);

        Assert.Equal(ImageHandling.Withhold, policy.Images);
    }
}
