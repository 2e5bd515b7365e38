using System.Text.Json;

namespace CodeLeakGuard.Cli.Tests;

/// <summary>
/// CLG1010 from <c>scan</c>: banned packages from the restore graph (with the dependency path, at the line of the
/// top-level reference, as the build task reports them) and, before any restore, from the declarations.
/// </summary>
public class PackageScanTests
{
    private const string TransitivePath = "Dependency path: 'App' -> 'Contoso.Helpers' 1.2.0 -> 'OpenAI' 2.15.0 [net10.0] [built-in catalog (OpenAI)]";

    [Fact]
    public void Restored_transitive_package_is_reported_in_the_table_at_the_reference_that_brings_it_in()
    {
        using var dir = new TempDirectory();
        PackageProjects.WriteRestoredApp(dir);
        var line = PackageProjects.LineOf(PackageProjects.AppProject, "Contoso.Helpers");

        var result = CliRunner.Run("scan", Path.Combine(dir.Path, "repo"));

        Assert.True(result.ExitCode == 1, result.ToString());
        var table = PackageProjects.Flatten(result.Stdout);
        Assert.Contains($"error CLG1010 App/App.csproj:{line}:5 Package 'OpenAI' 2.15.0 is banned (package 'OpenAI' 2.15.0): ", table);
        Assert.Contains(TransitivePath, table);
        Assert.DoesNotContain("declared; no restore has run", table);
        Assert.DoesNotContain("Newtonsoft", table);
        Assert.DoesNotContain("System.ClientModel", table);
        Assert.Contains("1 error, 0 warnings, 0 notes in 1 file (1 compilation), packages of 1 project,", result.Stdout);
    }

    [Fact]
    public void Restored_transitive_package_is_a_sarif_result_with_the_reference_line_and_the_CLG1010_rule()
    {
        using var dir = new TempDirectory();
        PackageProjects.WriteRestoredApp(dir);
        var line = PackageProjects.LineOf(PackageProjects.AppProject, "Contoso.Helpers");

        var result = CliRunner.Run("scan", Path.Combine(dir.Path, "repo"), "--format", "sarif");

        Assert.True(result.ExitCode == 1, result.ToString());
        using var log = JsonDocument.Parse(result.Stdout);
        var finding = Assert.Single(Sarif.Results(log));
        Assert.Equal("CLG1010", finding.GetProperty("ruleId").GetString());
        Assert.Equal("error", finding.GetProperty("level").GetString());
        var message = finding.GetProperty("message").GetProperty("text").GetString()!;
        Assert.StartsWith("Package 'OpenAI' 2.15.0 is banned (package 'OpenAI' 2.15.0): ", message);
        Assert.EndsWith(TransitivePath, message);
        Assert.Equal("App/App.csproj", Sarif.Uri(finding));
        var region = Sarif.Region(finding);
        Assert.Equal(line, region.GetProperty("startLine").GetInt32());
        Assert.Equal(5, region.GetProperty("startColumn").GetInt32());
        Assert.Equal(5 + "<PackageReference".Length, region.GetProperty("endColumn").GetInt32());

        var rule = Sarif.Rules(log)[finding.GetProperty("ruleIndex").GetInt32()];
        Assert.Equal("CLG1010", rule.GetProperty("id").GetString());
        Assert.Equal("https://github.com/codeleakguard/codeleakguard/blob/main/docs/rules/CLG1010.md", rule.GetProperty("helpUri").GetString());
        Assert.Equal("error", rule.GetProperty("defaultConfiguration").GetProperty("level").GetString());
        Assert.Contains(Sarif.Rules(log), r => r.GetProperty("id").GetString() == "CLG9004"
            && r.GetProperty("helpUri").GetString() == "https://github.com/codeleakguard/codeleakguard/blob/main/docs/rules/CLG9004.md");
    }

