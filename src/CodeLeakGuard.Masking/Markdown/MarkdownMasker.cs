using System.Collections.Generic;
using CodeLeakGuard.Masking.CSharp;
using CodeLeakGuard.Masking.Text;

namespace CodeLeakGuard.Masking.Markdown;

/// <summary>
/// Masks a chat prompt or answer: C# blocks as code, first (so the names they declare are known when the prose
/// around them mentions them), then prose word by word, inline code (<c>`InvoiceSplitter`</c>) as code-like words,
/// other blocks word by word. Secrets everywhere.
/// </summary>
internal static class MarkdownMasker
{
    public static string Mask(MaskContext context, string text)
    {
        var segments = MarkdownSegmenter.Split(text);
        var prepared = new Dictionary<int, PreparedCSharp>();
        try
        {
            for (var i = 0; i < segments.Count; i++)
            {
                if (segments[i].Kind == MarkdownSegmentKind.CSharpCode)
                {
                    var code = text.Substring(segments[i].Start, segments[i].End - segments[i].Start);
                    prepared[i] = CSharpMasker.Prepare(context, code, path: null, tokens: CSharpMasker.RentTokenList());
                }
            }

            return Write(context, text, segments, prepared);
        }
        finally
        {
            foreach (var code in prepared.Values)
            {
                CSharpMasker.ReturnTokenList(code.Tokens);
            }
        }
    }

    private static string Write(MaskContext context, string text, List<MarkdownSegment> segments, Dictionary<int, PreparedCSharp> prepared)
    {
        var output = new MaskedText(text, 0, text.Length);
        var sink = new SourceSink(context, output);
        for (var i = 0; i < segments.Count; i++)
        {
            var segment = segments[i];
            switch (segment.Kind)
            {
                case MarkdownSegmentKind.CSharpCode:
                    var masked = CSharpMasker.Emit(context, prepared[i]);
                    if (!string.Equals(masked, prepared[i].Text, System.StringComparison.Ordinal))
                    {
                        output.Replace(segment.Start, segment.End, masked);
                    }

                    break;
                case MarkdownSegmentKind.OtherCode:
                    RegionMasker.Mask(context, text, segment.Start, segment.End, WordMode.Prose, sink);
                    break;
                default:
                    Prose(context, text, segment.Start, segment.End, sink);
                    break;
            }
        }

        return output.ToString();
    }

    // Prose with `inline code` spans: a span opens with a run of backticks and closes with a run of the same length.
    private static void Prose(MaskContext context, string text, int start, int end, IRegionSink sink)
    {
        var position = start;
        var i = start;
        while (i < end)
        {
            if (text[i] != '`')
            {
                i++;
                continue;
            }

            var ticks = 0;
            while (i + ticks < end && text[i + ticks] == '`')
            {
                ticks++;
            }

            var close = FindClosing(text, i + ticks, end, ticks);
            if (close < 0)
            {
                i += ticks;
                continue;
            }

            RegionMasker.Mask(context, text, position, i + ticks, WordMode.Prose, sink);
            RegionMasker.Mask(context, text, i + ticks, close, WordMode.InlineCode, sink);
            position = close;
            i = close + ticks;
        }

        RegionMasker.Mask(context, text, position, end, WordMode.Prose, sink);
    }

    private static int FindClosing(string text, int start, int end, int ticks)
    {
        for (var i = start; i < end; i++)
        {
            if (text[i] != '`')
            {
                continue;
            }

            var run = 0;
            while (i + run < end && text[i + run] == '`')
            {
                run++;
            }

            if (run == ticks)
            {
                return i;
            }

            i += run - 1;
        }

        return -1;
    }
}
