using System.Collections.Generic;

namespace CodeLeakGuard.Masking.CSharp;

/// <summary>
/// Whether interpolated strings in a text nest too deeply for Roslyn: its lexer reads a hole's nested string by
/// recursion without a guard, so about ten thousand nested <c>$"{</c> (40 KB of text) exhausted the stack and ended
/// the process (a stack overflow cannot be caught). Such text must never reach it. The count is generous rather
/// than exact (comments, strings and characters in holes are skipped loosely; every '{' in a raw string's text opens
/// a hole), and iterative, so no input can exhaust the stack here.
/// </summary>
internal static class InterpolationNesting
{
    /// <summary>Far beyond any real code, far below what Roslyn's stack takes on a thread pool thread.</summary>
    public const int Limit = 64;

    private enum Frame
    {
        Text,
        VerbatimText,
        RawText,
        Hole,
    }

    public static bool TooDeep(string text)
    {
        if (text.IndexOf('$') < 0)
        {
            return false;
        }

        var stack = new Stack<(Frame Kind, int Braces)>();
        var strings = 0;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            var inText = stack.Count > 0 && stack.Peek().Kind is Frame.Text or Frame.VerbatimText or Frame.RawText;
            if (inText)
            {
                i = InText(text, i, stack, ref strings);
                continue;
            }

            if (c is '$' || (c == '@' && i + 1 < text.Length && text[i + 1] == '$'))
            {
                var quote = i;
                var verbatim = false;
                while (quote < text.Length && text[quote] is '$' or '@')
                {
                    verbatim |= text[quote] == '@';
                    quote++;
                }

                if (quote < text.Length && text[quote] == '"')
                {
                    var raw = quote + 2 < text.Length && text[quote + 1] == '"' && text[quote + 2] == '"';
                    stack.Push((raw ? Frame.RawText : verbatim ? Frame.VerbatimText : Frame.Text, 0));
                    if (++strings > Limit)
                    {
                        return true;
                    }

                    i = raw ? quote + 3 : quote + 1;
                    continue;
                }

                i = quote;
                continue;
            }

            i = InCode(text, i, stack);
        }

        return false;
    }

    // Code (outside any string, or in a hole): skips literals and comments; braces close a hole.
    private static int InCode(string text, int i, Stack<(Frame Kind, int Braces)> stack)
    {
        var c = text[i];
        var next = i + 1 < text.Length ? text[i + 1] : '\0';
        switch (c)
        {
            case '"':
                return SkipQuoted(text, i + 1, '"');
            case '\'':
                return SkipQuoted(text, i + 1, '\'');
            case '/' when next == '/':
                var lineEnd = text.IndexOf('\n', i);
                return lineEnd < 0 ? text.Length : lineEnd;
            case '/' when next == '*':
                var close = text.IndexOf("*/", i + 2, System.StringComparison.Ordinal);
                return close < 0 ? text.Length : close + 2;
            case '{' when stack.Count > 0:
                var open = stack.Pop();
                stack.Push((open.Kind, open.Braces + 1));
                return i + 1;
            case '}' when stack.Count > 0:
                var hole = stack.Pop();
                if (hole.Braces > 0)
                {
                    stack.Push((hole.Kind, hole.Braces - 1));
                }

                return i + 1; // the hole ends: back in its string's text
            default:
                return i + 1;
        }
    }

    // An interpolated string's text: '{' opens a hole ('{{' is a brace), its closing quote ends it.
    private static int InText(string text, int i, Stack<(Frame Kind, int Braces)> stack, ref int strings)
    {
        var kind = stack.Peek().Kind;
        var c = text[i];
        var next = i + 1 < text.Length ? text[i + 1] : '\0';
        switch (c)
        {
            case '{' when next == '{' && kind != Frame.RawText:
                return i + 2;
            case '{':
                stack.Push((Frame.Hole, 0));
                return i + 1;
            case '\\' when kind == Frame.Text:
                return i + 2;
            case '"' when kind == Frame.VerbatimText && next == '"':
                return i + 2;
            case '"' when kind == Frame.RawText:
                if (i + 2 < text.Length && next == '"' && text[i + 2] == '"')
                {
                    stack.Pop();
                    strings--;
                    return i + 3;
                }

                return i + 1;
            case '"':
                stack.Pop();
                strings--;
                return i + 1;
            default:
                return i + 1;
        }
    }

    // Past a regular literal's closing quote (or its line's end, where an unterminated one stops).
    private static int SkipQuoted(string text, int i, char quote)
    {
        while (i < text.Length && text[i] != quote && text[i] != '\n')
        {
            i += text[i] == '\\' ? 2 : 1;
        }

        return i + 1;
    }
}
