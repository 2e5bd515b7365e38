using System.Collections.Generic;
using System.Threading;
using CodeLeakGuard.Policy;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CodeLeakGuard.Analyzers.Proprietary;

/// <summary>
/// Decides whether a value carries proprietary data, and says where it comes from. Follows locals through their
/// writes, and otherwise every child operation (concatenation, interpolation, conversions, initializers, calls that
/// transform a string), but not into lambdas. Bounded in depth, so hostile code cannot make it run away.
/// </summary>
internal sealed class TaintTracker
{
    private const int MaxDepth = 24;

    private static readonly HashSet<string> FileReads = new()
    {
        "ReadAllText", "ReadAllTextAsync", "ReadAllLines", "ReadAllLinesAsync", "ReadAllBytes", "ReadAllBytesAsync", "ReadLines", "OpenText", "OpenRead",
    };

    private readonly ProprietaryCodeIndex _index;
    private readonly AiPolicy _policy;
    private readonly LocalWrites _writes;
    private readonly CancellationToken _cancellationToken;
    private readonly Dictionary<IOperation, string?> _memo = new();

    public TaintTracker(ProprietaryCodeIndex index, AiPolicy policy, LocalWrites writes, CancellationToken cancellationToken)
    {
        _index = index;
        _policy = policy;
        _writes = writes;
        _cancellationToken = cancellationToken;
    }

    /// <summary>A description of the proprietary source the value carries, or null.</summary>
    public string? SourceOf(IOperation value) => Visit(value, 0, new HashSet<ILocalSymbol>(SymbolEqualityComparer.Default));

    private string? Visit(IOperation? operation, int depth, HashSet<ILocalSymbol> visiting)
    {
        if (operation is null || depth > MaxDepth)
        {
            return null;
        }

        _cancellationToken.ThrowIfCancellationRequested();
        if (_memo.TryGetValue(operation, out var known))
        {
            return known;
        }

        var result = Compute(operation, depth, visiting);
        _memo[operation] = result;
        return result;
    }

    private string? Compute(IOperation operation, int depth, HashSet<ILocalSymbol> visiting)
    {
        switch (operation)
        {
            case ILiteralOperation or IParameterReferenceOperation or IAnonymousFunctionOperation or IDelegateCreationOperation:
                return null;
            case ILocalReferenceOperation local:
                if (!visiting.Add(local.Local))
                {
                    return null;
                }

                foreach (var write in _writes.ValuesOf(local.Local))
                {
                    if (Visit(write, depth + 1, visiting) is { } source)
                    {
                        return source;
                    }
                }

                visiting.Remove(local.Local);
                return null;
            case IFieldReferenceOperation or IPropertyReferenceOperation or IMethodReferenceOperation or IEventReferenceOperation:
                var member = ((IMemberReferenceOperation)operation).Member;
                return ProprietaryMember(member) ?? VisitChildren(operation, depth, visiting);
            case IInvocationOperation invocation:
                return ProprietaryMember(invocation.TargetMethod) ?? ProprietaryFile(invocation) ?? VisitChildren(operation, depth, visiting);
            case IObjectCreationOperation creation when creation.Constructor?.ContainingType.Name == "StreamReader":
                return ProprietaryFileArgument(creation.Arguments) ?? VisitChildren(operation, depth, visiting);
            default:
                return VisitChildren(operation, depth, visiting);
        }
    }

    private string? VisitChildren(IOperation operation, int depth, HashSet<ILocalSymbol> visiting)
    {
        foreach (var child in operation.ChildOperations)
        {
            if (Visit(child, depth + 1, visiting) is { } source)
            {
                return source;
            }
        }

        return null;
    }

    private string? ProprietaryMember(ISymbol member) =>
        _index.WhyProprietary(member, _cancellationToken) is { } why
            ? $"The value of proprietary member '{member.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat)}' ({why})"
            : null;

    private string? ProprietaryFile(IInvocationOperation invocation) =>
        FileReads.Contains(invocation.TargetMethod.Name) && invocation.TargetMethod.ContainingType?.Name is "File"
            ? ProprietaryFileArgument(invocation.Arguments)
            : null;

    private string? ProprietaryFileArgument(System.Collections.Immutable.ImmutableArray<IArgumentOperation> arguments)
    {
        foreach (var argument in arguments)
        {
            if (argument.Value.ConstantValue is { HasValue: true, Value: string path } && _policy.FindProprietaryPath(path.Replace('\\', '/').TrimStart('.', '/')) is { } rule)
            {
                return $"The text of proprietary file '{path}' (policy: proprietary path {rule.Pattern})";
            }
        }

        return null;
    }
}
