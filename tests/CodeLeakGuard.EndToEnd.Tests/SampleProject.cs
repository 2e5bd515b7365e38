namespace CodeLeakGuard.EndToEnd.Tests;

/// <summary>A throw-away project folder: nuget.config pointing at the test feed, a project file, sources, a policy.</summary>
public sealed class SampleProject
{
    private readonly PackageFeedFixture _feed;

    public SampleProject(string directory, string name, PackageFeedFixture feed)
    {
        Directory = System.IO.Directory.CreateDirectory(directory).FullName;
        Name = name;
        _feed = feed;
        Write("nuget.config", $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="codeleakguard-e2e" value="{feed.Feed}" />
              </packageSources>
            </configuration>
            """);
        Write("Program.cs", "namespace App; public static class Program { public static int Value => 1; }");
    }

    public string Directory { get; }

    public string Name { get; }

    public string ProjectFile => Path.Combine(Directory, Name + ".csproj");

    /// <summary>The PackageReference that turns CodeLeakGuard on, as a user would write it.</summary>
    public string CodeLeakGuardReference => $"""<PackageReference Include="CodeLeakGuard" Version="{_feed.Version}" PrivateAssets="all" />""";

    public SampleProject WithProject(string itemGroup, string properties = "<TargetFramework>net10.0</TargetFramework>")
    {
        Write(Name + ".csproj", $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                {properties}
                <Nullable>enable</Nullable>
              </PropertyGroup>
              <ItemGroup>
                {itemGroup}
              </ItemGroup>
            </Project>
            """);
        return this;
    }

    public SampleProject Write(string relativePath, string text)
    {
        var path = Path.Combine(Directory, relativePath);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return this;
    }

    public DotnetCli.Result Build(params string[] extra) => DotnetCli.Build(Directory, extra);

    /// <summary>The 1-based line of the first line in <paramref name="relativePath"/> that contains <paramref name="text"/>.</summary>
    public int LineOf(string relativePath, string text) =>
        File.ReadAllLines(Path.Combine(Directory, relativePath)).Select((l, i) => (l, i)).First(x => x.l.Contains(text, StringComparison.Ordinal)).i + 1;
}
