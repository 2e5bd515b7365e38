using System.Collections.Concurrent;
using CodeLeakGuard.Policy;
using Microsoft.CodeAnalysis;

namespace CodeLeakGuard.Analyzers.Infrastructure;

/// <summary>
/// Asks the policy about Roslyn symbols, with a per-compilation cache (most code names the same few symbols again and
/// again). Generic instantiations, reduced extension methods and aliases are judged by their definitions.
/// </summary>
internal sealed class SymbolJudge
{
    private readonly AiPolicy _policy;
    private readonly IAssemblySymbol _sourceAssembly;
    private readonly ConcurrentDictionary<ISymbol, Verdict?> _cache = new(SymbolEqualityComparer.Default);

    public SymbolJudge(AiPolicy policy, Compilation compilation)
    {
        _policy = policy;
        _sourceAssembly = compilation.Assembly;
    }

    public Verdict? Judge(ISymbol? symbol)
    {
        symbol = Definition(symbol);
        if (symbol is null)
        {
            return null;
        }

        return _cache.GetOrAdd(symbol, s => JudgeUncached(s));
    }

    /// <summary>Judges a type and everything it is built from: array elements, generic arguments, tuple elements, pointers.</summary>
    public (ITypeSymbol Type, Verdict Verdict)? JudgeTypeDeep(ITypeSymbol? type, int depth = 0)
    {
        if (type is null || depth > 16)
        {
            return null;
        }

        switch (type)
        {
            case IArrayTypeSymbol array:
                return JudgeTypeDeep(array.ElementType, depth + 1);
            case IPointerTypeSymbol pointer:
                return JudgeTypeDeep(pointer.PointedAtType, depth + 1);
            case INamedTypeSymbol named:
                if (Judge(named) is { } verdict)
                {
                    return (named, verdict);
                }

                foreach (var argument in named.TypeArguments)
                {
                    if (JudgeTypeDeep(argument, depth + 1) is { } inner)
                    {
                        return inner;
                    }
                }

                return null;
            default:
                return null;
        }
    }

    private static ISymbol? Definition(ISymbol? symbol) => symbol switch
    {
        null => null,
        IAliasSymbol alias => Definition(alias.Target),
        IMethodSymbol { ReducedFrom: { } reduced } => reduced.OriginalDefinition,
        IErrorTypeSymbol => null,
        ITypeParameterSymbol or ILocalSymbol or IParameterSymbol or IRangeVariableSymbol or ILabelSymbol or IDiscardSymbol => null,
        _ => symbol.OriginalDefinition,
    };

    private Verdict? JudgeUncached(ISymbol symbol)
    {
        if (symbol is INamespaceSymbol ns)
        {
            return ns.IsGlobalNamespace ? null : JudgeNamespace(ns);
        }

        if (symbol is IArrayTypeSymbol or IPointerTypeSymbol or IFunctionPointerTypeSymbol or IDynamicTypeSymbol)
        {
            return null;
        }

        var type = symbol as INamedTypeSymbol ?? symbol.ContainingType;
        var assembly = symbol.ContainingAssembly;
        var fromSource = assembly is null || SymbolEqualityComparer.Default.Equals(assembly, _sourceAssembly) || assembly.Locations.Length > 0 && assembly.Locations[0].IsInSource;
        var namespaceName = NamespaceOf(type?.ContainingNamespace ?? symbol.ContainingNamespace);
        var typeName = type is null ? null : FullTypeName(type);
        var memberName = symbol is INamedTypeSymbol ? null : symbol.MetadataName;
        return _policy.CheckSymbol(assembly?.Name, namespaceName, typeName, memberName, fromSource);
    }

    private Verdict? JudgeNamespace(INamespaceSymbol ns)
    {
        var fromMetadata = false;
        foreach (var constituent in ns.ConstituentNamespaces)
        {
            if (constituent.ContainingAssembly is { } assembly && !SymbolEqualityComparer.Default.Equals(assembly, _sourceAssembly))
            {
                fromMetadata = true;
                break;
            }
        }

        return _policy.CheckSymbol(null, ns.ToDisplayString(), null, null, fromSource: !fromMetadata);
    }

    public static string NamespaceOf(INamespaceSymbol? ns) =>
        ns is null || ns.IsGlobalNamespace ? string.Empty : ns.ToDisplayString();

    /// <summary>Dotted name with namespace and containing types, without generic arguments: <c>A.B.Outer.Inner</c>.</summary>
    public static string FullTypeName(INamedTypeSymbol type)
    {
        var name = type.Name;
        for (var outer = type.ContainingType; outer is not null; outer = outer.ContainingType)
        {
            name = outer.Name + "." + name;
        }

        var ns = NamespaceOf(type.ContainingNamespace);
        return ns.Length == 0 ? name : ns + "." + name;
    }
}
