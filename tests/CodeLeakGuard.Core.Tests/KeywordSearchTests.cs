using CodeLeakGuard.Policy;
using CodeLeakGuard.Text;

namespace CodeLeakGuard.Core.Tests;

public class KeywordSearchTests
{
    [Theory]
    [InlineData("https://API.OpenAI.com/v1", true)]
    [InlineData("call anthropic later", true)]
    [InlineData("open ai", false)]
    [InlineData("", false)]
    [InlineData("anthropi", false)]
    public void Finds_any_word_ignoring_case(string text, bool expected) =>
        Assert.Equal(expected, new KeywordSearch(new[] { "openai", "anthropic" }, ignoreCase: true).ContainsAny(text));

    [Fact]
    public void Ordinal_search_respects_case_and_bounds()
    {
        var search = new KeywordSearch(new[] { "OpenAI", "Az" }, ignoreCase: false);
        Assert.False(search.ContainsAny("openai"));
        Assert.True(search.ContainsAny("using OpenAI.Chat;"));
        Assert.False(search.ContainsAny("xxOpenAIxx", 3, 5)); // "penAI" only
        Assert.True(search.ContainsAny("xxAzure", 2, 2));
    }

    [Fact]
    public void Empty_set_matches_nothing()
    {
        var search = new KeywordSearch(new[] { "", null! }, ignoreCase: true);
        Assert.True(search.IsEmpty);
        Assert.False(search.ContainsAny("anything"));
    }

    [Fact]
    public void Non_ascii_words_are_found()
    {
        Assert.True(new KeywordSearch(new[] { "ärger" }, ignoreCase: true).ContainsAny("Viel ÄRGER hier"));
    }

    // The analyzers skip a literal that contains no endpoint keyword: every banned host must leave one in its text.
    [Theory]
    [InlineData("ban endpoint gen*lang.example.com", "https://genailang.example.com/v1")]
    [InlineData("ban endpoint x.ai", "https://x.ai/v1")]
    [InlineData("ban endpoint api.x.ai", "https://API.X.AI/v1")]
    [InlineData("ban endpoint *-llm.corp.example", "https://eu-llm.corp.example")]
    public void Every_banned_host_keeps_a_keyword_its_urls_contain(string policyLine, string url)
    {
        var policy = AiPolicy.Parse(policyLine, "test.policy");
        Assert.NotEmpty(policy.FindEndpoints(url));
        Assert.True(policy.EndpointKeywordSearch.ContainsAny(url));
    }

    [Fact]
    public void Built_in_catalog_hosts_all_pass_the_keyword_search()
    {
        var policy = AiPolicy.Default;
        foreach (var provider in Catalog.BuiltInCatalog.Providers.Where(p => p.BannedByDefault))
        {
            foreach (var host in provider.Hosts)
            {
                var sample = host.Text.Replace("*", "xy");
                Assert.True(policy.EndpointKeywordSearch.ContainsAny(sample), $"{provider.Name}: {host.Text}");
            }
        }
    }
}
