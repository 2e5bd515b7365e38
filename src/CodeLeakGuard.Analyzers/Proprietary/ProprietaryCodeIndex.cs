using System.Collections.Concurrent;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using CodeLeakGuard.Policy;
using Microsoft.CodeAnalysis;

namespace CodeLeakGuard.Analyzers.Proprietary;

/// <summary>
/// The proprietary spans of a compilation, computed once per syntax tree on first use, and whether a symbol was
/// declared in proprietary code (in this compilation, or carrying <c>[Proprietary]</c> in a referenced assembly).
/// </summary>
internal sealed class ProprietaryCodeIndex
{
    private static readonly ConditionalWeakTable<Compilation, ConcurrentDictionary<AiPolicy, ProprietaryCodeIndex>> Shared = new();

    private readonly AiPolicy _policy;
    private readonly Compilation _compilation;
    private readonly ConcurrentDictionary<SyntaxTree, ProprietaryDocument> _documents = new();
    private readonly ConcurrentDictionary<ISymbol, string?> _symbols = new(SymbolEqualityComparer.Default);
    private readonly bool _assemblyIsProprietary;

    private ProprietaryCodeIndex(AiPolicy policy, Compilation compilation, bool assemblyIsProprietary)
    {
        _policy = policy;
        _compilation = compilation;
        _assemblyIsProprietary = assemblyIsProprietary;
    }

    /// <summary>Null when the compilation has no proprietary code at all: the proprietary rules then stay idle.</summary>
    public static ProprietaryCodeIndex? Create(AiPolicy policy, Compilation compilation, CancellationToken cancellationToken)
    {
        var index = For(policy, compilation, cancellationToken);
        if (index.IsAssemblyProprietary || policy.HasProprietaryRules)
        {
            return index;
        }

        return compilation.SyntaxTrees.Any(t => index.Get(t, cancellationToken).HasProprietaryCode) ? index : null;
    }

    /// <summary>
    /// The index of <paramref name="compilation"/> under <paramref name="policy"/>, shared by the three proprietary
    /// rules (each file's markers are then searched once, not once per rule).
    /// </summary>
    public static ProprietaryCodeIndex For(AiPolicy policy, Compilation compilation, CancellationToken cancellationToken)
    {
        var shared = Shared.GetValue(compilation, static _ => new ConcurrentDictionary<AiPolicy, ProprietaryCodeIndex>());
        if (shared.TryGetValue(policy, out var index))
        {
            return index;
        }

        // Computed outside the dictionary, so a cancelled computation is never kept; two rules may both compute it once.
        var assemblyMarked = compilation.SyntaxTrees.Any(t => ProprietarySpanFinder.HasAssemblyMarker(t, cancellationToken));
        return shared.GetOrAdd(policy, new ProprietaryCodeIndex(policy, compilation, assemblyMarked));
    }

    /// <summary>Whether the assembly carries <c>[assembly: Proprietary]</c>: then all of its code is proprietary.</summary>
    public bool IsAssemblyProprietary => _assemblyIsProprietary;

    public ProprietaryDocument Get(SyntaxTree tree, CancellationToken cancellationToken) =>
        _documents.GetOrAdd(tree, t => ProprietarySpanFinder.Find(t, _policy, t.FilePath, _assemblyIsProprietary, cancellationToken));

    public ProprietarySpan? FindContaining(SyntaxNode node, CancellationToken cancellationToken) =>
        Get(node.SyntaxTree, cancellationToken).FindContaining(node.SpanStart);

    /// <summary>Why <paramref name="symbol"/> is proprietary ("PricingEngine.Margin, [Proprietary]"), or null when it is not.</summary>
    public string? WhyProprietary(ISymbol symbol, CancellationToken cancellationToken) =>
        _symbols.GetOrAdd(symbol.OriginalDefinition, s => Compute(s, cancellationToken));

    private string? Compute(ISymbol symbol, CancellationToken cancellationToken)
    {
        foreach (var reference in symbol.DeclaringSyntaxReferences)
        {
            if (_compilation.ContainsSyntaxTree(reference.SyntaxTree)
                && Get(reference.SyntaxTree, cancellationToken).FindContaining(reference.Span.Start) is { } span)
            {
                return span.Reason is null ? span.Kind.ToString() : span.Reason;
            }
        }

        // Referenced assemblies keep [Proprietary] in metadata when it is not a conditional attribute.
        for (var current = symbol; current is not null; current = current.ContainingType)
        {
            if (current.GetAttributes().Any(a => a.AttributeClass?.Name is ProprietaryMarkers.AttributeFullName or ProprietaryMarkers.AttributeName))
            {
                return "[Proprietary]";
            }
        }

        return null;
    }
}
