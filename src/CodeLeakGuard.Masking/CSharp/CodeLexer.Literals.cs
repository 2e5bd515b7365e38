using System;
using Microsoft.CodeAnalysis.CSharp;

namespace CodeLeakGuard.Masking.CSharp;

// Strings, characters and numbers, read exactly as Roslyn reads them or left to it.
internal sealed partial class CodeLexer
{
    // "...", with escapes; an optional u8 suffix. Unterminated strings and unknown escapes (errors) are left to Roslyn.
    private bool RegularString(out SyntaxKind kind)
    {
        kind = SyntaxKind.StringLiteralToken;
        _position++;
        while (true)
        {
            if (_position >= _text.Length)
            {
                return false;
            }

            var c = _text[_position];
            if (c == '"')
            {
                _position++;
                break;
            }

            if (c is '\r' or '\n' || (c == '\\' && !Escape()))
            {
                return false;
            }

            if (c != '\\')
            {
                _position++;
            }
        }

        return Utf8Suffix(ref kind);
    }

    // @"...", "" for a quote, over any number of lines (at the '"'); an optional u8 suffix.
    private bool VerbatimString(out SyntaxKind kind)
    {
        kind = SyntaxKind.StringLiteralToken;
        _position++;
        while (true)
        {
            var quote = _text.IndexOf('"', _position);
            if (quote < 0)
            {
                return false;
            }

            _position = quote + 1;
            if (Peek(0) != '"')
            {
                break;
            }

            _position++;
        }

        return Utf8Suffix(ref kind);
    }

    // After a string's closing quote: an optional u8 suffix (a UTF-8 string), and no name run into it.
    private bool Utf8Suffix(ref SyntaxKind kind)
    {
        if (Peek(0) is 'u' or 'U' && Peek(1) == '8')
        {
            _position += 2;
            kind = SyntaxKind.Utf8StringLiteralToken;
        }

        return !FollowedByUnhandledNamePart();
    }

    // 'x', '\n', '\u0041': anything else (empty, unterminated, more than one character) is left to Roslyn.
    private bool CharacterLiteral()
    {
        _position++;
        var c = Peek(0);
        if (c is '\'' or '\r' or '\n' or '\0' || _position >= _text.Length)
        {
            return false;
        }

        if (c == '\\')
        {
            if (!Escape())
            {
                return false;
            }
        }
        else
        {
            if (char.IsSurrogate(c))
            {
                return false;
            }

            _position++;
        }

        if (Peek(0) != '\'')
        {
            return false;
        }

        _position++;
        return true;
    }

    // One escape sequence at a backslash, as C# knows them; false for any other (an error Roslyn reports).
    private bool Escape()
    {
        var next = Peek(1);
        switch (next)
        {
            case '\'' or '"' or '\\' or '0' or 'a' or 'b' or 'f' or 'n' or 'r' or 't' or 'v':
                _position += 2;
                return true;
            case 'u':
                return HexDigits(4, 4);
            case 'U':
                return HexDigits(8, 8) && ValidLongEscape();
            case 'x':
                return HexDigits(1, 4);
            default:
                return false;
        }
    }

    private bool HexDigits(int minimum, int maximum)
    {
        var i = _position + 2;
        var count = 0;
        while (count < maximum && i < _text.Length && Uri.IsHexDigit(_text[i]))
        {
            i++;
            count++;
        }

        if (count < minimum)
        {
            return false;
        }

        _position = i;
        return true;
    }

    // \U0010FFFF at most; checked after the eight digits were read.
    private bool ValidLongEscape() => uint.Parse(_text.Substring(_position - 8, 8), System.Globalization.NumberStyles.HexNumber) <= 0x10FFFF;

    // Decimal, hexadecimal and binary integers, reals with a fraction or exponent, and their suffixes.
    private bool Number()
    {
        if (Peek(0) == '0' && Peek(1) is 'x' or 'X' or 'b' or 'B')
        {
            var hex = Peek(1) is 'x' or 'X';
            _position += 2;
            var digits = 0;
            while (_position < _text.Length && (hex ? Uri.IsHexDigit(_text[_position]) : _text[_position] is '0' or '1') || Peek(0) == '_')
            {
                digits += Peek(0) == '_' ? 0 : 1;
                _position++;
            }

            if (digits == 0)
            {
                return false;
            }

            IntegerSuffix();
            return !FollowedByNamePart();
        }

        Digits();
        var real = false;
        if (Peek(0) == '.' && Peek(1) is >= '0' and <= '9')
        {
            _position++;
            Digits();
            real = true;
        }

        if (Peek(0) is 'e' or 'E' && (Peek(1) is >= '0' and <= '9' || (Peek(1) is '+' or '-' && Peek(2) is >= '0' and <= '9')))
        {
            _position += Peek(1) is '+' or '-' ? 2 : 1;
            Digits();
            real = true;
        }

        if (Peek(0) is 'f' or 'F' or 'd' or 'D' or 'm' or 'M')
        {
            _position++;
        }
        else if (!real)
        {
            IntegerSuffix();
        }

        return !FollowedByNamePart();
    }

    private void Digits()
    {
        while (Peek(0) is >= '0' and <= '9' or '_')
        {
            _position++;
        }
    }

    private void IntegerSuffix()
    {
        if (Peek(0) is 'u' or 'U')
        {
            _position += Peek(1) is 'l' or 'L' ? 2 : 1;
        }
        else if (Peek(0) is 'l' or 'L')
        {
            _position += Peek(1) is 'u' or 'U' ? 2 : 1;
        }
    }

    // A number run into letters (`1abc`, `0x1G`) is an error Roslyn reports its own way: left to it.
    private bool FollowedByNamePart() => _position < _text.Length && (IsIdentifierPart(_text[_position]) || _text[_position] > 0x7F || _text[_position] == '\\');
}
