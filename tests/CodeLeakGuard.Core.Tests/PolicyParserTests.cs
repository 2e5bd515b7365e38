using CodeLeakGuard.Policy;

namespace CodeLeakGuard.Core.Tests;

public class PolicyParserTests
{
    private const string Path = "policy/codeleakguard.policy";

    [Fact]
    public void A_full_policy_parses_into_its_model()
    {
        var document = PolicyParser.Parse("""
            # Contoso AI policy
            set instead="Contoso.AI.Gateway (https://ai.contoso.internal)"
            ban package OpenAI [2.0.0,3.0.0) reason="v2 uploads files" instead="Contoso.AI.Gateway" severity=warning
            allow package Contoso.AI.Client wraps=OpenAI,Anthropic
            ban namespace Contoso.Legacy.Llm
            ban type OpenAI.Chat.ChatClient
            ban member OpenAI.Chat.ChatClient.CompleteChat(System.String)
            ban endpoint *.shadow-llm.example
            approve endpoint https://ai.contoso.internal/v1 proprietary=true
            ban env SHADOW_*_KEY
            allow provider "Azure OpenAI"
            proprietary path src/Pricing/**
            proprietary namespace Contoso.Pricing.*
            secret ContosoToken pattern="ctso_[A-Za-z0-9]{32}" reason="internal token"
            T:Vendor.Ai.Client`1;use the gateway
            N:Vendor.Ai
            M:Vendor.Ai.Client.Send(System.String,System.Int32);no sending
            """, Path);

        Assert.Empty(document.Diagnostics);
        Assert.Equal("Contoso.AI.Gateway (https://ai.contoso.internal)", document.DefaultInstead);
        Assert.Equal(12, document.Entries.Count);

        var package = document.Entries[0];
        Assert.Equal((PolicyAction.Ban, PolicyTarget.Package, "OpenAI"), (package.Action, package.Target, package.Pattern));
        Assert.Equal("[2.0.0,3.0.0)", package.Versions.Text);
        Assert.Equal("v2 uploads files", package.Reason);
        Assert.Equal("Contoso.AI.Gateway", package.Instead);
        Assert.Equal(FindingSeverity.Warning, package.Severity);
        Assert.Equal(3, package.Location.Line);

        Assert.Equal(["OpenAI", "Anthropic"], document.Entries[1].Wraps.Select(w => w.Text));
        Assert.Equal("CompleteChat", document.Entries[4].MemberName);
        Assert.True(document.Entries[6].ApprovedForProprietary);
        Assert.Equal("Azure OpenAI", document.Entries[8].Pattern);

        var bannedType = document.Entries[9];
        Assert.Equal((PolicyTarget.Type, "Vendor.Ai.Client", "use the gateway"), (bannedType.Target, bannedType.Pattern, bannedType.Reason));
        Assert.Equal(PolicyTarget.Namespace, document.Entries[10].Target);
        Assert.Equal(("Vendor.Ai.Client.Send", "Send"), (document.Entries[11].Pattern, document.Entries[11].MemberName));

        Assert.Equal(2, document.Proprietary.Count);
        Assert.True(document.Proprietary[0].Path!.IsMatch("src/Pricing/Engine/Rules.cs"));
        var secret = Assert.Single(document.Secrets);
        Assert.Matches(secret.Pattern, "ctso_" + new string('a', 32));
    }

    [Theory]
    [InlineData("bann package OpenAI", 1, "unknown keyword 'bann'")]
    [InlineData("ban pakage OpenAI", 5, "'pakage' is not something to ban")]
    [InlineData("ban package", 5, "needs a name or pattern")]
    [InlineData("ban package Open AI", 18, "'AI' is not a NuGet version")]
    [InlineData("ban package OpenAI [2.0,1.0", 20, "not closed")]
    [InlineData("ban package OpenAI [abc,2.0)", 20, "'abc'")]
    [InlineData("ban package Open/AI", 13, "not a valid package id")]
    [InlineData("ban namespace Open-AI", 15, "not a valid namespace")]
    [InlineData("ban member OpenAI", 12, "not a member name")]
    [InlineData("ban endpoint https://", 14, "needs a host")]
    [InlineData("ban endpoint api..openai.com", 14, "empty DNS label")]
    [InlineData("ban provider Skynet", 14, "unknown provider 'Skynet'")]
    [InlineData("ban package OpenAI reason=\"unterminated", 20, "not closed")]
    [InlineData("ban package OpenAI color=red", 20, "unknown option 'color'")]
    [InlineData("ban package OpenAI severity=fatal", 20, "severity 'fatal'")]
    [InlineData("ban package OpenAI reason=a reason=b", 29, "given twice")]
    [InlineData("ban namespace OpenAI wraps=Anthropic", 22, "wraps= belongs on 'allow package'")]
    [InlineData("approve endpoint *.contoso.internal", 18, "one concrete URL")]
    [InlineData("secret Token pattern=\"([a-z\"", 14, "not a valid regular expression")]
    [InlineData("secret Token pattern=\"x*\"", 14, "matches empty text")]
    [InlineData("set mode=sometimes", 5, "mode 'sometimes'")]
    [InlineData("X:Vendor.Type", 1, "not a BannedSymbols.txt prefix")]
    [InlineData("T:", 1, "names no symbol")]
    [InlineData("proprietary files src/**", 1, "proprietary path|namespace|type|member")]
    public void Malformed_lines_are_reported_at_file_line_and_column(string line, int column, string message)
    {
        var document = PolicyParser.Parse("# header\n" + line + "\n", Path);

        var diagnostic = Assert.Single(document.Diagnostics);
        Assert.Equal(PolicyDiagnostic.MalformedLineId, diagnostic.Id);
        Assert.Equal(FindingSeverity.Error, diagnostic.Severity);
        Assert.Equal((Path, 2, column), (diagnostic.Location.Path, diagnostic.Location.Line, diagnostic.Location.Column));
        Assert.Contains(message, diagnostic.Message);
        Assert.Empty(document.Entries);
        Assert.StartsWith($"{Path}(2,{column}): error CLG9001:", diagnostic.ToString());
    }

