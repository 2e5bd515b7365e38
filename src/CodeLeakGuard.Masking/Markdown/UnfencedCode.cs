using System;
using System.Buffers;
using System.Collections.Generic;
using CodeLeakGuard.Masking.Text;

namespace CodeLeakGuard.Masking.Markdown;

/// <summary>
/// Finds C# written without a fence in a run of prose: a file an assistant's tool read (plain, or numbered as
/// <c>cat -n</c> and coding agents print it: <c>     12→</c> or <c>     12&lt;tab&gt;</c> before each line), a snippet
/// pasted into a message, an edit's old and new text. Such code is masked as code (every name that is not a
/// framework name), not word by word as prose, which keeps a namespace like <c>Contoso.Billing</c> or a type like
/// <c>Invoice</c>. Decided by lines: a run of lines that end like statements or open and close blocks, with at least
/// two such lines (or one, if it is all of the text and does not read as a sentence). Other C-family code (Java,
/// JavaScript) is masked as C# too: by name, the safe side. JSON (mostly quoted keys) is left to the prose masking.
/// </summary>
internal static class UnfencedCode
{
    private static readonly string[] LineStartKeywords =
    {
        "public", "private", "protected", "internal", "static", "sealed", "abstract", "partial", "readonly", "override", "virtual", "async",
        "class", "interface", "struct", "record", "enum", "namespace", "using", "var", "return", "if", "else", "for", "foreach", "while",
        "do", "switch", "case", "default", "try", "catch", "finally", "throw", "await", "new", "get", "set", "init", "yield", "break",
        "continue", "const", "void", "where", "base", "this",
    };

    private static readonly string[] Directives = { "#region", "#endregion", "#if", "#elif", "#else", "#endif", "#pragma", "#nullable", "#define", "#undef" };

    // The lines of a patch's envelope in the format Codex's apply_patch tool takes: words of the format, not code.
    private static readonly string[] PatchEnvelopeLines =
    {
        "*** Begin Patch", "*** End Patch", "*** Add File: ", "*** Update File: ", "*** Delete File: ", "*** Move to: ", "*** End of File",
    };

    private static readonly char[] StatementEnds = { ';', '{', '}' };

    private static readonly char[] BraceChars = { '{', '}' };

    private enum Kind
    {
        Blank,
        Prose,
        Weak,
        Strong,
    }

    private const int MaxKeptLines = 16 * 1024;

    [ThreadStatic]
    private static List<Line>? _lines;

    /// <summary>Whether <paramref name="text"/> may hold unfenced code at all (a quick test before lexing it ahead).</summary>
    public static bool MayHold(string text) => text.IndexOfAny(StatementEnds) >= 0;

    /// <summary>Adds the segments of the prose <c>text[start..end)</c>: prose, and C# where a run of lines reads as code.</summary>
    public static void Split(string text, int start, int end, List<MarkdownSegment> into)
    {
        // Reused per thread: a coding agent's request has thousands of lines, and growing a new list each time cost
        // as much as reading the lines.
        var lines = _lines ??= new List<Line>();
        lines.Clear();
        for (var position = start; position < end;)
        {
            var newline = text.IndexOf('\n', position, end - position);
            var line = Line.Read(text, position, newline < 0 ? end : newline + 1);
            lines.Add(line);
            position = line.End;
        }

        var proseStart = start;
        for (var first = 0; first < lines.Count; first++)
        {
            if (lines[first].Kind is not (Kind.Strong or Kind.Weak))
            {
                continue;
            }

            var last = RunEnd(lines, first, out var strong, out var quotedKeys, out var nonBlank);
            var allOfIt = WhiteSpace.IsBlank(text, start, lines[first].Start) && WhiteSpace.IsBlank(text, lines[last].End, end);
            var isCode = quotedKeys * 2 < nonBlank
                && (strong >= 2 || (strong == 1 && allOfIt && !ReadsAsSentence(text, lines[first].Start, lines[last].End)));
            if (isCode)
            {
                into.Add(new MarkdownSegment(MarkdownSegmentKind.Prose, proseStart, lines[first].Start));
                into.Add(new MarkdownSegment(MarkdownSegmentKind.CSharpCode, lines[first].Start, lines[last].End, numbered: lines[first].Prefix > 0));
                proseStart = lines[last].End;
            }

            first = last;
        }

        into.Add(new MarkdownSegment(MarkdownSegmentKind.Prose, proseStart, end));
        if (lines.Capacity > MaxKeptLines)
        {
            _lines = null; // an exceptionally long text: its list is not kept for the thread's life
        }
    }

