using CodeLeakGuard.Masking.Identifiers;

namespace CodeLeakGuard.Masking.Tests;

/// <summary>The shared memory of what names are answers exactly as the keyword and framework tables do.</summary>
public class KnownNamesTests
{
    [Fact]
    public void Every_name_gets_the_tables_answer_however_often_and_in_whichever_instance_it_comes()
    {
        var framework = new[] { "String", "WriteLine", "string", "var", "value", "Dispose", "HttpClient", "OrderPricingEngine", "ComputeMargin" };
        var generated = Enumerable.Range(0, 20_000).Select(i => (i % 3 == 0 ? "Type" : i % 3 == 1 ? "get" : "x") + i);
        var names = framework.Concat(generated).ToList();

        for (var round = 0; round < 3; round++)
        {
            foreach (var name in names)
            {
                var instance = round == 2 ? new string(name.ToCharArray()) : name; // the same text as another string
                Assert.Equal((LanguageWords.IsKeyword(name), FrameworkNames.Lookup(name)), KnownNames.Of(instance));
            }
        }
    }

    [Fact]
    public async Task Threads_asking_at_once_agree()
    {
        var names = new[] { "String", "var", "OrderPricingEngine", "Task", "await" };
        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => names.Select(KnownNames.Of).ToArray())));

        Assert.All(answers, answer => Assert.Equal(names.Select(n => (LanguageWords.IsKeyword(n), FrameworkNames.Lookup(n))), answer));
        Assert.Equal((false, FrameworkNameKind.None), KnownNames.Of("OrderPricingEngine"));
        Assert.True(KnownNames.Of("var").IsKeyword);
    }
}
