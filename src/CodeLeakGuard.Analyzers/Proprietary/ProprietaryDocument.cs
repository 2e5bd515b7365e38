using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis.Text;

namespace CodeLeakGuard.Analyzers.Proprietary;

/// <summary>The proprietary spans of one document and the problems with its markers.</summary>
public sealed class ProprietaryDocument
{
    public static ProprietaryDocument Empty { get; } = new(new List<ProprietarySpan>(), new List<ProprietaryMarkerProblem>(), 0);

    public ProprietaryDocument(IReadOnlyList<ProprietarySpan> spans, IReadOnlyList<ProprietaryMarkerProblem> problems, int length)
    {
        Spans = spans.OrderBy(s => s.Span.Start).ToList();
        Problems = problems;
        IsWholeFile = length > 0 && Spans.Any(s => s.Span.Start == 0 && s.Span.End >= length);
    }

    public IReadOnlyList<ProprietarySpan> Spans { get; }

    public IReadOnlyList<ProprietaryMarkerProblem> Problems { get; }

    /// <summary>The whole document is proprietary (a policy path, an assembly attribute).</summary>
    public bool IsWholeFile { get; }

    public bool HasProprietaryCode => Spans.Count > 0;

    /// <summary>The innermost-first span containing <paramref name="position"/>, if the position is proprietary.</summary>
    public ProprietarySpan? FindContaining(int position)
    {
        ProprietarySpan? best = null;
        foreach (var span in Spans)
        {
            if (span.Span.Start <= position && position < span.Span.End && (best is null || span.Span.Length < best.Span.Length))
            {
                best = span;
            }
        }

        return best;
    }

    public bool Intersects(TextSpan span) => Spans.Any(s => s.Span.OverlapsWith(span) || s.Span.Contains(span.Start));
}
