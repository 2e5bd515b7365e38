using CodeLeakGuard.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace CodeLeakGuard.Masking.CSharp;

// Interpolated strings: one token to the lexer, the parser's tokens of it to the masker.
internal sealed partial class CodeLexer
{
    // $"...", $@"...", @$"...": one token, holes and all, as Roslyn's lexer gives it. Read into the tokens its parser
    // makes (and dropped): one reading of holes for both, so the token ends exactly where the parser's tokens do.
    private bool InterpolatedString()
    {
        var mark = _tokens.Count;
        var read = Interpolation();
        _tokens.Truncate(mark);
        return read && !FollowedByUnhandledNamePart() && Peek(0) is not ('u' or 'U');
    }

    // $", $@" or @$" (not raw, and not $$, which only raw strings take): past the quote, false for anything else.
    private bool InterpolatedPrefix(out bool verbatim)
    {
        var start = _position;
        var dollars = 0;
        verbatim = false;
        while (Peek(0) is '$' or '@')
        {
            verbatim |= Peek(0) == '@';
            dollars += Peek(0) == '$' ? 1 : 0;
            _position++;
        }

        if (Peek(0) != '"' || (Peek(1) == '"' && Peek(2) == '"') || dollars != 1 || _position - start > 2)
        {
            return false;
        }

        _position++;
        return true;
    }

    // The parser's tokens of the interpolated string at the position (see TryLexInterpolated).
    private bool Interpolation()
    {
        if (++_nesting > MaxNesting)
        {
            return false;
        }

        var read = ReadInterpolation();
        _nesting--;
        return read;
    }

    private bool ReadInterpolation()
    {
        var start = _position;
        if (!InterpolatedPrefix(out var verbatim))
        {
            return false;
        }

        var style = verbatim ? CSharpStringStyle.Verbatim : CSharpStringStyle.Regular;
        AddBare(verbatim ? SyntaxKind.InterpolatedVerbatimStringStartToken : SyntaxKind.InterpolatedStringStartToken, start, _position);
        while (true)
        {
            var textStart = _position;
            if (!InterpolatedText(verbatim))
            {
                return false;
            }

            if (_position > textStart)
            {
                AddBare(SyntaxKind.InterpolatedStringTextToken, textStart, _position, style);
            }

            if (Peek(0) == '"')
            {
                AddBare(SyntaxKind.InterpolatedStringEndToken, _position, ++_position);
                return true;
            }

            AddBare(SyntaxKind.OpenBraceToken, _position, ++_position);
            if (!HoleTokens(verbatim, style))
            {
                return false;
            }
        }
    }

    // An interpolated string's text up to a hole's '{' or the closing quote (false at the end of the text, a lone '}',
    // a bad escape, or a line break in a regular string).
    private bool InterpolatedText(bool verbatim)
    {
        while (_position < _text.Length)
        {
            var c = _text[_position];
            switch (c)
            {
                case '"' when verbatim && Peek(1) == '"':
                case '{' when Peek(1) == '{':
                case '}' when Peek(1) == '}':
                    _position += 2;
                    break;
                case '"' or '{':
                    return true;
                case '}':
                    return false;
                case '\\' when !verbatim:
                    if (!Escape())
                    {
                        return false;
                    }

                    break;
                case '\r' or '\n' when !verbatim:
                    return false;
                default:
                    _position++;
                    break;
            }
        }

        return false;
    }

    // A hole's tokens after its '{', through its '}': code, then an optional format after a top-level ':'.
    private bool HoleTokens(bool verbatim, CSharpStringStyle style)
    {
        var depth = 0;
        while (true)
        {
            while (Peek(0) is ' ' or '\t' || (verbatim && Peek(0) is '\r' or '\n'))
            {
                _position++;
            }

            var c = Peek(0);
            if (c == '}' && depth == 0)
            {
                AddBare(SyntaxKind.CloseBraceToken, _position, ++_position);
                return true;
            }

            if (c == ':' && depth == 0)
            {
                if (Peek(1) == ':')
                {
                    return false;
                }

                AddBare(SyntaxKind.ColonToken, _position, ++_position);
                var formatStart = _position;
                if (!Format(verbatim))
                {
                    return false;
                }

                // The format is a text token, empty too (`{x:}`), as the parser makes it.
                AddBare(SyntaxKind.InterpolatedStringTextToken, formatStart, _position, style);
                AddBare(SyntaxKind.CloseBraceToken, _position, ++_position);
                return true;
            }

            if (_position >= _text.Length || c is '\r' or '\n' || (c == '/' && Peek(1) is '/' or '*'))
            {
                return false;
            }

            var tokenStart = _position;
            if (c is '$' || (c == '@' && Peek(1) == '$'))
            {
                if (!Interpolation())
                {
                    return false;
                }

                continue;
            }

            // A '?' at the top of a hole is a conditional whose ':' would start the format (an error): only `?.` is
            // read there. `::` and `>>` are tokens only the parser makes.
            if (!Token(out var kind) || kind == SyntaxKind.ColonColonToken || (kind == SyntaxKind.GreaterThanToken && Peek(0) == '>')
                || (kind == SyntaxKind.QuestionToken && depth == 0 && !(Peek(0) == '.' && Peek(1) is not (>= '0' and <= '9'))))
            {
                return false;
            }

            depth += kind is SyntaxKind.OpenParenToken or SyntaxKind.OpenBracketToken or SyntaxKind.OpenBraceToken ? 1
                : kind is SyntaxKind.CloseParenToken or SyntaxKind.CloseBracketToken or SyntaxKind.CloseBraceToken ? -1 : 0;
            if (depth < 0)
            {
                return false;
            }

            AddBare(kind, tokenStart, _position);
        }
    }

    // A token of an interpolated string (or of one of its holes) at text[start..end), without trivia; a text part
    // carries the style of the string it is in.
    private void AddBare(SyntaxKind kind, int start, int end, CSharpStringStyle style = CSharpStringStyle.Regular) =>
        _tokens.Add(new CodeToken(kind, start, start, end, end, _tokens.TriviaCount, 0, 0, containsDiagnostics: false, style));

    // The format after a hole's ':' up to (not past) its closing brace (no quote or brace inside, no line break in a
    // regular string).
    private bool Format(bool verbatim)
    {
        while (_position < _text.Length)
        {
            var c = _text[_position];
            if (c == '}')
            {
                return true;
            }

            if (c is '"' or '{' or '\\' || (!verbatim && c is '\r' or '\n'))
            {
                return false;
            }

            _position++;
        }

        return false;
    }
}
