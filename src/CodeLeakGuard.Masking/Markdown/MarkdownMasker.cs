using System.Collections.Generic;
using CodeLeakGuard.Masking.CSharp;
using CodeLeakGuard.Masking.Proprietary;
using CodeLeakGuard.Masking.Session;
using CodeLeakGuard.Masking.Text;
using CodeLeakGuard.Secrets;

namespace CodeLeakGuard.Masking.Markdown;

/// <summary>
/// Masks a chat prompt or answer: C# blocks as code, first (so the names they declare are known when the prose
/// around them mentions them), then prose word by word, inline code (<c>`InvoiceSplitter`</c>) as code-like words,
/// other blocks word by word. Secrets everywhere.
/// </summary>
internal static class MarkdownMasker
{
    /// <param name="lexed">This text's code blocks already lexed (<see cref="Lex"/>, e.g. on another thread), or null.</param>
    /// <param name="path">
    /// The file the text holds, when known (a coding agent's tool read it): under a <c>proprietary path</c> rule its
    /// code is sent as stubs and everything else in it is withheld.
    /// </param>
    public static string Mask(MaskContext context, string text, LexedMarkdown? lexed = null, string? path = null)
    {
        lexed ??= Lex(context.Options.ParseOptions, context.Scanner, text);
        var prepared = new Dictionary<int, PreparedCSharp>();
        var proprietaryPath = ProprietaryPaths.Covering(context.Options.Policy, path);
        context.Prescanned = lexed.Prescanned;
        try
        {
            foreach (var pair in lexed.Code)
            {
                prepared[pair.Key] = CSharpMasker.Decide(context, pair.Value, proprietaryPath);
            }

            return Write(context, text, lexed.Segments, prepared, withholdText: proprietaryPath is not null);
        }
        finally
        {
            context.Prescanned = null;
            foreach (var code in lexed.Code.Values)
            {
                TokenListPool.Return(code.Tokens);
            }
        }
    }

    /// <summary>
    /// Splits <paramref name="text"/>, lexes its C# blocks and scans for secrets the regions that will be masked as
    /// text: no session state, so any thread may do it.
    /// </summary>
    /// <param name="tags">The session's tag words: given, the numbers written after them are found here too (see <see cref="LexedMarkdown.InputNumbers"/>).</param>
    public static LexedMarkdown Lex(Microsoft.CodeAnalysis.CSharp.CSharpParseOptions options, SecretScanner scanner, string text, TagWords? tags = null)
    {
        var segments = MarkdownSegmenter.Split(text);
        var code = new Dictionary<int, LexedCSharp>();
        var prescan = new PrescannedSecrets(scanner);
        List<(int Start, int End, WordMode Mode)>? regions = null;
        for (var i = 0; i < segments.Count; i++)
        {
            var segment = segments[i];
            switch (segment.Kind)
            {
                case MarkdownSegmentKind.CSharpCode:
                    var block = text.Substring(segment.Start, segment.End - segment.Start);
                    var lexable = segment.Numbered ? UnfencedCode.WithoutLineNumbers(block) : block;
                    code[i] = CSharpMasker.Lex(options, lexable, TokenListPool.Rent(), prescan: prescan, written: block);
                    break;
                case MarkdownSegmentKind.OtherCode:
                    prescan.Add(text, segment.Start, segment.End);
                    break;
                default:
                    ProseRegions(text, segment.Start, segment.End, regions ??= new List<(int Start, int End, WordMode Mode)>());
                    foreach (var region in regions)
                    {
                        prescan.Add(text, region.Start, region.End);
                    }

                    break;
            }
        }

        return new LexedMarkdown(text, segments, code, prescan) { InputNumbers = tags?.NumbersIn(text) };
    }

    private static string Write(MaskContext context, string text, List<MarkdownSegment> segments, Dictionary<int, PreparedCSharp> prepared, bool withholdText)
    {
        var output = new MaskedText(text, 0, text.Length);
        var sink = new SourceSink(context, output);
        List<(int Start, int End, WordMode Mode)>? regions = null;
        for (var i = 0; i < segments.Count; i++)
        {
            var segment = segments[i];
            if (withholdText && segment.Kind != MarkdownSegmentKind.CSharpCode)
            {
                ProprietaryPlanner.WithholdText(context, output, segment.Start, segment.End);
                continue;
            }

            switch (segment.Kind)
            {
                case MarkdownSegmentKind.CSharpCode:
                    var masked = CSharpMasker.EmitText(context, prepared[i]);
                    if (masked.Changed)
                    {
                        output.Replace(segment.Start, segment.End, masked);
                    }
                    else
                    {
                        masked.Discard();
                    }

                    break;
                case MarkdownSegmentKind.OtherCode:
                    RegionMasker.Mask(context, text, segment.Start, segment.End, WordMode.Prose, sink);
                    break;
                default:
                    ProseRegions(text, segment.Start, segment.End, regions ??= new List<(int Start, int End, WordMode Mode)>());
                    foreach (var region in regions)
                    {
                        RegionMasker.Mask(context, text, region.Start, region.End, region.Mode, sink);
                    }

                    break;
            }
        }

        return output.ToString();
    }

    // Prose with `inline code` spans: a span opens with a run of backticks and closes with a run of the same length.
    // The regions, in order: prose (up to and with the opening backticks), the span's inside as inline code, ...
    private static void ProseRegions(string text, int start, int end, List<(int Start, int End, WordMode Mode)> regions)
    {
        regions.Clear();
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

            regions.Add((position, i + ticks, WordMode.Prose));
            regions.Add((i + ticks, close, WordMode.InlineCode));
            position = close;
            i = close + ticks;
        }

        regions.Add((position, end, WordMode.Prose));
    }

    // A run of three or more backticks is a fence someone wrote inside a line ("eg: ```python", as Aider's rules
    // describe its edit format): not an inline span that goes on over the next lines, masking them as code.
    private static int FindClosing(string text, int start, int end, int ticks)
    {
        for (var i = start; i < end; i++)
        {
            if (text[i] == '\n' && ticks >= 3)
            {
                return -1;
            }

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
    public LexedMarkdown(string text, List<MarkdownSegment> segments, Dictionary<int, LexedCSharp> code, PrescannedSecrets prescanned)
    {
        Text = text;
        Segments = segments;
        Code = code;
        Prescanned = prescanned;
    }

    /// <summary>The secret scans of the regions that will be masked as text.</summary>
    public PrescannedSecrets Prescanned { get; }

    /// <summary>The numbers the text writes after tag words (<c>Class7</c>), for the session to reserve; null when not looked for.</summary>
    public IReadOnlyList<int>? InputNumbers { get; init; }

    public string Text { get; }

    public List<MarkdownSegment> Segments { get; }

    public Dictionary<int, LexedCSharp> Code { get; }
}
