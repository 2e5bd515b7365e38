namespace CodeLeakGuard.Packages.Tests;

public class AssetsFileReaderTests
{
    [Fact]
    public void Runtime_graphs_are_read_and_keep_their_framework()
    {
        var json = new AssetsJson().Framework("net8.0", "OpenAI").Package("net8.0", "OpenAI", "2.15.0").ToJson()
            .Replace("\"targets\":{\"net8.0\":{", "\"targets\":{\"net8.0/linux-x64\":{\"OpenAI/2.15.0\":{\"type\":\"package\"}},\"net8.0\":{");
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json));

        var graph = AssetsFileReader.Read(stream, "assets.json");

        Assert.Equal(["net8.0/linux-x64", "net8.0"], graph.Frameworks.Select(f => f.Name));
        Assert.All(graph.Frameworks, f => Assert.Contains("OpenAI", f.DirectDependencies));
    }

    [Fact]
    public void Version_4_files_with_full_framework_names_map_to_aliases()
    {
        var json = """
            {"version":3,"targets":{".NETCoreApp,Version=v8.0":{"OpenAI/2.15.0":{"type":"package"}}},
             "project":{"restore":{"projectName":"App"},"frameworks":{"net8.0":{"targetAlias":"net8.0","framework":".NETCoreApp,Version=v8.0","dependencies":{"OpenAI":{"target":"Package"}}}}}}
            """;
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json));

        var framework = Assert.Single(AssetsFileReader.Read(stream, "assets.json").Frameworks);

        Assert.Equal("net8.0", framework.Name);
        Assert.Equal(["OpenAI"], framework.DirectDependencies);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("[]")]
    [InlineData("{\"version\":3}")]
    [InlineData("{\"targets\":42}")]
    public void Damaged_files_raise_a_clear_error(string json)
    {
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json));

        var error = Assert.Throws<AssetsFileException>(() => AssetsFileReader.Read(stream, "obj/project.assets.json"));

        Assert.Contains("obj/project.assets.json", error.Message);
    }

    [Fact]
    public void A_missing_file_raises_a_clear_error()
    {
        var error = Assert.Throws<AssetsFileException>(() => AssetsFileReader.ReadFile(Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".json")));
        Assert.Contains("cannot read the restore graph", error.Message);
    }

    [Fact]
    public void Package_declarations_are_found_with_their_lines()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory().FullName, "App.csproj");
        File.WriteAllText(file, """
            <Project Sdk="Microsoft.NET.Sdk">
              <ItemGroup>
                <PackageReference Include="Newtonsoft.Json" Version="13.0.3" />
                <PackageReference Include="OpenAI">
                  <Version>2.15.0</Version>
                </PackageReference>
                <ProjectReference Include="..\Lib\Lib.csproj" />
              </ItemGroup>
            </Project>
            """);

        var declarations = PackageDeclarations.Read(file);

        var openAi = PackageDeclarations.Find(declarations, "openai", "PackageReference")!;
        Assert.Equal((4, 5, "2.15.0"), (openAi.Line, openAi.Column, openAi.Version));
        Assert.Equal(7, PackageDeclarations.Find(declarations, "Lib", "ProjectReference")!.Line);
        Assert.Null(PackageDeclarations.Find(declarations, "Anthropic", "PackageReference"));
    }
}