    [Fact]
    public void Duplicates_and_lines_that_never_match_are_warnings()
    {
        var document = PolicyParser.Parse("""
            ban package OpenAI
            ban package openai
            ban package Anthropic [3.0,2.0]
            allow package Newtonsoft.Json
            allow namespace OpenAI.Chat
            allow endpoint api.anthropic.com
            """, Path);

        Assert.All(document.Diagnostics, d => Assert.Equal((PolicyDiagnostic.IneffectiveLineId, FindingSeverity.Warning), (d.Id, d.Severity)));
        Assert.Equal([2, 3, 4], document.Diagnostics.Select(d => d.Location.Line).Order());
        Assert.Contains("duplicate entry", document.Diagnostics.Single(d => d.Location.Line == 2).Message);
        Assert.Contains("contains no version", document.Diagnostics.Single(d => d.Location.Line == 3).Message);
        Assert.Contains("has no effect", document.Diagnostics.Single(d => d.Location.Line == 4).Message);
    }

    [Fact]
    public void Good_lines_survive_next_to_bad_ones()
    {
        var document = PolicyParser.Parse("ban package OpenAI\nthis is not a policy line\r\nban namespace Anthropic\r\n", Path);

        Assert.Equal(2, document.Entries.Count);
        Assert.Equal(2, Assert.Single(document.Diagnostics).Location.Line);
    }

    public static TheoryData<string> HostileInputs() => new()
    {
        string.Empty,
        "\0\0\0binary\0",
        new string('"', 10_000),
        new string('[', 10_000),
        "ban package " + new string('*', 100_000),
        "ban endpoint " + string.Join(".", Enumerable.Repeat("*", 5_000)),
        "ban package OpenAI " + string.Concat(Enumerable.Repeat("reason=x ", 2_000)),
        "secret S pattern=\"(a+)+$\"",
        "\uFEFF\uD800ban package \uDFFFOpenAI",
        string.Join("\n", Enumerable.Repeat("ban package OpenAI", 20_000)),
        "=====\n=\n= =\n\"\"=\"\"",
        "T:" + new string('(', 5_000),
        "ban type A<B<C<D<E<F<G<H<I<J<K<L<M<N<O<P<Q<R<S<T<U<V<W<X<Y<Z>>>>>>>>>>>>>>>>>>>>>>>>>",
    };

    [Theory]
    [MemberData(nameof(HostileInputs))]
    public void Hostile_input_never_throws_and_every_problem_has_a_line(string text)
    {
        var document = PolicyParser.Parse(text, Path);

        var lineCount = text.Count(c => c == '\n') + 1;
        Assert.All(document.Diagnostics, d => Assert.InRange(d.Location.Line, 1, lineCount));
        Assert.All(document.Diagnostics, d => Assert.False(string.IsNullOrWhiteSpace(d.Message)));
    }

    [Fact]
    public void Catastrophic_secret_patterns_cannot_stall_matching()
    {
        var document = PolicyParser.Parse("secret S pattern=\"^(a+)+$\"", Path);

        var rule = Assert.Single(document.Secrets);
        Assert.NotEqual(System.Threading.Timeout.InfiniteTimeSpan, rule.Pattern.MatchTimeout);
        Assert.Throws<System.Text.RegularExpressions.RegexMatchTimeoutException>(() => rule.Pattern.IsMatch(new string('a', 5_000) + "!"));
    }
}
