using CodeLeakGuard.Analyzers.BannedSdk;
using CodeLeakGuard.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace CodeLeakGuard.Analyzers.Tests;

/// <summary>
/// CLG1001's name pre-filter reads the banned SDKs' names from metadata tables; the symbol walk it replaced (still used
/// for references without metadata) is the reference. A name the metadata read missed would let a banned use go unbound.
/// </summary>
public sealed class AssemblyNamesTests
{
    [Theory]
    [InlineData("OpenAI")]
    [InlineData("Anthropic")]
    public void Metadata_names_cover_every_name_the_symbols_expose(string assemblyName)
    {
        var compilation = CSharpCompilation.Create("Probe", references: TestReferences.WithAiSdks);
        var assembly = compilation.References
            .Select(compilation.GetAssemblyOrModuleSymbol)
            .OfType<IAssemblySymbol>()
            .Single(a => a.Name == assemblyName);

        var fromMetadata = AssemblyNames.TryRead(compilation, assembly);
        var fromSymbols = AssemblyNames.FromSymbols(assembly);

        Assert.NotNull(fromMetadata);
        Assert.Empty(fromSymbols.Names.Except(fromMetadata!.Names).Where(n => !IsAccessorOrOperator(n)).Order());
        Assert.Equal(fromSymbols.PublicNamespaces.Order(), fromMetadata.PublicNamespaces.Order());
        Assert.True(fromMetadata.Names.Count > 1000, $"only {fromMetadata.Names.Count} names read");
    }

    [Fact]
    public void Real_sdk_names_are_in_the_metadata_read()
    {
        var compilation = CSharpCompilation.Create("Probe", references: TestReferences.WithAiSdks);
        var openAi = compilation.References.Select(compilation.GetAssemblyOrModuleSymbol).OfType<IAssemblySymbol>().Single(a => a.Name == "OpenAI");

        var names = AssemblyNames.For(compilation, openAi);

        Assert.Superset(new HashSet<string> { "OpenAI", "Chat", "ChatClient", "CompleteChat", "CompleteChatAsync", "ChatMessage", "Content" }, names.Names);
        Assert.Contains("OpenAI.Chat", names.PublicNamespaces);
        Assert.DoesNotContain("get_Content", names.Names); // accessors cannot be written as names
        Assert.DoesNotContain("ChatClient`1", names.Names);
    }

    [Fact]
    public void A_reference_without_metadata_is_read_from_its_symbols()
    {
        var sdk = CSharpCompilation.Create(
            "FakeSdk",
            new[] { CSharpSyntaxTree.ParseText("namespace Fake.Ai { public class ModelClient { public void Ask() { } } [System.AttributeUsage(System.AttributeTargets.All)] public class AuditedAttribute : System.Attribute { } }") },
            TestReferences.Runtime,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var compilation = CSharpCompilation.Create("App", references: TestReferences.Runtime.Append(sdk.ToMetadataReference()));
        var assembly = compilation.References.Select(compilation.GetAssemblyOrModuleSymbol).OfType<IAssemblySymbol>().Single(a => a.Name == "FakeSdk");

        var names = AssemblyNames.For(compilation, assembly);

        Assert.Null(AssemblyNames.TryRead(compilation, assembly));
        Assert.Superset(new HashSet<string> { "Fake", "Ai", "ModelClient", "Ask", "AuditedAttribute", "Audited" }, names.Names);
        Assert.Equal(new[] { "Fake.Ai" }, names.PublicNamespaces);
    }

    [Fact]
    public void Metadata_the_host_has_disposed_is_not_read()
    {
        var metadata = AssemblyMetadata.CreateFromFile(Path.Combine(AppContext.BaseDirectory, "OpenAI.dll"));
        var compilation = CSharpCompilation.Create("App", references: TestReferences.Runtime.Append(metadata.GetReference()));
        var assembly = compilation.References.Select(compilation.GetAssemblyOrModuleSymbol).OfType<IAssemblySymbol>().Single(a => a.Name == "OpenAI");

        metadata.Dispose();

        Assert.Null(AssemblyNames.TryRead(compilation, assembly));
    }

    private static bool IsAccessorOrOperator(string name) =>
        name.StartsWith("get_", StringComparison.Ordinal) || name.StartsWith("set_", StringComparison.Ordinal)
        || name.StartsWith("add_", StringComparison.Ordinal) || name.StartsWith("remove_", StringComparison.Ordinal)
        || name.StartsWith("op_", StringComparison.Ordinal);
}
