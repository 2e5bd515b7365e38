using System;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace CodeLeakGuard.Masking.CSharp;

/// <summary>
/// A token's trivia as the writer and the secret scans ahead take it: each trivia on its own, except that a run of
/// <c>///</c> lines is one documentation comment. Code is lexed without parsing documentation comments (parsing their
/// XML made lexing documented code about half as slow again), so each such line comes as a comment of its own; taken
/// together they are masked as the parser's single documentation comment would be (a <c>&lt;code&gt;</c> example over
/// several lines stays code throughout). Whitespace and line breaks after such a line are passed over: they are
/// copied through either way (the run takes in its last line break).
/// </summary>
internal readonly struct TriviaRegions
{
    private readonly string _source;
    private readonly ArraySegment<CodeTrivia> _trivia;

    public TriviaRegions(string source, ArraySegment<CodeTrivia> trivia)
    {
        _source = source;
        _trivia = trivia;
    }

    public Enumerator GetEnumerator() => new(_source, _trivia);

    /// <summary>A <c>///</c> line (not <c>////</c>), as a lexer that does not parse documentation comments gives it.</summary>
    public static bool IsDocumentationLine(string source, in CodeTrivia trivia)
    {
        if (trivia.Kind != SyntaxKind.SingleLineCommentTrivia)
        {
            return false;
        }

        var span = trivia.Span;
        return span.Length >= 3 && span.End <= source.Length && string.CompareOrdinal(source, span.Start, "///", 0, 3) == 0
            && (span.Length == 3 || source[span.Start + 3] != '/');
    }

    // Exactly one line break: the next line, with no blank line between. (Only whitespace and line-break trivia lie
    // between, so the rest is indentation, or a listing's line number, which is blanked out for the lexer.)
    private static bool IsNextLine(string source, int end, int start)
    {
        var breaks = 0;
        for (var i = end; i < start; i++)
        {
            if (source[i] == '\n' || (source[i] == '\r' && (i + 1 == start || source[i + 1] != '\n')))
            {
                breaks++;
            }
        }

        return breaks == 1;
    }

    // The line break that ends a run's last line belongs to it, as it does to a parsed documentation comment (so
    // removing the comment removes its line).
    private static int WithLineBreak(string source, int end)
    {
        if (end < source.Length && source[end] == '\r')
        {
            end++;
        }

        return end < source.Length && source[end] == '\n' ? end + 1 : end;
    }

    /// <summary>`/** ... */`, lexed as a plain comment when documentation comments are not parsed (as the parser tells them: not `/**/`, not `/***`).</summary>
    public static bool IsDelimitedDocumentation(string source, TextSpan span) =>
        span.Length >= 5 && span.End <= source.Length && string.CompareOrdinal(source, span.Start, "/**", 0, 3) == 0 && source[span.Start + 3] is not ('*' or '/');

    /// <summary>One trivia (<see cref="Trivia"/>), or a run of <c>///</c> lines from <see cref="Start"/> to <see cref="End"/>.</summary>
    public readonly record struct Region(CodeTrivia Trivia, int Start, int End, bool IsDocumentation)
    {
        /// <summary>The trivia's kind; a run of <c>///</c> lines is the documentation comment a parser would have made of it.</summary>
        public SyntaxKind Kind => IsDocumentation ? SyntaxKind.SingleLineDocumentationCommentTrivia : Trivia.Kind;

        public TextSpan Span => TextSpan.FromBounds(Start, End);
    }

    public struct Enumerator
    {
        private readonly string _source;
        private readonly ArraySegment<CodeTrivia> _trivia;
        private int _next;
        private CodeTrivia _held; // read past the end of a run, given next
        private bool _hasHeld;
        private int _runStart;
        private int _runEnd;

        public Enumerator(string source, ArraySegment<CodeTrivia> trivia)
        {
            _source = source;
            _trivia = trivia;
            _next = 0;
            _held = default;
            _hasHeld = false;
            _runStart = -1;
            _runEnd = -1;
            Current = default;
        }

        public Region Current { get; private set; }

        public bool MoveNext()
        {
            while (_hasHeld || _next < _trivia.Count)
            {
                var trivia = _hasHeld ? _held : _trivia.Array![_trivia.Offset + _next++];
                _hasHeld = false;
                if (IsDocumentationLine(_source, trivia))
                {
                    var span = trivia.Span;
                    if (_runStart < 0)
                    {
                        (_runStart, _runEnd) = (span.Start, span.End);
                        continue;
                    }

                    if (IsNextLine(_source, _runEnd, span.Start))
                    {
                        _runEnd = span.End;
                        continue;
                    }
                }
                else if (_runStart >= 0 && trivia.Kind is SyntaxKind.WhitespaceTrivia or SyntaxKind.EndOfLineTrivia)
                {
                    continue;
                }

                if (_runStart >= 0)
                {
                    (_held, _hasHeld) = (trivia, true);
                    return EndRun();
                }

                Current = new Region(trivia, trivia.FullStart, trivia.FullEnd, IsDocumentation: false);
                return true;
            }

            return _runStart >= 0 && EndRun();
        }

        private bool EndRun()
        {
            Current = new Region(default, _runStart, WithLineBreak(_source, _runEnd), IsDocumentation: true);
            _runStart = _runEnd = -1;
            return true;
        }
    }
}
