using System.Collections.Generic;

namespace CodeLeakGuard.Analyzers.Proprietary;

/// <summary>Region and comment-pair blocks that cross each other (neither contains the other) are ambiguous markers.</summary>
internal static class OverlapCheck
{
    public static void Run(List<ProprietarySpan> spans, List<ProprietaryMarkerProblem> problems)
    {
        for (var i = 0; i < spans.Count; i++)
        {
            for (var j = i + 1; j < spans.Count; j++)
            {
                var a = spans[i];
                var b = spans[j];
                if (!IsBlock(a) || !IsBlock(b) || !a.Span.OverlapsWith(b.Span) || a.Span.Contains(b.Span) || b.Span.Contains(a.Span))
                {
                    continue;
                }

                var later = a.Span.Start > b.Span.Start ? a : b;
                problems.Add(new ProprietaryMarkerProblem(later.MarkerSpan, "proprietary blocks overlap without one containing the other: make them nest or merge them"));
            }
        }
    }

    private static bool IsBlock(ProprietarySpan span) => span.Kind is ProprietaryMarkerKind.Region or ProprietaryMarkerKind.CommentPair;
}
