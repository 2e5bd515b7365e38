using System.Diagnostics;
using System.Reflection;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;

namespace CodeLeakGuard.Build.Benchmarks;

/// <summary>
/// A no-op incremental `dotnet build --no-restore` of the same small project, with and without the CodeLeakGuard
/// package, as whole processes (what a developer waits for). The package is packed into a local feed once.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 2, iterationCount: 10)]
public class NoOpBuildBenchmarks
{
    private string _root = string.Empty;
    private string _with = string.Empty;
    private string _without = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        var repository = typeof(NoOpBuildBenchmarks).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value!;
        _root = Directory.CreateTempSubdirectory("clg-build-bench-").FullName;
        var feed = Path.Combine(_root, "feed");
        var version = $"0.1.0-bench.{DateTime.UtcNow:yyyyMMddHHmmss}";
        Run(repository, "pack", Path.Combine(repository, "nuget", "CodeLeakGuard.Package.csproj"), "-c", "Release", "-o", feed, $"-p:Version={version}");
        _with = CreateProject("WithCodeLeakGuard", feed, $"<PackageReference Include=\"CodeLeakGuard\" Version=\"{version}\" PrivateAssets=\"all\" />");
        _without = CreateProject("WithoutCodeLeakGuard", feed, string.Empty);
        foreach (var project in new[] { _with, _without })
        {
            Run(project, "build", "-nodeReuse:false"); // restore and first build: later builds are no-ops
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    [Benchmark(Baseline = true, Description = "no-op build without CodeLeakGuard")]
    public void Without() => Run(_without, "build", "--no-restore", "-nodeReuse:false");

    [Benchmark(Description = "no-op build with CodeLeakGuard")]
    public void With() => Run(_with, "build", "--no-restore", "-nodeReuse:false");

    private static string CreateProject(string name, string feed, string reference)
    {
        var directory = Directory.CreateTempSubdirectory("clg-" + name + "-").FullName;
        File.WriteAllText(Path.Combine(directory, "nuget.config"), $"<configuration><packageSources><add key=\"bench\" value=\"{feed}\" /></packageSources></configuration>");
        File.WriteAllText(Path.Combine(directory, name + ".csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><TargetFramework>net10.0</TargetFramework><Nullable>enable</Nullable></PropertyGroup>
              <ItemGroup>
                {reference}
                <PackageReference Include="Newtonsoft.Json" Version="13.0.3" />
                <PackageReference Include="Microsoft.Extensions.AI.Abstractions" Version="10.5.1" />
              </ItemGroup>
            </Project>
            """);
        for (var i = 0; i < 20; i++)
        {
            File.WriteAllText(Path.Combine(directory, $"Service{i}.cs"), $"namespace App; public sealed class Service{i} {{ public string Name => \"service{i}\"; public int Compute(int x) => x * {i + 1}; }}");
        }

        return directory;
    }

    private static void Run(string directory, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet {string.Join(' ', arguments)} failed in {directory}:\n{output.Result}\n{error.Result}");
        }
    }
}
