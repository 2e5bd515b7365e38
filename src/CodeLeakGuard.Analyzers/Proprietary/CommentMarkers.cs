using System;
using System.Collections.Generic;
using System.Threading;
using CodeLeakGuard.Policy;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace CodeLeakGuard.Analyzers.Proprietary;

/// <summary><c>// codeleakguard:proprietary-begin [reason]</c> ... <c>// codeleakguard:proprietary-end</c>, in line or block comments.</summary>
internal static class CommentMarkers
{
    public static void Collect(SyntaxNode root, SourceText text, List<ProprietarySpan> spans, List<ProprietaryMarkerProblem> problems, CancellationToken cancellationToken)
    {
        if (!SourceTextSearch.Contains(text, ProprietaryMarkers.BeginComment) && !SourceTextSearch.Contains(text, ProprietaryMarkers.EndComment))
        {
            return;
        }

        SyntaxTrivia? begin = null;
        foreach (var trivia in root.DescendantTrivia(descendIntoTrivia: true))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!trivia.IsKind(SyntaxKind.SingleLineCommentTrivia) && !trivia.IsKind(SyntaxKind.MultiLineCommentTrivia))
            {
                continue;
            }

            var comment = trivia.ToString();
            if (comment.IndexOf(ProprietaryMarkers.BeginComment, StringComparison.OrdinalIgnoreCase) >= 0)
            {
                if (begin is not null)
                {
                    problems.Add(new ProprietaryMarkerProblem(trivia.Span, "a proprietary-begin marker inside an open proprietary block: close the first block before opening another"));
                    continue;
                }

                begin = trivia;
            }
            else if (comment.IndexOf(ProprietaryMarkers.EndComment, StringComparison.OrdinalIgnoreCase) >= 0)
            {
                if (begin is not { } opened)
                {
                    problems.Add(new ProprietaryMarkerProblem(trivia.Span, "a proprietary-end marker without a proprietary-begin marker before it"));
                    continue;
                }

                spans.Add(new ProprietarySpan(ProprietaryMarkerKind.CommentPair, TextSpan.FromBounds(opened.SpanStart, trivia.Span.End), opened.Span, Reason(opened), null));
                begin = null;
            }
        }

        if (begin is { } unclosed)
        {
            problems.Add(new ProprietaryMarkerProblem(unclosed.Span, "proprietary-begin marker without a proprietary-end marker: the rest of the file is treated as proprietary", isUnclosedBegin: true));
            spans.Add(new ProprietarySpan(ProprietaryMarkerKind.CommentPair, TextSpan.FromBounds(unclosed.SpanStart, text.Length), unclosed.Span, Reason(unclosed), null));
        }
    }

    private static string? Reason(SyntaxTrivia marker)
    {
        var reason = ProprietaryMarkers.ReasonAfter(marker.ToString(), ProprietaryMarkers.BeginComment);
        return reason?.TrimEnd('*', '/').Trim() is { Length: > 0 } trimmed ? trimmed : null;
    }
}
