using System.Reflection;

namespace CodeLeakGuard.EndToEnd.Tests;

/// <summary>
/// Packs the CodeLeakGuard package (with a version unique to this run, so no stale copy in the global packages folder
/// can be picked up) and a few local test packages into a temporary feed: Contoso.Helpers 1.2.0 and Contoso.AI.Client,
/// which depend on the real OpenAI 2.15.0, and Contoso.AiPolicy, an internal policy package that depends on CodeLeakGuard.
/// </summary>
public sealed class PackageFeedFixture : IDisposable
{
    public PackageFeedFixture()
    {
        RepositoryRoot = typeof(PackageFeedFixture).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value!;
        Root = Directory.CreateTempSubdirectory("clg-e2e-").FullName;
        Feed = Path.Combine(Root, "feed");
        Version = $"0.1.0-e2e.{DateTime.UtcNow:yyyyMMddHHmmss}.{Environment.ProcessId}";
        WipeFromGlobalPackages("contoso.helpers", "contoso.ai.client", "contoso.aipolicy");

        var pack = DotnetCli.Run(RepositoryRoot, "pack", Path.Combine("nuget", "CodeLeakGuard.Package.csproj"), "-c", "Release", "-o", Feed, $"-p:Version={Version}", "--disable-build-servers", "-nodeReuse:false");
        if (pack.ExitCode != 0)
        {
            throw new InvalidOperationException("Packing CodeLeakGuard failed:\n" + pack.Output);
        }

        PackLibrary("Contoso.Helpers", "1.2.0", """<PackageReference Include="OpenAI" Version="2.15.0" />""");
        PackLibrary("Contoso.AI.Client", "1.0.0", """<PackageReference Include="OpenAI" Version="2.15.0" />""");
        PackPolicyPackage();
    }

    public string RepositoryRoot { get; }

    public string Root { get; }

    public string Feed { get; }

    /// <summary>The CodeLeakGuard version packed for this run.</summary>
    public string Version { get; }

    public SampleProject NewProject(string name = "App") => new(Path.Combine(Root, "projects", $"{name}-{Guid.NewGuid():N}"[..(name.Length + 9)]), name, this);

    public void Dispose()
    {
        WipeFromGlobalPackages("codeleakguard/" + Version, "contoso.aipolicy");
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A build server may still hold a file; the temp folder is cleaned by the OS.
        }
    }

    private void PackLibrary(string id, string version, string references)
    {
        var directory = Directory.CreateDirectory(Path.Combine(Root, "packages-src", id)).FullName;
        File.WriteAllText(Path.Combine(directory, id + ".csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>netstandard2.0</TargetFramework>
                <PackageId>{id}</PackageId>
                <Version>{version}</Version>
                <Authors>Contoso</Authors>
                <Description>Test package for CodeLeakGuard end-to-end tests.</Description>
              </PropertyGroup>
              <ItemGroup>{references}</ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(directory, "Helper.cs"), $"namespace {id} {{ public static class Helper {{ public static int Answer() => 42; }} }}");
        PackOrThrow(directory);
    }

    private void PackPolicyPackage()
    {
        const string id = "Contoso.AiPolicy";
        var directory = Directory.CreateDirectory(Path.Combine(Root, "packages-src", id)).FullName;
        Directory.CreateDirectory(Path.Combine(directory, "buildTransitive"));
        File.WriteAllText(Path.Combine(directory, "contoso.clgpolicy"), """
            # Contoso company policy, shipped in an internal package
            set instead="Contoso.AI.Gateway"
            ban package Newtonsoft.Json reason="Contoso mandates System.Text.Json"
            """);
        File.WriteAllText(Path.Combine(directory, "buildTransitive", id + ".props"), """
            <Project>
              <ItemGroup>
                <CodeLeakGuardPolicy Include="$(MSBuildThisFileDirectory)../policy/contoso.clgpolicy" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(directory, id + ".csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>netstandard2.0</TargetFramework>
                <PackageId>{id}</PackageId>
                <Version>{Version}</Version>
                <Authors>Contoso</Authors>
                <Description>Contoso's AI policy for CodeLeakGuard.</Description>
                <IncludeBuildOutput>false</IncludeBuildOutput>
                <DevelopmentDependency>true</DevelopmentDependency>
                <NoWarn>$(NoWarn);NU5128</NoWarn>
                <RestoreAdditionalProjectSources>{Feed}</RestoreAdditionalProjectSources>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="CodeLeakGuard" Version="{Version}" PrivateAssets="none" />
                <None Include="contoso.clgpolicy" Pack="true" PackagePath="policy" />
                <None Include="buildTransitive/{id}.props" Pack="true" PackagePath="buildTransitive;build" />
              </ItemGroup>
            </Project>
            """);
        PackOrThrow(directory);
    }

    private void PackOrThrow(string directory)
    {
        var result = DotnetCli.Run(directory, "pack", "-c", "Release", "-o", Feed, "--disable-build-servers", "-nodeReuse:false");
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"Packing {directory} failed:\n{result.Output}");
        }
    }

    private static void WipeFromGlobalPackages(params string[] relativePaths)
    {
        var globalPackages = Environment.GetEnvironmentVariable("NUGET_PACKAGES") ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        foreach (var relative in relativePaths)
        {
            var path = Path.Combine(globalPackages, relative);
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }
        }
    }
}

[CollectionDefinition(Name)]
public sealed class PackageFeedCollection : ICollectionFixture<PackageFeedFixture>
{
    public const string Name = "real dotnet builds against the packed package";
}