    [Fact]
    public void Unrestored_direct_reference_is_judged_from_the_project_file()
    {
        using var dir = new TempDirectory();
        const string project = """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Anthropic" Version="13.12.0" />
              </ItemGroup>
            </Project>
            """;
        dir.Write("Chat/Chat.csproj", project);
        dir.Write("Chat/Program.cs", PackageProjects.CleanSource);

        var result = CliRunner.Run("scan", dir.Path, "--format", "sarif");

        Assert.True(result.ExitCode == 1, result.ToString());
        using var log = JsonDocument.Parse(result.Stdout);
        var finding = Assert.Single(Sarif.Results(log));
        Assert.Equal("CLG1010", finding.GetProperty("ruleId").GetString());
        Assert.Equal("Chat/Chat.csproj", Sarif.Uri(finding));
        Assert.Equal(PackageProjects.LineOf(project, "Anthropic"), Sarif.Region(finding).GetProperty("startLine").GetInt32());
        var message = finding.GetProperty("message").GetProperty("text").GetString()!;
        Assert.StartsWith("Package 'Anthropic' 13.12.0 is banned (package 'Anthropic' 13.12.0): ", message);
        Assert.Contains("Dependency path: 'Chat' -> 'Anthropic' 13.12.0 [net10.0] [built-in catalog (Anthropic)]", message);
        Assert.EndsWith("(declared; no restore has run, transitive packages not checked)", message);
    }

    [Fact]
    public void Central_package_management_version_comes_from_Directory_Packages_props_and_the_finding_from_the_project_line()
    {
        using var dir = new TempDirectory();
        dir.Write("Directory.Packages.props", """
            <Project>
              <PropertyGroup>
                <ManagePackageVersionsCentrally>true</ManagePackageVersionsCentrally>
              </PropertyGroup>
              <ItemGroup>
                <PackageVersion Include="Newtonsoft.Json" Version="13.0.3" />
                <PackageVersion Include="OpenAI" Version="2.15.0" />
              </ItemGroup>
            </Project>
            """);
        const string project = """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFrameworks>net10.0;net8.0</TargetFrameworks>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Newtonsoft.Json" />
                <PackageReference Include="OpenAI" />
              </ItemGroup>
            </Project>
            """;
        dir.Write("src/Shop/Shop.csproj", project);
        dir.Write("src/Other/Other.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\"><ItemGroup><PackageReference Include=\"Newtonsoft.Json\" /></ItemGroup></Project>");

        var result = CliRunner.Run("scan", dir.Path);

        Assert.True(result.ExitCode == 1, result.ToString());
        var table = PackageProjects.Flatten(result.Stdout);
        var line = PackageProjects.LineOf(project, "\"OpenAI\"");
        Assert.Contains($"error CLG1010 src/Shop/Shop.csproj:{line}:5 Package 'OpenAI' 2.15.0 is banned (package 'OpenAI' 2.15.0): ", table);
        Assert.Contains("Dependency path: 'Shop' -> 'OpenAI' 2.15.0 [net10.0, net8.0] [built-in catalog (OpenAI)] (declared; no restore has run, transitive packages not checked)", table);
        Assert.DoesNotContain("Directory.Packages.props", table); // a PackageVersion alone references nothing
        Assert.DoesNotContain("Other", table);
        Assert.Contains("1 error, 0 warnings, 0 notes in 0 files (0 compilations), packages of 2 projects,", result.Stdout);
    }

    [Fact]
    public void Unrestored_GlobalPackageReference_is_reported_in_the_props_file_and_a_property_version_is_unknown()
    {
        using var dir = new TempDirectory();
        const string props = """
            <Project>
              <ItemGroup>
                <GlobalPackageReference Include="Microsoft.SemanticKernel.Connectors.OpenAI" Version="$(SemanticKernelVersion)" />
              </ItemGroup>
            </Project>
            """;
        dir.Write("Directory.Packages.props", props);
        dir.Write("Tool/Tool.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\" />");

        var result = CliRunner.Run("scan", dir.Path, "--format", "sarif");

        Assert.True(result.ExitCode == 1, result.ToString());
        using var log = JsonDocument.Parse(result.Stdout);
        var finding = Assert.Single(Sarif.Results(log));
        Assert.Equal("Directory.Packages.props", Sarif.Uri(finding));
        Assert.Equal(PackageProjects.LineOf(props, "GlobalPackageReference"), Sarif.Region(finding).GetProperty("startLine").GetInt32());
        var message = finding.GetProperty("message").GetProperty("text").GetString()!;
        Assert.StartsWith("Package 'Microsoft.SemanticKernel.Connectors.OpenAI' is banned (package 'Microsoft.SemanticKernel.Connectors.OpenAI'): ", message);
        Assert.Contains("Dependency path: 'Tool' -> 'Microsoft.SemanticKernel.Connectors.OpenAI' [", message);
        Assert.DoesNotContain("$(", message);
    }

