namespace CodeLeakGuard.EndToEnd.Tests;

/// <summary>Real `dotnet build` of sample projects that reference the packed CodeLeakGuard package.</summary>
[Collection(PackageFeedCollection.Name)]
public class PackageCheckTests(PackageFeedFixture feed)
{
    [Theory]
    [InlineData("Anthropic", "13.12.0", "Anthropic is a hosted AI service")]
    [InlineData("OpenAI", "2.15.0", "OpenAI is a hosted AI service")]
    public void A_direct_banned_sdk_fails_the_build_at_its_reference(string id, string version, string reason)
    {
        var project = feed.NewProject().WithProject($"""
            {feed.NewProject().CodeLeakGuardReference}
            <PackageReference Include="{id}" Version="{version}" />
            """);

        var result = project.Build();

        Assert.NotEqual(0, result.ExitCode);
        var error = Assert.Single(result.Diagnostics("error CLG1010"));
        Assert.Contains($"{project.Name}.csproj({project.LineOf(project.Name + ".csproj", $"Include=\"{id}\"")},", error);
        Assert.Contains($"Package '{id}' {version}", error);
        Assert.Contains(reason, error);
        Assert.Contains($"Dependency path: '{project.Name}' -> '{id}' {version}", error);
        Assert.Contains("Use the company's approved internal AI service instead", error);
    }

    [Fact]
    public void A_transitive_banned_sdk_fails_with_the_dependency_path_at_the_top_level_reference()
    {
        var project = feed.NewProject().WithProject($"""
            {feed.NewProject().CodeLeakGuardReference}
            <PackageReference Include="Contoso.Helpers" Version="1.2.0" />
            """);

        var result = project.Build();

        Assert.NotEqual(0, result.ExitCode);
        var error = Assert.Single(result.Diagnostics("error CLG1010"));
        Assert.Contains($"'{project.Name}' -> 'Contoso.Helpers' 1.2.0 -> 'OpenAI' 2.15.0", error);
        Assert.Contains($"{project.Name}.csproj({project.LineOf(project.Name + ".csproj", "Contoso.Helpers")},", error);
    }

    [Fact]
    public void Central_package_management_points_at_the_package_reference()
    {
        var project = feed.NewProject()
            .Write("Directory.Packages.props", $"""
                <Project>
                  <PropertyGroup><ManagePackageVersionsCentrally>true</ManagePackageVersionsCentrally></PropertyGroup>
                  <ItemGroup>
                    <PackageVersion Include="CodeLeakGuard" Version="{feed.Version}" />
                    <PackageVersion Include="OpenAI" Version="2.15.0" />
                  </ItemGroup>
                </Project>
                """);
        project.WithProject("""
            <PackageReference Include="CodeLeakGuard" PrivateAssets="all" />
            <PackageReference Include="OpenAI" />
            """);

        var result = project.Build();

        var error = Assert.Single(result.Diagnostics("error CLG1010"));
        Assert.Contains($"{project.Name}.csproj({project.LineOf(project.Name + ".csproj", "Include=\"OpenAI\"")},", error);
        Assert.Contains("'OpenAI' 2.15.0", error);
    }

    [Fact]
    public void A_global_package_reference_points_at_directory_packages_props()
    {
        var project = feed.NewProject()
            .Write("Directory.Packages.props", $"""
                <Project>
                  <PropertyGroup><ManagePackageVersionsCentrally>true</ManagePackageVersionsCentrally></PropertyGroup>
                  <ItemGroup>
                    <GlobalPackageReference Include="CodeLeakGuard" Version="{feed.Version}" />
                    <GlobalPackageReference Include="Anthropic" Version="13.12.0" />
                  </ItemGroup>
                </Project>
                """);
        project.WithProject(string.Empty);

        var result = project.Build();

        var error = Assert.Single(result.Diagnostics("error CLG1010"));
        Assert.Contains($"Directory.Packages.props({project.LineOf("Directory.Packages.props", "Include=\"Anthropic\"")},", error);
    }

    [Fact]
    public void A_multi_targeted_project_gets_one_error_listing_every_framework()
    {
        var project = feed.NewProject().WithProject($"""
                {feed.NewProject().CodeLeakGuardReference}
                <PackageReference Include="OpenAI" Version="2.15.0" />
                """,
            "<TargetFrameworks>net8.0;net10.0</TargetFrameworks>");

        var result = project.Build();

        Assert.NotEqual(0, result.ExitCode);
        var error = Assert.Single(result.Diagnostics("error CLG1010"));
        Assert.Contains("[net8.0, net10.0]", error);
    }

    [Fact]
    public void A_clean_project_with_neutral_ai_abstractions_builds_without_any_finding()
    {
        var project = feed.NewProject().WithProject($"""
            {feed.NewProject().CodeLeakGuardReference}
            <PackageReference Include="Newtonsoft.Json" Version="13.0.3" />
            <PackageReference Include="Microsoft.Extensions.AI.Abstractions" Version="10.5.1" />
            """);
        project.Write("Chat.cs", """
            using Microsoft.Extensions.AI;
            namespace App;
            // Talks to the approved gateway; no OpenAI or Claude SDK here.
            public sealed class Chat(IChatClient client)
            {
                public IChatClient Client { get; } = client;
                public string Json => Newtonsoft.Json.JsonConvert.SerializeObject(new { model = "claude" });
            }
            """);

        var result = project.Build();

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.DoesNotContain("CLG", result.Output.Replace("CodeLeakGuard package check", string.Empty));
    }

    [Fact]
    public void Analyzers_run_in_the_build_and_fail_it_on_banned_code()
    {
        var project = feed.NewProject().WithProject(feed.NewProject().CodeLeakGuardReference);
        project.Write("Client.cs", """
            namespace App;
            public static class Client
            {
                public const string Url = "https://api.anthropic.com/v1/messages";
                public static string? Key => System.Environment.GetEnvironmentVariable("ANTHROPIC_API_KEY");
            }
            """);

        var result = project.Build();

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains(result.Diagnostics("error CLG1003"), l => l.Contains("Client.cs(4,"));
        Assert.Contains(result.Diagnostics("warning CLG1005"), l => l.Contains("Client.cs(5,"));
    }
}
