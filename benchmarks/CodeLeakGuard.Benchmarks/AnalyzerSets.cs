using System.Collections.Immutable;
using System.Reflection;
using CodeLeakGuard.Analyzers.Infrastructure;
using CodeLeakGuard.Catalog;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace CodeLeakGuard.Benchmarks;

/// <summary>The two analyzer sets under comparison, and the additional files they read.</summary>
internal static class AnalyzerSets
{
    public const string BannedSymbolsPath = "/src/BannedSymbols.txt";

    /// <summary>Every concrete <see cref="DiagnosticAnalyzer"/> of the CodeLeakGuard.Analyzers assembly (built-in catalog, no policy file).</summary>
    public static ImmutableArray<DiagnosticAnalyzer> CodeLeakGuard() =>
        typeof(PolicyAnalyzerBase).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToImmutableArray();

    /// <summary>The C# analyzers of Microsoft.CodeAnalysis.BannedApiAnalyzers, loaded from the package's analyzers/dotnet/cs folder as the compiler would.</summary>
    public static ImmutableArray<DiagnosticAnalyzer> BannedApiAnalyzers()
    {
        var directory = typeof(AnalyzerSets).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .First(a => a.Key == "BannedApiAnalyzersDirectory").Value!;
        var loader = new LoadFromLoader();
        var dlls = Directory.GetFiles(directory, "*.dll").OrderBy(p => p, StringComparer.Ordinal).ToArray();
        foreach (var dll in dlls)
        {
            loader.AddDependencyLocation(dll);
        }

        var analyzers = dlls
            .SelectMany(dll => new AnalyzerFileReference(dll, loader).GetAnalyzers(LanguageNames.CSharp))
            .ToImmutableArray();
        if (analyzers.IsEmpty)
        {
            throw new InvalidOperationException($"No C# analyzers found in {directory}");
        }

        return analyzers;
    }

    /// <summary>
    /// BannedSymbols.txt equivalent to CodeLeakGuard's built-in catalog: one <c>N:</c> line per namespace root of every
    /// provider banned by default (a trailing wildcard dropped: BannedApiAnalyzers bans a namespace with its children).
    /// </summary>
    public static string BannedSymbolsText() =>
        string.Concat(BannedNamespaces().Select(ns => $"N:{ns};banned AI SDK (CodeLeakGuard built-in catalog)\n"));

    public static IReadOnlyList<string> BannedNamespaces() =>
        BuiltInCatalog.Providers
            .Where(p => p.BannedByDefault)
            .SelectMany(p => p.Namespaces)
            .Select(pattern => pattern.Text.TrimEnd('*', '.'))
            .Distinct(StringComparer.Ordinal)
            .ToArray();

    /// <summary>The same options for every run: BannedSymbols.txt is an additional file; CodeLeakGuard ignores it and uses its built-in catalog.</summary>
    public static AnalyzerOptions Options() =>
        new(ImmutableArray.Create<AdditionalText>(new InMemoryAdditionalText(BannedSymbolsPath, BannedSymbolsText())));

    private sealed class InMemoryAdditionalText(string path, string text) : AdditionalText
    {
        private readonly SourceText _text = SourceText.From(text);

        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }

    /// <summary>Loads analyzer assemblies into the default context, as the command-line compiler does for its analyzers.</summary>
    private sealed class LoadFromLoader : IAnalyzerAssemblyLoader
    {
        public void AddDependencyLocation(string fullPath)
        {
        }

        public Assembly LoadFromPath(string fullPath) => Assembly.LoadFrom(fullPath);
    }
}