    [Fact]
    public void Clean_packages_report_nothing()
    {
        using var dir = new TempDirectory();
        dir.Write("Api/Api.csproj", """
            <Project Sdk="Microsoft.NET.Sdk.Web">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Newtonsoft.Json" Version="13.0.3" />
                <PackageReference Include="Microsoft.Extensions.AI.Abstractions" Version="9.5.0" />
              </ItemGroup>
            </Project>
            """);
        dir.Write("Api/Program.cs", PackageProjects.CleanSource);

        var result = CliRunner.Run("scan", dir.Path);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.DoesNotContain("CLG", result.Stdout);
        Assert.Contains("No findings in 1 file", result.Stdout);
    }

    [Fact]
    public void Policy_that_allows_the_package_silences_it_in_the_graph_and_in_the_declarations()
    {
        using var dir = new TempDirectory();
        PackageProjects.WriteRestoredApp(dir);
        dir.Write("repo/Direct/Direct.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\"><ItemGroup><PackageReference Include=\"OpenAI\" Version=\"2.15.0\" /></ItemGroup></Project>");
        var repo = Path.Combine(dir.Path, "repo");
        var before = CliRunner.Run("scan", repo);
        dir.Write("repo/codeleakguard.policy", "allow package OpenAI\n");

        var after = CliRunner.Run("scan", repo);

        Assert.True(before.ExitCode == 1, before.ToString());
        Assert.Contains("App/App.csproj", before.Stdout);
        Assert.Contains("Direct/Direct.csproj", before.Stdout);
        Assert.True(after.ExitCode == 0, after.ToString());
        Assert.DoesNotContain("CLG1010", after.Stdout);
        Assert.Contains("policy: codeleakguard.policy", after.Stdout);
    }

    [Fact]
    public void Policy_ban_names_its_line_as_the_origin()
    {
        using var dir = new TempDirectory();
        PackageProjects.WriteRestoredApp(dir);
        dir.Write("repo/team.clgpolicy", "# team policy\nban package Contoso.Helpers reason=\"unvetted data processor\" severity=warning\n");

        var result = CliRunner.Run("scan", Path.Combine(dir.Path, "repo"));

        Assert.True(result.ExitCode == 1, result.ToString()); // OpenAI is still banned by the catalog
        var table = PackageProjects.Flatten(result.Stdout);
        Assert.Contains("warning CLG1010 App/App.csproj:", table);
        Assert.Contains("Package 'Contoso.Helpers' 1.2.0 is banned (package 'Contoso.Helpers' 1.2.0): unvetted data processor.", table);
        Assert.Contains("Dependency path: 'App' -> 'Contoso.Helpers' 1.2.0 [net10.0] [team.clgpolicy:2]", table);
        Assert.Contains(TransitivePath, table);
    }

