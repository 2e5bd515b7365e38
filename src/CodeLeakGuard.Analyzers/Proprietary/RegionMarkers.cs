using System.Collections.Generic;
using System.Linq;
using CodeLeakGuard.Policy;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace CodeLeakGuard.Analyzers.Proprietary;

/// <summary><c>#region Proprietary[: reason]</c> to its matching <c>#endregion</c>; ordinary regions nest around and inside.</summary>
internal static class RegionMarkers
{
    public static void Collect(SyntaxNode root, SourceText text, List<ProprietarySpan> spans, List<ProprietaryMarkerProblem> problems)
    {
        var open = new Stack<(RegionDirectiveTriviaSyntax Region, bool Proprietary, string? Reason)>();
        for (var directive = root.GetFirstDirective(); directive is not null; directive = directive.GetNextDirective())
        {
            if (directive is RegionDirectiveTriviaSyntax region)
            {
                var name = RegionName(region);
                var proprietary = ProprietaryMarkers.IsProprietaryRegionName(name);
                if (proprietary && open.Any(o => o.Proprietary))
                {
                    problems.Add(new ProprietaryMarkerProblem(region.Span, "a proprietary region inside another proprietary region: the inner marker is redundant, remove it"));
                }

                open.Push((region, proprietary, proprietary ? ProprietaryMarkers.ReasonAfter(name, ProprietaryMarkers.RegionPrefix) : null));
            }
            else if (directive is EndRegionDirectiveTriviaSyntax end && open.Count > 0)
            {
                var (start, proprietary, reason) = open.Pop();
                if (proprietary && !open.Any(o => o.Proprietary))
                {
                    spans.Add(new ProprietarySpan(ProprietaryMarkerKind.Region, TextSpan.FromBounds(start.FullSpan.Start, end.FullSpan.End), start.Span, reason, null));
                }
            }
        }

        // An unclosed region is also a compiler error; here it protects the rest of the file.
        foreach (var (region, proprietary, reason) in open.Reverse())
        {
            if (proprietary && spans.All(s => !s.Span.Contains(region.SpanStart)))
            {
                problems.Add(new ProprietaryMarkerProblem(region.Span, "#region Proprietary has no #endregion: the rest of the file is treated as proprietary", isUnclosedBegin: true));
                spans.Add(new ProprietarySpan(ProprietaryMarkerKind.Region, TextSpan.FromBounds(region.FullSpan.Start, text.Length), region.Span, reason, null));
            }
        }
    }

    private static string RegionName(RegionDirectiveTriviaSyntax region) =>
        string.Concat(region.EndOfDirectiveToken.LeadingTrivia.Where(t => t.IsKind(SyntaxKind.PreprocessingMessageTrivia)).Select(t => t.ToString()));
}
