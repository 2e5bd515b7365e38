using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CodeLeakGuard.Analyzers.Infrastructure;

/// <summary>
/// Whether an expression is built only of parts a C# constant can be made of (literals, names, member access,
/// operators, conditionals, casts, <c>nameof</c>, interpolations of those). Asking the semantic model for a constant
/// value binds the whole enclosing member, so concatenations with a call, an indexer or a <c>new</c> in them
/// (<c>"Error: " + ex.Message.Trim()</c>, most of them) are ruled out by their shape first.
/// </summary>
internal static class ConstantShape
{
    public static bool CanBeConstant(SyntaxNode node)
    {
        switch (node)
        {
            case LiteralExpressionSyntax or IdentifierNameSyntax or PredefinedTypeSyntax or InterpolatedStringTextSyntax:
                return true;
            case InvocationExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "nameof" } }:
                return true;
            case InterpolatedStringExpressionSyntax or InterpolationSyntax or InterpolationAlignmentClauseSyntax or InterpolationFormatClauseSyntax
                or ParenthesizedExpressionSyntax or BinaryExpressionSyntax or PrefixUnaryExpressionSyntax or ConditionalExpressionSyntax
                or CastExpressionSyntax or DefaultExpressionSyntax or CheckedExpressionSyntax or QualifiedNameSyntax or AliasQualifiedNameSyntax
                or MemberAccessExpressionSyntax { RawKind: (int)SyntaxKind.SimpleMemberAccessExpression }:
                foreach (var child in node.ChildNodes())
                {
                    if (!CanBeConstant(child))
                    {
                        return false;
                    }
                }

                return true;
            default:
                return false;
        }
    }
}
