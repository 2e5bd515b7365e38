using CodeLeakGuard.Policy;

namespace CodeLeakGuard.Packages.Tests;

public class BannedPackageFinderTests
{
    [Fact]
    public void A_transitive_package_is_found_with_its_shortest_path()
    {
        var graph = new AssetsJson()
            .Framework("net10.0", "Contoso.Helpers", "Contoso.Long")
            .Package("net10.0", "Contoso.Long", "1.0.0", "Contoso.Middle")
            .Package("net10.0", "Contoso.Middle", "1.0.0", "OpenAI")
            .Package("net10.0", "Contoso.Helpers", "1.2.0", "OpenAI")
            .Package("net10.0", "OpenAI", "2.15.0", "System.ClientModel")
            .Package("net10.0", "System.ClientModel", "1.16.0")
            .Read();

        var violation = Assert.Single(BannedPackageFinder.Find(graph, AiPolicy.Default));

        Assert.Equal("'App' -> 'Contoso.Helpers' 1.2.0 -> 'OpenAI' 2.15.0", violation.FormatPath("App"));
        Assert.Equal("Contoso.Helpers", violation.TopLevel.Id);
        Assert.True(violation.IsTransitive);
        Assert.Contains("OpenAI is a hosted AI service", violation.Message("App"));
    }

    [Fact]
    public void One_violation_per_package_lists_every_framework_in_the_projects_order()
    {
        var graph = new AssetsJson()
            .Framework("net10.0", "OpenAI").Package("net10.0", "OpenAI", "2.15.0")
            .Framework("net8.0", "OpenAI").Package("net8.0", "OpenAI", "2.14.0")
            .Read();

        var violation = Assert.Single(BannedPackageFinder.Find(graph, AiPolicy.Default, ["net8.0", "net10.0"]));

        Assert.Equal(["net8.0", "net10.0"], violation.Frameworks);
        Assert.Equal(["2.15.0", "2.14.0"], violation.Versions.Order().Reverse());
    }

    [Fact]
    public void Packages_through_project_references_show_the_project_in_the_path()
    {
        var graph = new AssetsJson()
            .Framework("net10.0")
            .ProjectReference("net10.0", "/src/Lib/Lib.csproj")
            .Project("net10.0", "Lib", "Anthropic")
            .Package("net10.0", "Anthropic", "13.12.0")
            .Read();

        var violation = Assert.Single(BannedPackageFinder.Find(graph, AiPolicy.Default));

        Assert.Equal("'App' -> 'Lib' -> 'Anthropic' 13.12.0", violation.FormatPath("App"));
        Assert.True(violation.TopLevel.IsProject);
    }

    [Fact]
    public void A_wrapper_lifts_the_ban_only_when_it_is_the_only_dependent()
    {
        var policy = AiPolicy.Parse("allow package Contoso.AI.Client wraps=OpenAI\n", "p");
        var wrappedOnly = new AssetsJson()
            .Framework("net10.0", "Contoso.AI.Client")
            .Package("net10.0", "Contoso.AI.Client", "1.0.0", "OpenAI")
            .Package("net10.0", "OpenAI", "2.15.0")
            .Read();
        var alsoElsewhere = new AssetsJson()
            .Framework("net10.0", "Contoso.AI.Client", "Contoso.Helpers")
            .Package("net10.0", "Contoso.AI.Client", "1.0.0", "OpenAI")
            .Package("net10.0", "Contoso.Helpers", "1.2.0", "OpenAI")
            .Package("net10.0", "OpenAI", "2.15.0")
            .Read();

        Assert.Empty(BannedPackageFinder.Find(wrappedOnly, policy));
        Assert.Equal(["OpenAI"], BannedPackageFinder.FindWrappedOnly(wrappedOnly, policy));
        Assert.Equal("Contoso.Helpers", Assert.Single(BannedPackageFinder.Find(alsoElsewhere, policy)).TopLevel.Id);
    }

    [Fact]
    public void Neutral_and_unrelated_packages_are_not_violations()
    {
        var graph = new AssetsJson()
            .Framework("net10.0", "Microsoft.Extensions.AI.Abstractions", "Newtonsoft.Json", "OllamaSharp")
            .Package("net10.0", "Microsoft.Extensions.AI.Abstractions", "10.5.1")
            .Package("net10.0", "Newtonsoft.Json", "13.0.3")
            .Package("net10.0", "OllamaSharp", "5.1.0", "Microsoft.Extensions.AI.Abstractions")
            .Read();

        Assert.Empty(BannedPackageFinder.Find(graph, AiPolicy.Default));
    }

    [Fact]
    public void Unreachable_lock_file_entries_are_ignored()
    {
        var graph = new AssetsJson()
            .Framework("net10.0", "Newtonsoft.Json")
            .Package("net10.0", "Newtonsoft.Json", "13.0.3")
            .Package("net10.0", "OpenAI", "2.15.0")
            .Read();

        Assert.Empty(BannedPackageFinder.Find(graph, AiPolicy.Default));
    }
}
