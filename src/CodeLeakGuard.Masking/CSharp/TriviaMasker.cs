using CodeLeakGuard.Masking.Text;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace CodeLeakGuard.Masking.CSharp;

/// <summary>
/// Masks what sits between tokens: comments and doc comments as prose, directives' arguments (never their keyword,
/// which would break them), and code the parser skipped (<c>#if</c> branches that are off, conflict markers)
/// aggressively, since nothing says which of its words are declared names. Unknown kinds are masked aggressively.
/// </summary>
internal static class TriviaMasker
{
    public static void Mask(MaskContext context, string source, SyntaxKind kind, TextSpan span, IRegionSink sink)
    {
        switch (kind)
        {
            case SyntaxKind.SingleLineCommentTrivia or SyntaxKind.MultiLineCommentTrivia:
                RegionMasker.Mask(context, source, span.Start, span.End, WordMode.Prose, sink);
                break;
            case SyntaxKind.SingleLineDocumentationCommentTrivia or SyntaxKind.MultiLineDocumentationCommentTrivia:
                RegionMasker.Mask(context, source, span.Start, span.End, WordMode.Prose, sink, docComment: true);
                break;
            case SyntaxKind.RegionDirectiveTrivia or SyntaxKind.EndRegionDirectiveTrivia or SyntaxKind.IfDirectiveTrivia or SyntaxKind.ElifDirectiveTrivia
                or SyntaxKind.DefineDirectiveTrivia or SyntaxKind.UndefDirectiveTrivia or SyntaxKind.ErrorDirectiveTrivia or SyntaxKind.WarningDirectiveTrivia:
                RegionMasker.Mask(context, source, AfterDirectiveKeyword(source, span), span.End, WordMode.Prose, sink);
                break;
            case SyntaxKind.ElseDirectiveTrivia or SyntaxKind.EndIfDirectiveTrivia or SyntaxKind.PragmaWarningDirectiveTrivia or SyntaxKind.PragmaChecksumDirectiveTrivia
                or SyntaxKind.NullableDirectiveTrivia or SyntaxKind.LineDirectiveTrivia or SyntaxKind.LineSpanDirectiveTrivia or SyntaxKind.ReferenceDirectiveTrivia
                or SyntaxKind.LoadDirectiveTrivia or SyntaxKind.ShebangDirectiveTrivia:
                RegionMasker.Mask(context, source, AfterDirectiveKeyword(source, span), span.End, WordMode.None, sink);
                break;
            case SyntaxKind.DocumentationCommentExteriorTrivia:
                break;
            default:
                // Disabled text, skipped tokens, bad directives, conflict markers and anything new: not parsed, so every word counts.
                RegionMasker.Mask(context, source, span.Start, span.End, WordMode.Aggressive, sink);
                context.Note("code that was not parsed (disabled #if branches, skipped or bad tokens) was masked word by word");
                break;
        }
    }

    // "#  region Pricing rules": the words after the directive keyword.
    private static int AfterDirectiveKeyword(string source, TextSpan span)
    {
        var i = source.IndexOf('#', span.Start, span.Length);
        if (i < 0)
        {
            return span.Start;
        }

        i++;
        while (i < span.End && source[i] is ' ' or '\t')
        {
            i++;
        }

        return Words.WordEnd(source, i, span.End);
    }
}
