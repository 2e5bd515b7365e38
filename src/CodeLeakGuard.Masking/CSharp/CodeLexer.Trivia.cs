using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis.CSharp;

namespace CodeLeakGuard.Masking.CSharp;

// Trivia: whitespace, line breaks and comments, before a token and after it to its line's end.
internal sealed partial class CodeLexer
{
    // Whitespace, line breaks and comments before a token. A directive or conflict marker is left to Roslyn.
    private bool LeadingTrivia()
    {
        _leading.Clear();
        while (_position < _text.Length && _leading.Count < MaxTriviaPerSide)
        {
            var c = _text[_position];
            if (IsSpace(c))
            {
                Whitespace(_leading);
            }
            else if (c is '\r' or '\n')
            {
                EndOfLine(_leading);
            }
            else if (c == '/' && Peek(1) is '/' or '*')
            {
                if (!Comment(_leading))
                {
                    return false;
                }
            }
            else if (c == '#')
            {
                if (!Directive(_leading))
                {
                    return false;
                }
            }
            else if (IsLineStart(_position) && IsConflictMarker())
            {
                return false;
            }
            else
            {
                return true;
            }
        }

        return _leading.Count < MaxTriviaPerSide;
    }

    // Whitespace and comments after a token, up to and with the end of its line.
    private bool TrailingTrivia()
    {
        _trailing.Clear();
        while (_position < _text.Length && _trailing.Count < MaxTriviaPerSide)
        {
            var c = _text[_position];
            if (IsSpace(c))
            {
                Whitespace(_trailing);
            }
            else if (c is '\r' or '\n')
            {
                EndOfLine(_trailing);
                return true;
            }
            else if (c == '/' && Peek(1) is '/' or '*')
            {
                if (!Comment(_trailing))
                {
                    return false;
                }
            }
            else
            {
                return true;
            }
        }

        return _trailing.Count < MaxTriviaPerSide;
    }

    private void Whitespace(List<CodeTrivia> trivia)
    {
        var start = _position;
        while (_position < _text.Length && IsSpace(_text[_position]))
        {
            _position++;
        }

        trivia.Add(new CodeTrivia(SyntaxKind.WhitespaceTrivia, start, start, _position, _position));
    }

    private void EndOfLine(List<CodeTrivia> trivia)
    {
        var start = _position;
        _position += _text[_position] == '\r' && Peek(1) == '\n' ? 2 : 1;
        trivia.Add(new CodeTrivia(SyntaxKind.EndOfLineTrivia, start, start, _position, _position));
    }

    // `// ...` to the end of the line; `/* ... */` (an unterminated one is left to Roslyn).
    private bool Comment(List<CodeTrivia> trivia)
    {
        var start = _position;
        if (Peek(1) == '/')
        {
            while (_position < _text.Length && _text[_position] is not ('\r' or '\n'))
            {
                _position++;
            }

            trivia.Add(new CodeTrivia(SyntaxKind.SingleLineCommentTrivia, start, start, _position, _position));
            return true;
        }

        var close = _text.IndexOf("*/", _position + 2, StringComparison.Ordinal);
        if (close < 0)
        {
            return false;
        }

        _position = close + 2;
        trivia.Add(new CodeTrivia(SyntaxKind.MultiLineCommentTrivia, start, start, _position, _position));
        return true;
    }

    // Whitespace trivia's characters (line breaks are end-of-line trivia).
    private static bool IsSpace(char c) => c is ' ' or '\t' or '\v' or '\f';

    private bool IsLineStart(int position) => position == 0 || _text[position - 1] is '\r' or '\n';

    // Seven of '<', '=', '|' or '>' at a line's start: a merge conflict's marker, which Roslyn reads as trivia.
    private bool IsConflictMarker()
    {
        var c = _text[_position];
        if (c is not ('<' or '=' or '|' or '>'))
        {
            return false;
        }

        for (var i = 1; i < 7; i++)
        {
            if (Peek(i) != c)
            {
                return false;
            }
        }

        return true;
    }
}
