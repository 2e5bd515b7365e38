using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading.Tasks;
using CodeLeakGuard.Analyzers;
using CodeLeakGuard.Analyzers.Proprietary;
using CodeLeakGuard.Policy;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace CodeLeakGuard.CodeFixes;

/// <summary>
/// Closes an unbalanced proprietary marker (CLG2001): a <c>proprietary-begin</c> comment gets its <c>proprietary-end</c>,
/// a <c>#region Proprietary</c> its <c>#endregion</c>, before the closing brace of the innermost block, type or namespace that holds the marker (at the end of the file otherwise).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(CloseProprietaryMarkerCodeFixProvider)), Shared]
public sealed class CloseProprietaryMarkerCodeFixProvider : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.ProprietaryMarkerMalformed);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var text = await context.Document.GetTextAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics.Where(d => d.Properties.ContainsKey(ProprietaryMarkerAnalyzer.UnclosedBeginProperty)))
        {
            var marker = diagnostic.Location.SourceSpan;
            var isRegion = text.ToString(marker).TrimStart().StartsWith("#region", System.StringComparison.Ordinal);
            var token = root!.FindToken(marker.Start, findInsideTrivia: false);
            var closeBrace = token.Parent?.AncestorsAndSelf()
                .Select(n => n switch
                {
                    BlockSyntax block => block.CloseBraceToken,
                    BaseTypeDeclarationSyntax type => type.CloseBraceToken,
                    BaseNamespaceDeclarationSyntax ns when ns is NamespaceDeclarationSyntax braced => braced.CloseBraceToken,
                    _ => default,
                })
                .FirstOrDefault(brace => brace.RawKind != 0 && !brace.IsMissing && brace.SpanStart > marker.Start);
            var line = text.Lines.GetLineFromPosition(marker.Start);
            var indentation = text.ToString(TextSpan.FromBounds(line.Start, marker.Start));
            var closing = isRegion ? "#endregion" : "// " + ProprietaryMarkers.EndComment;
            var change = closeBrace is { RawKind: not 0 } brace
                ? new TextChange(new TextSpan(text.Lines.GetLineFromPosition(brace.SpanStart).Start, 0), indentation + closing + "\n")
                : new TextChange(new TextSpan(text.Length, 0), "\n" + closing + "\n");

            context.RegisterCodeFix(
                CodeAction.Create(
                    isRegion ? "Close the proprietary region" : "Close the proprietary block",
                    _ => Task.FromResult(context.Document.WithText(text.WithChanges(change))),
                    equivalenceKey: nameof(CloseProprietaryMarkerCodeFixProvider)),
                diagnostic);
        }
    }
}
