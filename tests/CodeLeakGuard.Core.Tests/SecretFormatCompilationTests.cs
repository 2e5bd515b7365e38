using System.Text.RegularExpressions;
using CodeLeakGuard.Secrets;

namespace CodeLeakGuard.Core.Tests;

/// <summary>A format's regex runs interpreted at first and compiled once it has run often (see <c>SecretFormat.Matcher</c>).</summary>
public class SecretFormatCompilationTests
{
    [Fact]
    public void A_format_switches_to_a_compiled_copy_after_enough_runs_and_finds_the_same_secrets()
    {
        var format = new SecretFormat("TicketToken", "test token", SecretCategory.Credential,
            new Regex(@"tkt_(?<secret>[A-Za-z0-9]{12})", RegexOptions.CultureInvariant), new[] { "tkt_" }, check: SecretValueCheck.None);
        var scanner = new SecretScanner(new[] { format });
        const string Text = "first tkt_Ab3dEf6hIj9k then tkt_Zy8xWv6uTs4r and tkt_short";

        var interpreted = scanner.Scan(Text).Select(m => (m.Start, m.Length)).ToList();
        Assert.Same(format.Pattern, format.Matcher);
        for (var i = 0; i < SecretFormat.RunsBeforeCompiling; i++)
        {
            scanner.Scan(Text);
        }

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!format.IsCompiled && DateTime.UtcNow < deadline)
        {
            Thread.Sleep(10);
        }

        Assert.True(format.IsCompiled, "the compiled copy was not built within 30 s");
        Assert.NotSame(format.Pattern, format.Matcher);
        Assert.True(format.Matcher.Options.HasFlag(RegexOptions.Compiled));
        Assert.Equal(format.Pattern.MatchTimeout, format.Matcher.MatchTimeout);
        Assert.Equal(2, interpreted.Count);
        Assert.Equal(interpreted, scanner.Scan(Text).Select(m => (m.Start, m.Length)).ToList());
    }

    [Theory]
    [MemberData(nameof(SecretScannerTests.FormatsInContext), MemberType = typeof(SecretScannerTests))]
    public void Every_built_in_format_matches_the_same_text_compiled_as_interpreted(string kind, string context, string secret)
    {
        var text = "before " + string.Format(context, secret) + " after, and again: " + string.Format(context, secret);
        foreach (var format in BuiltInSecretFormats.All.Where(f => f.Kind == kind))
        {
            var compiled = new Regex(format.Pattern.ToString(), format.Pattern.Options | RegexOptions.Compiled, format.Pattern.MatchTimeout);
            var expected = format.Pattern.Matches(text).Select(m => (m.Index, m.Length, m.Groups["secret"].Value)).ToList();
            Assert.Equal(expected, compiled.Matches(text).Select(m => (m.Index, m.Length, m.Groups["secret"].Value)).ToList());
        }
    }
}
