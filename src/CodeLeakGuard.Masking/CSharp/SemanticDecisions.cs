using System.Collections.Generic;
using System.Linq;
using CodeLeakGuard.Masking.Identifiers;
using CodeLeakGuard.Masking.Session;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CodeLeakGuard.Masking.CSharp;

/// <summary>
/// Decisions per token, with a compilation: what the code declares is masked, what comes from referenced assemblies
/// is kept, and so are the user's overrides and implementations of external members (<c>ToString</c>,
/// <c>ExecuteAsync</c> of a hosted service) and members the compiler binds by name. Names the compiler cannot
/// resolve fall back to the by-name rules, which mask anything unknown. The masked code compiles as the original did.
/// </summary>
internal sealed class SemanticDecisions : IIdentifierDecisions
{
    private readonly MaskContext _context;
    private readonly SemanticModel _model;
    private readonly FactsCollector _facts;
    private readonly NameDecisions _byName;
    private readonly Dictionary<int, NameEntry?> _byPosition = new();

    public SemanticDecisions(MaskContext context, SemanticModel model, IEnumerable<SyntaxToken> tokens, FactsCollector facts)
    {
        _context = context;
        _model = model;
        _facts = facts;
        _byName = new NameDecisions(context, facts: null);
        foreach (var token in tokens)
        {
            if (token.IsKind(SyntaxKind.IdentifierToken))
            {
                _byPosition[token.SpanStart] = DecideNow(token);
            }
        }
    }

    // Every identifier of the tree was decided when this was made; any other (none is expected) is decided by name.
    public NameEntry? Decide(string name, int position) =>
        _byPosition.TryGetValue(position, out var entry) ? entry : _byName.Decide(name, _facts.Contains(name) ? _facts.Get(name) : null);

    private NameEntry? DecideNow(SyntaxToken token, int depth = 0)
    {
        var name = RoleClassifier.NameOf(token);
        if ((LanguageWords.IsKeyword(name) && name is not ("value" or "args")) || _context.IsKeptName(name))
        {
            return null;
        }

        var symbol = SymbolOf(token);
        if (symbol is IParameterSymbol { IsImplicitlyDeclared: true, ContainingSymbol: IMethodSymbol { AssociatedSymbol: IPropertySymbol indexer } } accessorParameter
            && accessorParameter.Ordinal < indexer.Parameters.Length)
        {
            symbol = indexer.Parameters[accessorParameter.Ordinal]; // an indexer's parameter as its accessors see it
        }

        if (InferredFrom(symbol) is { } origin)
        {
            return depth < 8 ? DecideNow(origin, depth + 1) : null; // a tuple element or anonymous member named after what it was made from
        }

        if (symbol is null)
        {
            return _byName.Decide(name, _facts.Contains(name) ? _facts.Get(name) : null);
        }

        if (symbol is IParameterSymbol { IsImplicitlyDeclared: true } || symbol is IDiscardSymbol || !IsDeclaredInSource(symbol)
            || ImplementsExternalContract(symbol) || (symbol is IMethodSymbol or IPropertySymbol && LanguageWords.IsPatternName(name)))
        {
            return null;
        }

        return _context.MaskName(name, RoleOf(symbol));
    }

    private ISymbol? SymbolOf(SyntaxToken token)
    {
        var node = token.Parent;
        if (node is null)
        {
            return null;
        }

        var declared = _model.GetDeclaredSymbol(node);
        var symbol = declared is not null && declared.Name == token.ValueText ? declared : null;
        if (symbol is null && declared is IMethodSymbol { MethodKind: MethodKind.Constructor or MethodKind.StaticConstructor or MethodKind.Destructor } constructor)
        {
            symbol = constructor.ContainingType;
        }

        if (symbol is null)
        {
            var info = _model.GetSymbolInfo(node);
            symbol = info.Symbol ?? info.CandidateSymbols.FirstOrDefault();
        }

        if (symbol is IMethodSymbol { MethodKind: MethodKind.Constructor or MethodKind.StaticConstructor or MethodKind.Destructor } method)
        {
            symbol = method.ContainingType; // new Order(), [Obsolete], ~Order()
        }

        return symbol?.OriginalDefinition ?? symbol;
    }

