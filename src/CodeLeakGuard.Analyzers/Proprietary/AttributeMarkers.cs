using System.Collections.Generic;
using System.Linq;
using System.Threading;
using CodeLeakGuard.Policy;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace CodeLeakGuard.Analyzers.Proprietary;

/// <summary><c>[Proprietary]</c> / <c>[Proprietary("reason")]</c> on types and members, whatever namespace the attribute is in.</summary>
internal static class AttributeMarkers
{
    public static void Collect(SyntaxNode root, List<ProprietarySpan> spans, List<ProprietaryMarkerProblem> problems, CancellationToken cancellationToken)
    {
        // Only files that mention the marker get here, so one walk of the whole tree is affordable.
        foreach (var attribute in root.DescendantNodes().OfType<AttributeSyntax>())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!IsProprietary(attribute) || attribute.Parent is not AttributeListSyntax list)
            {
                continue;
            }

            var target = list.Target?.Identifier.ValueText;
            if (target == "assembly" || target == "module")
            {
                continue; // judged once per compilation
            }

            var declaration = list.Parent;
            if (target is "return" or "param" or "typevar" or "field" && declaration is not FieldDeclarationSyntax
                || declaration is ParameterSyntax or TypeParameterSyntax or AccessorDeclarationSyntax or LocalFunctionStatementSyntax
                    or ParenthesizedLambdaExpressionSyntax or SimpleLambdaExpressionSyntax or null)
            {
                problems.Add(new ProprietaryMarkerProblem(attribute.Span,
                    "[Proprietary] marks types and members; on a parameter, return value, accessor, local function or lambda it marks nothing: put it on the enclosing member"));
                continue;
            }

            if (declaration is MemberDeclarationSyntax or EnumMemberDeclarationSyntax)
            {
                spans.Add(new ProprietarySpan(ProprietaryMarkerKind.Attribute, DeclarationSpan(declaration), attribute.Span, Reason(attribute), declaration));
            }
        }
    }

    public static bool HasAssemblyMarker(SyntaxNode root) =>
        root is CompilationUnitSyntax unit && unit.AttributeLists
            .Where(l => l.Target?.Identifier.ValueText is "assembly" or "module")
            .SelectMany(l => l.Attributes)
            .Any(IsProprietary);

    /// <summary>The declaration from its first doc comment or attribute to its end: the doc comment is proprietary too.</summary>
    internal static TextSpan DeclarationSpan(SyntaxNode declaration)
    {
        var start = declaration.SpanStart;
        foreach (var trivia in declaration.GetLeadingTrivia())
        {
            if (trivia.IsKind(SyntaxKind.SingleLineDocumentationCommentTrivia) || trivia.IsKind(SyntaxKind.MultiLineDocumentationCommentTrivia))
            {
                start = ExteriorStart(declaration.SyntaxTree.GetText(), trivia.SpanStart);
                break;
            }
        }

        return TextSpan.FromBounds(start, declaration.Span.End);
    }

    // The trivia's span starts after its first "///" (or "/**"): move back over it so the whole comment is covered.
    private static int ExteriorStart(SourceText text, int position)
    {
        var line = text.Lines.GetLineFromPosition(position);
        var start = line.Start;
        while (start < position && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        return start;
    }

    internal static bool IsProprietary(AttributeSyntax attribute)
    {
        var name = attribute.Name switch
        {
            QualifiedNameSyntax q => q.Right.Identifier.ValueText,
            AliasQualifiedNameSyntax a => a.Name.Identifier.ValueText,
            SimpleNameSyntax s => s.Identifier.ValueText,
            _ => null,
        };
        return name is ProprietaryMarkers.AttributeName or ProprietaryMarkers.AttributeFullName;
    }

    private static string? Reason(AttributeSyntax attribute) =>
        attribute.ArgumentList?.Arguments.FirstOrDefault()?.Expression is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression)
            ? literal.Token.ValueText
            : null;
}
