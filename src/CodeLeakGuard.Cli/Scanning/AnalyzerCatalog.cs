using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using CodeLeakGuard.Analyzers.Policy;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CodeLeakGuard.Cli.Scanning;

/// <summary>
/// Every C# <see cref="DiagnosticAnalyzer"/> of the CodeLeakGuard.Analyzers assembly, found by its
/// <see cref="DiagnosticAnalyzerAttribute"/>: a new analyzer is scanned for without touching the CLI.
/// </summary>
internal static class AnalyzerCatalog
{
    private static readonly Lazy<Type[]> AnalyzerTypes = new(FindAnalyzerTypes);
    private static readonly Lazy<IReadOnlyList<DiagnosticDescriptor>> LazyRules = new(() => CollectRules(CreateAll()));

    public static Assembly AnalyzerAssembly => typeof(PolicyFileAnalyzer).Assembly;

    /// <summary>Every rule the analyzers can report, one per id, ordered by id.</summary>
    public static IReadOnlyList<DiagnosticDescriptor> Rules => LazyRules.Value;

    /// <summary>New instances of every analyzer.</summary>
    public static ImmutableArray<DiagnosticAnalyzer> CreateAll() =>
        AnalyzerTypes.Value.Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!).ToImmutableArray();

    private static Type[] FindAnalyzerTypes()
    {
        Type[] types;
        try
        {
            types = AnalyzerAssembly.GetTypes();
        }
        catch (ReflectionTypeLoadException ex)
        {
            types = ex.Types.Where(t => t is not null).ToArray()!;
        }

        return types
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(DiagnosticAnalyzer).IsAssignableFrom(t))
            .Where(t => t.GetConstructor(Type.EmptyTypes) is not null)
            .Where(t => t.GetCustomAttributes<DiagnosticAnalyzerAttribute>(inherit: false).Any(a => a.Languages.Contains(LanguageNames.CSharp)))
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .ToArray();
    }

    private static IReadOnlyList<DiagnosticDescriptor> CollectRules(IEnumerable<DiagnosticAnalyzer> analyzers) =>
        analyzers
            .SelectMany(a => a.SupportedDiagnostics)
            .GroupBy(d => d.Id, StringComparer.Ordinal)
            .Select(g => g.First())
            .OrderBy(d => d.Id, StringComparer.Ordinal)
            .ToArray();
}
