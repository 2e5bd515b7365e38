using System.Collections.Concurrent;
using System.Linq;
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
        var assemblyMarked = compilation.SyntaxTrees.Any(t => ProprietarySpanFinder.HasAssemblyMarker(t, cancellationToken));
        var index = new ProprietaryCodeIndex(policy, compilation, assemblyMarked);
        if (assemblyMarked || policy.HasProprietaryRules)
        {
            return index;
        }

        return compilation.SyntaxTrees.Any(t => index.Get(t, cancellationToken).HasProprietaryCode) ? index : null;
    }

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
