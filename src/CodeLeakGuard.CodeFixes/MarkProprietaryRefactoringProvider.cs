using System.Composition;
using System.Linq;
using System.Threading.Tasks;
using CodeLeakGuard.Analyzers.Proprietary;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeRefactorings;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;

namespace CodeLeakGuard.CodeFixes;

/// <summary>"Mark as proprietary": adds <c>[CodeLeakGuard.Proprietary]</c> to the type or member under the cursor.</summary>
[ExportCodeRefactoringProvider(LanguageNames.CSharp, Name = nameof(MarkProprietaryRefactoringProvider)), Shared]
public sealed class MarkProprietaryRefactoringProvider : CodeRefactoringProvider
{
    public override async Task ComputeRefactoringsAsync(CodeRefactoringContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var node = root?.FindNode(context.Span);
        var declaration = node?.AncestorsAndSelf().FirstOrDefault(n => n is BaseTypeDeclarationSyntax or DelegateDeclarationSyntax or BaseMethodDeclarationSyntax
            or BasePropertyDeclarationSyntax or BaseFieldDeclarationSyntax or EventDeclarationSyntax) as MemberDeclarationSyntax;
        if (declaration is null || !OnHeader(declaration, context.Span.Start) || IsMarked(declaration))
        {
            return;
        }

        context.RegisterRefactoring(CodeAction.Create(
            "Mark as proprietary",
            _ => Task.FromResult(context.Document.WithSyntaxRoot(root!.ReplaceNode(declaration, AddAttribute(declaration)))),
            equivalenceKey: nameof(MarkProprietaryRefactoringProvider)));
    }

    private static MemberDeclarationSyntax AddAttribute(MemberDeclarationSyntax declaration)
    {
        var attribute = SyntaxFactory.AttributeList(SyntaxFactory.SingletonSeparatedList(
            SyntaxFactory.Attribute(SyntaxFactory.ParseName("CodeLeakGuard.Proprietary"))));
        var leading = declaration.GetLeadingTrivia();
        var withoutTrivia = declaration.WithoutLeadingTrivia();
        var marked = withoutTrivia.WithAttributeLists(withoutTrivia.AttributeLists.Insert(0, attribute.WithAdditionalAnnotations(Formatter.Annotation)));
        return marked.WithLeadingTrivia(leading).WithAdditionalAnnotations(Formatter.Annotation);
    }

    // Offered on the declaration's header (attributes, modifiers, name), not anywhere inside a body.
    private static bool OnHeader(MemberDeclarationSyntax declaration, int position)
    {
        var bodyStart = declaration switch
        {
            BaseTypeDeclarationSyntax type => type.OpenBraceToken.SpanStart,
            BaseMethodDeclarationSyntax method => (method.Body ?? (SyntaxNode?)method.ExpressionBody)?.SpanStart ?? declaration.Span.End,
            BasePropertyDeclarationSyntax property => property.AccessorList?.SpanStart ?? declaration.Span.End,
            _ => declaration.Span.End,
        };
        return position >= declaration.SpanStart && position <= bodyStart;
    }

    private static bool IsMarked(MemberDeclarationSyntax declaration) =>
        declaration.AttributeLists.SelectMany(l => l.Attributes).Any(a => a.Name.ToString().EndsWith("Proprietary", System.StringComparison.Ordinal)
            || a.Name.ToString().EndsWith("ProprietaryAttribute", System.StringComparison.Ordinal));
}
