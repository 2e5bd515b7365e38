using System.Reflection;
using Microsoft.CodeAnalysis;

namespace CodeLeakGuard.Analyzers.Tests.Verifiers;

/// <summary>
/// Metadata references for test compilations: the running .NET runtime's assemblies, plus the real Anthropic and
/// OpenAI SDK assemblies (and what they depend on) restored from NuGet for this test project.
/// </summary>
internal static class TestReferences
{
    private static readonly string[] AiSdkAssemblies =
    {
        "Anthropic", "OpenAI", "System.ClientModel", "Microsoft.Extensions.AI.Abstractions", "System.Net.ServerSentEvents",
    };

    public static IReadOnlyList<MetadataReference> Runtime { get; } = LoadRuntime();

    // Dependencies the runtime already ships (System.Net.ServerSentEvents on .NET 10) come from the runtime.
    public static IReadOnlyList<MetadataReference> WithAiSdks { get; } = Runtime
        .Concat(AiSdkAssemblies.Where(name => File.Exists(Path.Combine(AppContext.BaseDirectory, name + ".dll"))).Select(FromTestOutput))
        .ToArray();

    public static MetadataReference FromTestOutput(string assemblyName) =>
        MetadataReference.CreateFromFile(Path.Combine(AppContext.BaseDirectory, assemblyName + ".dll"));

    private static MetadataReference[] LoadRuntime()
    {
        var trusted = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        var runtimeDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        return trusted
            .Where(path => Path.GetDirectoryName(path) == runtimeDirectory)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToArray();
    }
}
