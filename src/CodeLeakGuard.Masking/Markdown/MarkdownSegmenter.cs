using System;
using System.Collections.Generic;

namespace CodeLeakGuard.Masking.Markdown;

/// <summary>
/// Splits Markdown into prose and fenced code blocks (<c>```</c> or <c>~~~</c>, up to three spaces of indent, closed
/// by a fence of the same character at least as long; an unclosed block runs to the end, as CommonMark has it).
/// Blocks labelled C# or not labelled at all are C# code; other languages are masked word by word. Between fences,
/// C# written without one is found by <see cref="UnfencedCode"/>.
/// </summary>
internal static class MarkdownSegmenter
{
    private static readonly HashSet<string> CSharpLabels = new(StringComparer.OrdinalIgnoreCase) { "", "csharp", "cs", "c#", "c-sharp", "cake", "csx" };

    /// <summary>Whether <paramref name="text"/> can hold code at all, fenced or not (a quick test before lexing it ahead).</summary>
    public static bool MayHoldCode(string text) =>
        text.IndexOf("```", StringComparison.Ordinal) >= 0 || text.IndexOf("~~~", StringComparison.Ordinal) >= 0 || UnfencedCode.MayHold(text);

    public static List<MarkdownSegment> Split(string text)
    {
        var segments = new List<MarkdownSegment>();
        var proseStart = 0;
        var position = 0;
        while (position < text.Length)
        {
            var lineEnd = LineEnd(text, position);
            if (!IsFence(text, position, lineEnd, out var fenceChar, out var fenceLength, out var label))
            {
                position = lineEnd;
                continue;
            }

            var contentStart = lineEnd;
            var contentEnd = text.Length;
            var next = text.Length;
            for (var line = contentStart; line < text.Length; line = LineEnd(text, line))
            {
                var end = LineEnd(text, line);
                if (IsClosingFence(text, line, end, fenceChar, fenceLength))
                {
                    contentEnd = line;
                    next = end;
                    break;
                }
            }

            UnfencedCode.Split(text, proseStart, contentStart, segments);
            segments.Add(new MarkdownSegment(CSharpLabels.Contains(label) ? MarkdownSegmentKind.CSharpCode : MarkdownSegmentKind.OtherCode, contentStart, contentEnd));
            proseStart = contentEnd;
            position = next;
        }

        UnfencedCode.Split(text, proseStart, text.Length, segments);
        segments.RemoveAll(s => s.End <= s.Start);
        return segments;
    }

    private static int LineEnd(string text, int start)
    {
        var newline = text.IndexOf('\n', start);
        return newline < 0 ? text.Length : newline + 1;
    }

    private static bool IsFence(string text, int start, int end, out char fenceChar, out int length, out string label)
    {
        fenceChar = '\0';
        length = 0;
        label = string.Empty;
        var i = SkipIndent(text, start, end);
        if (i < 0 || i >= end || text[i] is not ('`' or '~'))
        {
            return false;
        }

        fenceChar = text[i];
        while (i + length < end && text[i + length] == fenceChar)
        {
            length++;
        }

        if (length < 3)
        {
            return false;
        }

        var info = text.Substring(i + length, end - i - length).Trim();
        if (fenceChar == '`' && info.IndexOf('`') >= 0)
        {
            return false;
        }

        var space = info.IndexOfAny(new[] { ' ', '\t', '{', ',' });
        label = (space < 0 ? info : info.Substring(0, space)).Trim();
        return true;
    }

    private static bool IsClosingFence(string text, int start, int end, char fenceChar, int minimum)
    {
        var i = SkipIndent(text, start, end);
        if (i < 0)
        {
            return false;
        }

        var length = 0;
        while (i + length < end && text[i + length] == fenceChar)
        {
            length++;
        }

        return length >= minimum && text.Substring(i + length, end - i - length).Trim().Length == 0;
    }

    private static int SkipIndent(string text, int start, int end)
    {
        var i = start;
        while (i < end && i - start < 4 && text[i] == ' ')
        {
            i++;
        }

        return i - start <= 3 ? i : -1;
    }
}