    /// <summary>A numbered listing with each line's number blanked out: the same length, so every position still holds, for the lexer and the parser.</summary>
    public static string WithoutLineNumbers(string block)
    {
        var chars = ArrayPool<char>.Shared.Rent(block.Length);
        try
        {
            block.CopyTo(0, chars, 0, block.Length);
            for (var position = 0; position < block.Length;)
            {
                var newline = block.IndexOf('\n', position);
                var end = newline < 0 ? block.Length : newline + 1;
                var prefix = ListingPrefix(block, position, end);
                for (var i = position; i < position + prefix; i++)
                {
                    chars[i] = ' ';
                }

                position = end;
            }

            return new string(chars, 0, block.Length);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    // The last line of the run of code-like lines that starts at `first`: blank lines inside it, prose lines only
    // inside an open block (a wrapped argument, a `case X:`), trailing blank lines left out. A listing's lines all
    // carry a number, or none does.
    private static int RunEnd(List<Line> lines, int first, out int strong, out int quotedKeys, out int nonBlank)
    {
        strong = quotedKeys = nonBlank = 0;
        var numbered = lines[first].Prefix > 0;
        var last = first;
        var depth = 0;
        for (var i = first; i < lines.Count && (lines[i].Prefix > 0) == numbered; i++)
        {
            var line = lines[i];
            if (line.Kind == Kind.Prose && depth <= 0)
            {
                break;
            }

            if (line.Kind != Kind.Blank)
            {
                last = i;
                nonBlank++;
                strong += line.Kind == Kind.Strong ? 1 : 0;
                quotedKeys += line.StartsQuoted ? 1 : 0;
            }

            depth += line.Braces;
        }

        return last;
    }

    // A sentence that happens to end like a statement ("Fix the bug in Foo.Bar();"): three lower-case words in a row,
    // none of them a keyword (`await using var x`), outside quotes.
    private static bool ReadsAsSentence(string text, int start, int end)
    {
        var run = 0;
        var inQuotes = false;
        for (var i = start; i < end; i++)
        {
            var c = text[i];
            if (c == '"')
            {
                inQuotes = !inQuotes;
                run = 0;
            }
            else if (!inQuotes && char.IsLower(c) && (i == start || text[i - 1] == ' '))
            {
                var wordEnd = i;
                while (wordEnd < end && char.IsLower(text[wordEnd]))
                {
                    wordEnd++;
                }

                var isWord = (wordEnd == end || text[wordEnd] == ' ') && !IsKeyword(text, i, wordEnd - i);
                run = isWord ? run + 1 : 0;
                if (run >= 3)
                {
                    return true;
                }

                i = wordEnd - 1;
            }
            else if (c != ' ')
            {
                run = 0;
            }
        }

        return false;
    }

    // A line number as coding agents print file contents: up to eight spaces, digits, then an arrow or a tab.
    private static int ListingPrefix(string text, int start, int end)
    {
        var i = start;
        while (i < end && i - start < 8 && text[i] == ' ')
        {
            i++;
        }

        var digits = i;
        while (i < end && i - digits < 7 && text[i] is >= '0' and <= '9')
        {
            i++;
        }

        return i > digits && i < end && text[i] is '→' or '\t' ? i + 1 - start : 0;
    }

    /// <param name="Prefix">The length of the line number before the content (0: none).</param>
    /// <param name="Braces">Opening minus closing braces on the line.</param>
    /// <param name="StartsQuoted">Starts with a quote, as JSON's keys do.</param>
    private readonly record struct Line(int Start, int End, int Prefix, Kind Kind, int Braces, bool StartsQuoted)
    {
        public static Line Read(string text, int start, int end)
        {
            var prefix = ListingPrefix(text, start, end);
            var (from, to) = WhiteSpace.Trim(text, start + prefix, end);
            // Most lines have no brace: a vectorised search skips them (a coding agent's request has thousands of lines).
            var braces = 0;
            for (var i = IndexOfBrace(text, from, to); i >= 0; i = IndexOfBrace(text, i + 1, to))
            {
                braces += text[i] == '{' ? 1 : -1;
            }

            return new Line(start, end, prefix, from == to ? Kind.Blank : Classify(text, from, to), braces, from < to && text[from] == '"');
        }

        private static int IndexOfBrace(string text, int from, int to) => from < to ? text.IndexOfAny(BraceChars, from, to - from) : -1;

        // Lines are classified where they stand (no string of each line: a long system prompt has thousands).
        private static Kind Classify(string text, int from, int to)
        {
            var first = text[from];
            var last = text[to - 1];
            var length = to - from;
            var closes = length <= 3 && first is ')' or ']' or '}' && (length == 1 || text[from + 1] is ')' or ',');
            if (last is ';' or '{' or '}' || closes || StartsWith(text, from, to, "//") || StartsWith(text, from, to, "/*") || StartsWith(text, from, to, "*/")
                || (first == '#' && StartsWithDirective(text, from, to)))
            {
                return Kind.Strong;
            }

            if ((first == '*' && IsPatchEnvelope(text, from, to)) || (first == '<' && IsLoneTag(text, from, to)) || IsEditMarker(text, from, to))
            {
                return Kind.Prose;
            }

            var continues = last is ',' or '(' or '=' or '>' or '[' || first is '.' or '[' or ')' or '&' or '|' or '?' or ':' or '+' or '*';
            return continues || StartsWithKeyword(text, from, to) ? Kind.Weak : Kind.Prose;
        }

        // <<<<<<< SEARCH, =======, >>>>>>> REPLACE (Aider, Cline) and ------- SEARCH, +++++++ REPLACE (Cline): the markers
        // of an edit's two sides, as conflict markers are written: each side is code of its own.
        private static bool IsEditMarker(string text, int from, int to)
        {
            var marker = text[from];
            if (marker is not ('<' or '=' or '>' or '-' or '+') || to - from < 7)
            {
                return false;
            }

            for (var i = from + 1; i < from + 7; i++)
            {
                if (text[i] != marker)
                {
                    return false;
                }
            }

            return to - from == 7 || text[from + 7] == ' ';
        }

        // <diff>, </path>: a line that is one tag, as agents' tool formats wrap code (Cline's replace_in_file): markup, not code.
        private static bool IsLoneTag(string text, int from, int to)
        {
            var i = from + 1 < to && text[from + 1] == '/' ? from + 2 : from + 1;
            if (i >= to - 1 || !char.IsLetter(text[i]) || text[to - 1] != '>')
            {
                return false;
            }

            while (i < to - 1 && (char.IsLetterOrDigit(text[i]) || text[i] is '_' or '-' or ':'))
            {
                i++;
            }

            return i == to - 1;
        }

        private static bool IsPatchEnvelope(string text, int from, int to)
        {
            foreach (var line in PatchEnvelopeLines)
            {
                if (StartsWith(text, from, to, line.TrimEnd()))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool StartsWithDirective(string text, int from, int to)
        {
            foreach (var directive in Directives)
            {
                if (StartsWith(text, from, to, directive) && (from + directive.Length == to || char.IsWhiteSpace(text[from + directive.Length])))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool StartsWithKeyword(string text, int from, int to)
        {
            var length = 0;
            while (from + length < to && char.IsLetter(text[from + length]))
            {
                length++;
            }

            return (from + length == to || !char.IsLetterOrDigit(text[from + length])) && IsKeyword(text, from, length);
        }
    }

    private static bool StartsWith(string text, int from, int to, string prefix) =>
        to - from >= prefix.Length && string.CompareOrdinal(text, from, prefix, 0, prefix.Length) == 0;

    private static bool IsKeyword(string text, int start, int length)
    {
        foreach (var keyword in LineStartKeywords)
        {
            if (keyword.Length == length && string.CompareOrdinal(text, start, keyword, 0, length) == 0)
            {
                return true;
            }
        }

        return false;
    }
}
