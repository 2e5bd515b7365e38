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
    /// <param name="lexed">This text's code blocks already lexed (<see cref="Lex"/>, e.g. on another thread), or null.</param>
    public static string Mask(MaskContext context, string text, LexedMarkdown? lexed = null)
    {
        lexed ??= Lex(context.Options.ParseOptions, text);
        var prepared = new Dictionary<int, PreparedCSharp>();
        try
        {
            foreach (var pair in lexed.Code)
            {
                prepared[pair.Key] = CSharpMasker.Decide(context, pair.Value, path: null);
            }

            return Write(context, text, lexed.Segments, prepared);
        }
        finally
        {
            foreach (var code in lexed.Code.Values)
            {
                TokenListPool.Return(code.Tokens);
            }
        }
    }

    /// <summary>Splits <paramref name="text"/> and lexes its C# blocks: no session state, so any thread may do it.</summary>
    public static LexedMarkdown Lex(Microsoft.CodeAnalysis.CSharp.CSharpParseOptions options, string text)
    {
        var segments = MarkdownSegmenter.Split(text);
        var code = new Dictionary<int, LexedCSharp>();
        for (var i = 0; i < segments.Count; i++)
        {
            if (segments[i].Kind == MarkdownSegmentKind.CSharpCode)
            {
                var block = text.Substring(segments[i].Start, segments[i].End - segments[i].Start);
                code[i] = CSharpMasker.Lex(options, block, TokenListPool.Rent());
            }
        }

        return new LexedMarkdown(text, segments, code);
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

/// <summary>A Markdown text split into segments, with its C# blocks lexed (by segment index).</summary>
internal sealed class LexedMarkdown
{
    public LexedMarkdown(string text, List<MarkdownSegment> segments, Dictionary<int, LexedCSharp> code)
    {
        Text = text;
        Segments = segments;
        Code = code;
    }

    public string Text { get; }

    public List<MarkdownSegment> Segments { get; }

    public Dictionary<int, LexedCSharp> Code { get; }
}
