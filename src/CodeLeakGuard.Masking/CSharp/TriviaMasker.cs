using CodeLeakGuard.Masking.Text;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace CodeLeakGuard.Masking.CSharp;

/// <summary>
/// Masks what sits between tokens: comments and doc comments as prose, directives' arguments (never their keyword,
/// which would break them), and code the parser skipped (<c>#if</c> branches that are off, the side of a conflict)
/// aggressively, since nothing says which of its words are declared names. Unknown kinds are masked aggressively.
/// </summary>
internal static class TriviaMasker
{
    public static void Mask(MaskContext context, string source, SyntaxKind kind, TextSpan span, IRegionSink sink)
    {
        if (Region(source, kind, span) is not { } region)
        {
            return;
        }

        RegionMasker.Mask(context, source, region.Start, region.End, region.Mode, sink, region.DocComment);
        if (region.Mode == WordMode.Aggressive)
        {
            context.Note("code that was not parsed (disabled #if branches, skipped or bad tokens) was masked word by word");
        }
    }

    /// <summary>The part of a trivia masked as text and how (null: nothing to mask); also what is scanned ahead for secrets.</summary>
    public static (int Start, int End, WordMode Mode, bool DocComment)? Region(string source, SyntaxKind kind, TextSpan span) => kind switch
    {
        SyntaxKind.WhitespaceTrivia or SyntaxKind.EndOfLineTrivia or SyntaxKind.DocumentationCommentExteriorTrivia => null,
        SyntaxKind.SingleLineCommentTrivia => (span.Start, span.End, WordMode.Prose, false),
        SyntaxKind.MultiLineCommentTrivia => (span.Start, span.End, WordMode.Prose, TriviaRegions.IsDelimitedDocumentation(source, span)),
        SyntaxKind.SingleLineDocumentationCommentTrivia or SyntaxKind.MultiLineDocumentationCommentTrivia => (span.Start, span.End, WordMode.Prose, true),
        SyntaxKind.RegionDirectiveTrivia or SyntaxKind.EndRegionDirectiveTrivia or SyntaxKind.IfDirectiveTrivia or SyntaxKind.ElifDirectiveTrivia
            or SyntaxKind.DefineDirectiveTrivia or SyntaxKind.UndefDirectiveTrivia or SyntaxKind.ErrorDirectiveTrivia or SyntaxKind.WarningDirectiveTrivia
            => (AfterDirectiveKeyword(source, span), span.End, WordMode.Prose, false),
        SyntaxKind.ElseDirectiveTrivia or SyntaxKind.EndIfDirectiveTrivia or SyntaxKind.PragmaWarningDirectiveTrivia or SyntaxKind.PragmaChecksumDirectiveTrivia
            or SyntaxKind.NullableDirectiveTrivia or SyntaxKind.LineDirectiveTrivia or SyntaxKind.LineSpanDirectiveTrivia or SyntaxKind.ReferenceDirectiveTrivia
            or SyntaxKind.LoadDirectiveTrivia or SyntaxKind.ShebangDirectiveTrivia
            => (AfterDirectiveKeyword(source, span), span.End, WordMode.None, false),

        // A conflict marker's own line: its label is a branch or an edit format's word (<<<<<<< SEARCH, >>>>>>> REPLACE),
        // prose; the text between the markers is disabled text, below.
        SyntaxKind.ConflictMarkerTrivia => (span.Start, span.End, WordMode.Prose, false),

        // Disabled text, skipped tokens, bad directives and anything new: not parsed, so every word counts.
        _ => (span.Start, span.End, WordMode.Aggressive, false),
    };

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