    [Fact]
    public void Corrupt_restore_graph_is_CLG9004_at_the_assets_file_and_the_declarations_are_still_judged()
    {
        using var dir = new TempDirectory();
        dir.Write("Bot/Bot.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <ItemGroup>
                <PackageReference Include="Anthropic" Version="13.12.0" />
              </ItemGroup>
            </Project>
            """);
        dir.Write("Bot/obj/project.assets.json", "{ \"version\": 3, \"targets\": { \"net10.0\": { \"Anthropic/13.12.0\": ");
        dir.Write("Clean/Clean.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\" />");
        dir.Write("Clean/obj/project.assets.json", "[]");

        var result = CliRunner.Run("scan", dir.Path, "--format", "sarif");

        Assert.True(result.ExitCode == 1, result.ToString());
        using var log = JsonDocument.Parse(result.Stdout);
        var results = Sarif.Results(log);
        var unreadable = results.Where(r => r.GetProperty("ruleId").GetString() == "CLG9004").ToList();
        Assert.Equal(["Bot/obj/project.assets.json", "Clean/obj/project.assets.json"], unreadable.Select(r => Sarif.Uri(r)!).Order().ToArray());
        Assert.All(unreadable, r => Assert.Equal("error", r.GetProperty("level").GetString()));
        var bot = unreadable.Single(r => Sarif.Uri(r)!.StartsWith("Bot/", StringComparison.Ordinal));
        Assert.StartsWith("CodeLeakGuard cannot check the packages of this project: the restore graph ", bot.GetProperty("message").GetProperty("text").GetString());
        Assert.Contains("is not valid JSON", bot.GetProperty("message").GetProperty("text").GetString());
        var rule = Sarif.Rules(log)[bot.GetProperty("ruleIndex").GetInt32()];
        Assert.Equal("CLG9004", rule.GetProperty("id").GetString());

        var declared = Assert.Single(results, r => r.GetProperty("ruleId").GetString() == "CLG1010");
        Assert.Equal("Bot/Bot.csproj", Sarif.Uri(declared));
        Assert.EndsWith("(declared; the restore graph cannot be read, transitive packages not checked)", declared.GetProperty("message").GetProperty("text").GetString());
    }

    [Fact]
    public void Corrupt_restore_graph_alone_fails_the_table_scan()
    {
        using var dir = new TempDirectory();
        dir.Write("App/App.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\" />");
        dir.Write("App/obj/project.assets.json", "not json at all");

        var result = CliRunner.Run("scan", dir.Path);

        Assert.True(result.ExitCode == 1, result.ToString());
        var table = PackageProjects.Flatten(result.Stdout);
        Assert.Contains("error CLG9004 App/obj/project.assets.json CodeLeakGuard cannot check the packages of this project", table);
    }

    [Fact]
    public void Frameworks_follow_the_project_order_and_a_project_reference_is_located_at_its_line()
    {
        using var dir = new TempDirectory();
        const string project = """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFrameworks>net10.0;net8.0</TargetFrameworks>
              </PropertyGroup>
              <ItemGroup>
                <ProjectReference Include="..\AiClient\AiClient.csproj" />
              </ItemGroup>
            </Project>
            """;
        var projectPath = dir.Write("App/App.csproj", project);
        dir.Write("AiClient/AiClient.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\"><ItemGroup><PackageReference Include=\"OpenAI\" Version=\"2.15.0\" /></ItemGroup></Project>");
        dir.Write("App/obj/project.assets.json", MultiTargetAssets(projectPath, Path.Combine(dir.Path, "AiClient", "AiClient.csproj")));

        var result = CliRunner.Run("scan", dir.Path, "--format", "sarif");

        Assert.True(result.ExitCode == 1, result.ToString());
        using var log = JsonDocument.Parse(result.Stdout);
        var app = Assert.Single(Sarif.Results(log), r => Sarif.Uri(r) == "App/App.csproj");
        Assert.Equal(PackageProjects.LineOf(project, "ProjectReference"), Sarif.Region(app).GetProperty("startLine").GetInt32());
        Assert.EndsWith("Dependency path: 'App' -> 'AiClient' -> 'OpenAI' 2.15.0 [net10.0, net8.0] [built-in catalog (OpenAI)]", app.GetProperty("message").GetProperty("text").GetString());
        var client = Assert.Single(Sarif.Results(log), r => Sarif.Uri(r) == "AiClient/AiClient.csproj");
        Assert.Contains("(declared; no restore has run", client.GetProperty("message").GetProperty("text").GetString());
    }

    /// <summary>A graph sorted as NuGet sorts it (net8.0 first) for a project that lists net10.0 first.</summary>
    private static string MultiTargetAssets(string projectPath, string referencedProject)
    {
        var project = JsonSerializer.Serialize(projectPath);
        var reference = JsonSerializer.Serialize(referencedProject);
        string Target() => """
            {
              "AiClient/1.0.0": { "type": "project", "framework": ".NETCoreApp,Version=v8.0", "dependencies": { "OpenAI": "2.15.0" } },
              "OpenAI/2.15.0": { "type": "package", "compile": { "lib/net8.0/OpenAI.dll": {} } }
            }
            """;
        return $$"""
            {
              "version": 3,
              "targets": { "net8.0": {{Target()}}, "net10.0": {{Target()}} },
              "libraries": {
                "AiClient/1.0.0": { "type": "project", "path": "../AiClient/AiClient.csproj", "msbuildProject": "../AiClient/AiClient.csproj" },
                "OpenAI/2.15.0": { "sha512": "b3BlbmFp", "type": "package", "path": "openai/2.15.0", "files": [ "lib/net8.0/OpenAI.dll" ] }
              },
              "project": {
                "version": "1.0.0",
                "restore": {
                  "projectName": "App",
                  "projectPath": {{project}},
                  "frameworks": {
                    "net8.0": { "targetAlias": "net8.0", "projectReferences": { {{reference}}: { "projectPath": {{reference}} } } },
                    "net10.0": { "targetAlias": "net10.0", "projectReferences": { {{reference}}: { "projectPath": {{reference}} } } }
                  }
                },
                "frameworks": {
                  "net8.0": { "targetAlias": "net8.0", "dependencies": {} },
                  "net10.0": { "targetAlias": "net10.0", "dependencies": {} }
                }
              }
            }
            """;
    }
}
