using CodeLeakGuard.Policy;

namespace CodeLeakGuard.Masking.Tests;

/// <summary>Unmask(Mask(x)) == x, byte for byte, for every file of the code base.</summary>
public class RoundTripTests
{
    public static TheoryData<string> CodeFiles()
    {
        var data = new TheoryData<string>();
        foreach (var (path, _) in TestCodeBase.Files)
        {
            data.Add(path);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CodeFiles))]
    public void Each_file_round_trips_exactly(string path)
    {
        var original = TestCodeBase.Text(path);
        var session = new MaskingSession(new MaskingOptions { Policy = TestPolicies.Contoso });
        var masked = session.Mask(original, MaskKind.CSharp, path);
        Assert.NotEqual(original, masked.Text);
        var restored = session.Unmask(masked.Text);
        AssertSameText(original, restored.Text);
        Assert.Empty(restored.Issues);
    }

    [Fact]
    public void The_whole_code_base_round_trips_in_one_session_as_CSharp_markdown_and_plain_text()
    {
        var session = new MaskingSession(new MaskingOptions { Policy = TestPolicies.Contoso });
        foreach (var (path, text) in TestCodeBase.Files)
        {
            foreach (var kind in new[] { MaskKind.CSharp, MaskKind.PlainText })
            {
                var masked = session.Mask(text, kind, path);
                AssertSameText(text, session.Unmask(masked.Text).Text);
            }

            var prompt = $"Please review `{Path.GetFileNameWithoutExtension(path)}`:\n\n```csharp\n{text}\n```\n";
            AssertSameText(prompt, session.Unmask(session.Mask(prompt, MaskKind.Markdown).Text).Text);
        }
    }

    internal static void AssertSameText(string expected, string actual)
    {
        if (expected == actual)
        {
            return;
        }

        var at = 0;
        while (at < Math.Min(expected.Length, actual.Length) && expected[at] == actual[at])
        {
            at++;
        }

        var from = Math.Max(0, at - 60);
        Assert.Fail($"texts differ at {at}:\nexpected: {Excerpt(expected, from)}\nactual:   {Excerpt(actual, from)}");
    }

    private static string Excerpt(string text, int from) => from >= text.Length ? "<end>" : text.Substring(from, Math.Min(160, text.Length - from)).Replace("\n", "\\n");
}

internal static class TestPolicies
{
    /// <summary>The code base's policy: a proprietary folder, a proprietary type, a company name, an internal domain.</summary>
    public static AiPolicy Contoso { get; } = AiPolicy.Parse("""
        proprietary path Pricing/Secret/**
        proprietary type Contoso.Commerce.Services.RecommendationService
        set sensitive-terms="Contoso"
        set internal-hosts="*.contoso-commerce.example"
        """, "codeleakguard.policy");
}