    // (o.Year, o.Currency) and new { order.Id }: the element takes its name from the expression, so it is masked
    // exactly when that expression's name is.
    private SyntaxToken? InferredFrom(ISymbol? symbol)
    {
        ISymbol? inferred = symbol switch
        {
            IFieldSymbol { ContainingType.IsTupleType: true } field => field,
            IPropertySymbol { ContainingType.IsAnonymousType: true } property => property,
            _ => null,
        };
        var reference = inferred?.DeclaringSyntaxReferences.FirstOrDefault();
        if (reference is null || reference.SyntaxTree != _model.SyntaxTree)
        {
            return null;
        }

        // The reference points into the element's expression; the expression's last identifier gave the name.
        var node = _model.SyntaxTree.GetRoot().FindNode(reference.Span);
        var expression = node.FirstAncestorOrSelf<Microsoft.CodeAnalysis.CSharp.Syntax.ArgumentSyntax>() is { } argument && argument.Parent is Microsoft.CodeAnalysis.CSharp.Syntax.TupleExpressionSyntax
            ? (argument.NameColon is null ? argument.Expression : null)
            : node.FirstAncestorOrSelf<Microsoft.CodeAnalysis.CSharp.Syntax.AnonymousObjectMemberDeclaratorSyntax>() is { } member
                ? (member.NameEquals is null ? member.Expression : null)
                : null;
        if (expression is null)
        {
            return null; // written out: (Year: x) or new { Year = x }
        }

        var last = expression.DescendantTokens().LastOrDefault(t => t.IsKind(SyntaxKind.IdentifierToken));
        return last.ValueText == inferred!.Name ? last : null;
    }

    private static bool IsDeclaredInSource(ISymbol symbol) => symbol switch
    {
        INamespaceSymbol ns => !ns.Locations.Any(l => l.IsInMetadata),
        IAliasSymbol => true,
        _ => symbol.Locations.Any(l => l.IsInSource),
    };

    /// <summary>An override or implementation of a member declared outside the code: its name is the external contract's.</summary>
    private static bool ImplementsExternalContract(ISymbol symbol)
    {
        if (symbol is not (IMethodSymbol or IPropertySymbol or IEventSymbol))
        {
            return false;
        }

        for (var overridden = Overridden(symbol); overridden is not null; overridden = Overridden(overridden))
        {
            if (!IsDeclaredInSource(overridden))
            {
                return true;
            }
        }

        if (ExplicitImplementations(symbol).Any(i => !IsDeclaredInSource(i)))
        {
            return true;
        }

        var type = symbol.ContainingType;
        return type is not null && type.AllInterfaces.Where(i => !IsDeclaredInSource(i)).SelectMany(i => i.GetMembers(symbol.Name))
            .Any(member => SymbolEqualityComparer.Default.Equals(type.FindImplementationForInterfaceMember(member), symbol));
    }

    private static ISymbol? Overridden(ISymbol symbol) => symbol switch
    {
        IMethodSymbol method => method.OverriddenMethod,
        IPropertySymbol property => property.OverriddenProperty,
        IEventSymbol @event => @event.OverriddenEvent,
        _ => null,
    };

    private static IEnumerable<ISymbol> ExplicitImplementations(ISymbol symbol) => symbol switch
    {
        IMethodSymbol method => method.ExplicitInterfaceImplementations,
        IPropertySymbol property => property.ExplicitInterfaceImplementations,
        IEventSymbol @event => @event.ExplicitInterfaceImplementations,
        _ => Enumerable.Empty<ISymbol>(),
    };

    private static PseudonymRole RoleOf(ISymbol symbol) => symbol switch
    {
        INamespaceSymbol => PseudonymRole.Namespace,
        INamedTypeSymbol { TypeKind: TypeKind.Interface } => PseudonymRole.Interface,
        INamedTypeSymbol { TypeKind: TypeKind.Struct } => PseudonymRole.Struct,
        INamedTypeSymbol { TypeKind: TypeKind.Enum } => PseudonymRole.Enum,
        INamedTypeSymbol { TypeKind: TypeKind.Delegate } => PseudonymRole.Delegate,
        INamedTypeSymbol or IAliasSymbol => PseudonymRole.Class,
        IMethodSymbol => PseudonymRole.Method,
        IPropertySymbol => PseudonymRole.Property,
        IEventSymbol => PseudonymRole.Event,
        IFieldSymbol { ContainingType.TypeKind: TypeKind.Enum } => PseudonymRole.EnumMember,
        IFieldSymbol => PseudonymRole.Field,
        IParameterSymbol => PseudonymRole.Param,
        ITypeParameterSymbol => PseudonymRole.TypeParam,
        ILabelSymbol => PseudonymRole.Label,
        _ => PseudonymRole.Local,
    };
}
