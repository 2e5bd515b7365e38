using System.Composition;
using System.Linq;
using System.Threading.Tasks;
using CodeLeakGuard.Policy;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeRefactorings;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace CodeLeakGuard.CodeFixes;

/// <summary>
/// "Mark selected statements as proprietary": wraps whole selected statements (or members) in the
/// <c>codeleakguard:proprietary-begin/end</c> comment pair, keeping the indentation of the first line.
/// </summary>
[ExportCodeRefactoringProvider(LanguageNames.CSharp, Name = nameof(WrapInProprietaryMarkersRefactoringProvider)), Shared]
public sealed class WrapInProprietaryMarkersRefactoringProvider : CodeRefactoringProvider
{
    public override async Task ComputeRefactoringsAsync(CodeRefactoringContext context)
    {
        if (context.Span.IsEmpty)
        {
            return;
        }

        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var text = await context.Document.GetTextAsync(context.CancellationToken).ConfigureAwait(false);
        var selected = root?.DescendantNodes(context.Span)
            .Where(n => (n is StatementSyntax && n.Parent is BlockSyntax) || (n is MemberDeclarationSyntax && n.Parent is TypeDeclarationSyntax))
            .Where(n => context.Span.Contains(n.Span))
            .ToList();
        if (selected is null || selected.Count == 0)
        {
            return;
        }

        var first = selected.OrderBy(n => n.SpanStart).First();
        var last = selected.OrderBy(n => n.Span.End).Last();
        if (first.Parent != last.Parent)
        {
            return;
        }

        context.RegisterRefactoring(CodeAction.Create(
            "Mark selected code as proprietary",
            _ => Task.FromResult(context.Document.WithText(Wrap(text, first.SpanStart, last.Span.End))),
            equivalenceKey: nameof(WrapInProprietaryMarkersRefactoringProvider)));
    }

    private static SourceText Wrap(SourceText text, int start, int end)
    {
        var firstLine = text.Lines.GetLineFromPosition(start);
        var indentation = text.ToString(TextSpan.FromBounds(firstLine.Start, start));
        var lastLine = text.Lines.GetLineFromPosition(end);
        var newLine = text.Lines.Count > 1 && text.Lines[0].EndIncludingLineBreak > text.Lines[0].End
            ? text.ToString(TextSpan.FromBounds(text.Lines[0].End, text.Lines[0].EndIncludingLineBreak))
            : "\n";
        return text.WithChanges(
            new TextChange(new TextSpan(firstLine.Start, 0), indentation + "// " + ProprietaryMarkers.BeginComment + newLine),
            new TextChange(new TextSpan(lastLine.End, 0), newLine + indentation + "// " + ProprietaryMarkers.EndComment));
    }
}
