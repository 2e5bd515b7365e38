using System;
using System.Collections.Generic;
using System.Linq;
using CodeLeakGuard.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace CodeLeakGuard.Masking.CSharp;

/// <summary>
/// Lexes the C# most code is made of straight into <see cref="CodeTokens"/>, the same tokens and trivia as Roslyn's
/// <c>SyntaxFactory.ParseTokens</c> gives, without its objects. Roslyn's lexer makes a green node per token and
/// keeps new identifiers and tokens in process-wide caches, so code never seen before left a request's tokens alive
/// through every garbage collection; it was also a fifth of the masker's time. Anything this lexer does not cover
/// exactly as Roslyn does — directives other than #region, #endregion, #nullable and #pragma warning (and those in
/// forms that are errors), conflict markers, raw strings, characters outside ASCII in code, Unicode escapes in
/// names, malformed literals and stray characters — makes it give up (false), and the code is lexed by Roslyn
/// instead: it never guesses. A test holds it to Roslyn's tokens over real code.
/// </summary>
internal sealed class CodeLexer
{
    private const int MaxTriviaPerSide = 1024;

    /// <summary>Interpolated strings nested deeper than this (hostile input) are left to Roslyn, which guards its own stack.</summary>
    private const int MaxNesting = 32;

    private static readonly Keywords ReservedKeywords = new();

    // Roslyn 4.x lexes `..` as one token; Roslyn 5 as two dots, which its parser puts together. The masker runs on
    // whichever Roslyn the application loads, so the loaded one is asked.
    private static readonly bool DotDotIsOneToken = SyntaxFactory.ParseTokens("a..b").Skip(1).First().RawKind == (int)SyntaxKind.DotDotToken;

    private readonly string _text;
    private readonly CodeTokens _tokens;
    // Scratch lists, one pair per thread: the lexer runs for every code block and every masked literal.
    [ThreadStatic]
    private static (List<CodeTrivia> Leading, List<CodeTrivia> Trailing)? _scratch;

    private readonly List<CodeTrivia> _leading;
    private readonly List<CodeTrivia> _trailing;
    private int _position;
    private int _nesting; // interpolated strings inside holes, read recursively
    private int _regions; // #region directives not yet closed: unbalanced ones are errors Roslyn reports on a token

    private CodeLexer(string text, CodeTokens tokens)
    {
        _text = text;
        _tokens = tokens;
        (_leading, _trailing) = _scratch ??= (new List<CodeTrivia>(), new List<CodeTrivia>());
        _leading.Clear();
        _trailing.Clear(); // the end-of-file token has no trailing trivia to clear them
    }

    /// <summary>Appends the tokens of <paramref name="text"/> (ending with the end-of-file token) to <paramref name="tokens"/>; false when it is code to leave to Roslyn, with <paramref name="tokens"/> then in no defined state.</summary>
    public static bool TryLex(string text, CodeTokens tokens) => new CodeLexer(text, tokens).Run();

    /// <summary>
    /// Appends the tokens Roslyn's parser makes of an interpolated string (<c>$"..."</c>, <c>$@"..."</c>,
    /// <c>@$"..."</c>, the whole of <paramref name="text"/>): its start, text parts, braces, the code of its holes,
    /// alignments and formats, nested strings likewise, and its end; no trivia is kept (a hole holds only whitespace
    /// between its tokens, or the string is left to Roslyn). False when it is one to leave to Roslyn: raw, with
    /// comments, a conditional operator, an alias qualifier or shift operators in a hole, or anything the lexer
    /// itself leaves to it.
    /// </summary>
    public static bool TryLexInterpolated(string text, CodeTokens tokens)
    {
        var lexer = new CodeLexer(text, tokens);
        return text.Length > 0 && text[0] is '$' or '@' && lexer.Interpolation() && lexer._position == text.Length;
    }

    private bool Run()
    {
        while (true)
        {
            var fullStart = _position;
            if (!LeadingTrivia())
            {
                return false;
            }

            var start = _position;
            SyntaxKind kind;
            if (_position >= _text.Length)
            {
                kind = SyntaxKind.EndOfFileToken;
            }
            else if (!Token(out kind))
            {
                return false;
            }

            var end = _position;
            if (kind != SyntaxKind.EndOfFileToken && !TrailingTrivia())
            {
                return false;
            }

            AddToken(kind, fullStart, start, end);
            if (kind == SyntaxKind.EndOfFileToken)
            {
                return _regions == 0;
            }
        }
    }

    private void AddToken(SyntaxKind kind, int fullStart, int start, int end)
    {
        var first = _tokens.TriviaCount;
        var leading = KeepTrivia(_leading);
        var trailing = KeepTrivia(_trailing);
        _tokens.Add(new CodeToken(kind, fullStart, start, end, _position, first, leading, trailing, containsDiagnostics: false));
    }

    // Trivia is kept only when its text is more than spaces, tabs and line breaks (as CodeTokens.Add keeps Roslyn's).
    private int KeepTrivia(List<CodeTrivia> trivia)
    {
        if (trivia.Count == 0 || EmitPlan.IsPlainWhitespace(_text, trivia[0].FullStart, trivia[trivia.Count - 1].FullEnd))
        {
            return 0;
        }

        foreach (var item in trivia)
        {
            _tokens.AddTrivia(item);
        }

        return trivia.Count;
    }

    // Whitespace, line breaks and comments before a token. A directive or conflict marker is left to Roslyn.
    private bool LeadingTrivia()
    {
        _leading.Clear();
        while (_position < _text.Length && _leading.Count < MaxTriviaPerSide)
        {
            var c = _text[_position];
            if (c is ' ' or '\t' or '\v' or '\f')
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
            if (c is ' ' or '\t' or '\v' or '\f')
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
        while (_position < _text.Length && _text[_position] is ' ' or '\t' or '\v' or '\f')
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

    // A directive that changes nothing about which code is read: #region, #endregion, #pragma warning, #nullable. It
    // runs to its line's end and takes its line break in (its full span; its span stops before it). #if and its kin
    // decide which code is compiled, and are left to Roslyn with the rest.
    private bool Directive(List<CodeTrivia> trivia)
    {
        var start = _position;
        var lineStart = start;
        while (lineStart > 0 && _text[lineStart - 1] is ' ' or '\t' or '\v' or '\f')
        {
            lineStart--;
        }

        if (!IsLineStart(lineStart))
        {
            return false;
        }

        var word = start + 1;
        while (word < _text.Length && _text[word] is ' ' or '\t')
        {
            word++;
        }

        var wordEnd = word;
        while (wordEnd < _text.Length && _text[wordEnd] is >= 'a' and <= 'z')
        {
            wordEnd++;
        }

        var lineEnd = wordEnd;
        while (lineEnd < _text.Length && _text[lineEnd] is not ('\r' or '\n'))
        {
            if (_text[lineEnd] > 0x7F)
            {
                return false;
            }

            lineEnd++;
        }

        var kind = DirectiveKind(_text.Substring(word, wordEnd - word), _text.Substring(wordEnd, lineEnd - wordEnd));
        if (kind == SyntaxKind.None || (wordEnd < lineEnd && _text[wordEnd] is not (' ' or '\t')))
        {
            return false;
        }

        _regions += kind == SyntaxKind.RegionDirectiveTrivia ? 1 : kind == SyntaxKind.EndRegionDirectiveTrivia ? -1 : 0;
        if (_regions < 0)
        {
            return false;
        }

        _position = lineEnd;
        if (_position < _text.Length)
        {
            _position += _text[_position] == '\r' && Peek(1) == '\n' ? 2 : 1;
        }

        trivia.Add(new CodeTrivia(kind, start, start, lineEnd, _position));
        return true;
    }

    // The directives read here, and only in the forms that parse without an error.
    private static SyntaxKind DirectiveKind(string keyword, string rest)
    {
        var words = rest.Split(new[] { ' ', '\t' }, StringSplitOptions.RemoveEmptyEntries);
        switch (keyword)
        {
            case "region":
                return SyntaxKind.RegionDirectiveTrivia;
            case "endregion":
                return SyntaxKind.EndRegionDirectiveTrivia;
            case "nullable" when words.Length is 1 or 2 && words[0] is "enable" or "disable" or "restore" && (words.Length == 1 || words[1] is "warnings" or "annotations"):
                return SyntaxKind.NullableDirectiveTrivia;
            case "pragma" when words.Length >= 2 && words[0] == "warning" && words[1] is "disable" or "restore" && PragmaCodes(words):
                return SyntaxKind.PragmaWarningDirectiveTrivia;
            default:
                return SyntaxKind.None;
        }
    }

    // `#pragma warning disable CS0168, CS0219` (codes optional): plain identifiers or numbers between commas.
    private static bool PragmaCodes(string[] words)
    {
        var codes = string.Join(" ", words, 2, words.Length - 2).Split(',');
        if (codes.Length == 1 && codes[0].Trim().Length == 0)
        {
            return true;
        }

        foreach (var code in codes)
        {
            var trimmed = code.Trim();
            if (trimmed.Length == 0 || !IsIdentifierStart(trimmed[0]) && trimmed[0] is not (>= '0' and <= '9'))
            {
                return false;
            }

            foreach (var c in trimmed)
            {
                if (!IsIdentifierPart(c))
                {
                    return false;
                }
            }
        }

        return true;
    }

    private bool Token(out SyntaxKind kind)
    {
        var c = _text[_position];
        kind = SyntaxKind.None;
        if (IsIdentifierStart(c))
        {
            return IdentifierOrKeyword(out kind);
        }

        // `.5` is a number, but not after another dot: `..3` is a range's dots and 3, as Roslyn's lexer has it.
        if (c is >= '0' and <= '9' || (c == '.' && Peek(1) is >= '0' and <= '9' && (_position == 0 || _text[_position - 1] != '.')))
        {
            kind = SyntaxKind.NumericLiteralToken;
            return Number();
        }

        switch (c)
        {
            case '"':
                return Peek(1) == '"' && Peek(2) == '"' ? false : RegularString(out kind);
            case '\'':
                kind = SyntaxKind.CharacterLiteralToken;
                return CharacterLiteral();
            case '@':
                return AtSign(out kind);
            case '$':
                kind = SyntaxKind.InterpolatedStringToken;
                return Peek(1) == '@' || (Peek(1) == '"' && !(Peek(2) == '"' && Peek(3) == '"')) ? InterpolatedString() : false;
        }

        kind = Punctuation(c);
        return kind != SyntaxKind.None;
    }

    private bool IdentifierOrKeyword(out SyntaxKind kind)
    {
        var start = _position;
        while (_position < _text.Length && IsIdentifierPart(_text[_position]))
        {
            _position++;
        }

        kind = ReservedKeywords.Find(_text, start, _position - start);
        return !FollowedByUnhandledNamePart();
    }

    // A name that goes on in characters this lexer leaves to Roslyn: letters outside ASCII, a Unicode escape.
    private bool FollowedByUnhandledNamePart() => _position < _text.Length && (_text[_position] > 0x7F || _text[_position] == '\\');

    private bool AtSign(out SyntaxKind kind)
    {
        kind = SyntaxKind.None;
        var next = Peek(1);
        if (IsIdentifierStart(next))
        {
            _position++;
            while (_position < _text.Length && IsIdentifierPart(_text[_position]))
            {
                _position++;
            }

            kind = SyntaxKind.IdentifierToken;
            return !FollowedByUnhandledNamePart();
        }

        if (next == '"')
        {
            _position++;
            return VerbatimString(out kind);
        }

        if (next == '$' && Peek(2) == '"')
        {
            kind = SyntaxKind.InterpolatedStringToken;
            return InterpolatedString();
        }

        return false;
    }

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

        if (Peek(0) is 'u' or 'U' && Peek(1) == '8')
        {
            _position += 2;
            kind = SyntaxKind.Utf8StringLiteralToken;
        }

        return !FollowedByUnhandledNamePart();
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
        AddBare(verbatim ? SyntaxKind.InterpolatedVerbatimStringStartToken : SyntaxKind.InterpolatedStringStartToken, start, style);
        while (true)
        {
            var textStart = _position;
            if (!InterpolatedText(verbatim))
            {
                return false;
            }

            if (_position > textStart)
            {
                AddBare(SyntaxKind.InterpolatedStringTextToken, textStart, style);
            }

            if (Peek(0) == '"')
            {
                _position++;
                AddBare(SyntaxKind.InterpolatedStringEndToken, _position - 1, style);
                return true;
            }

            _position++;
            AddBare(SyntaxKind.OpenBraceToken, _position - 1, style);
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
                _position++;
                AddBare(SyntaxKind.CloseBraceToken, _position - 1, style);
                return true;
            }

            if (c == ':' && depth == 0)
            {
                if (Peek(1) == ':')
                {
                    return false;
                }

                _position++;
                AddBare(SyntaxKind.ColonToken, _position - 1, style);
                var formatStart = _position;
                if (!Format(verbatim))
                {
                    return false;
                }

                if (_position - 1 > formatStart)
                {
                    _tokens.Add(new CodeToken(SyntaxKind.InterpolatedStringTextToken, formatStart, formatStart, _position - 1, _position - 1, _tokens.TriviaCount, 0, 0, containsDiagnostics: false, style));
                }

                AddBare(SyntaxKind.CloseBraceToken, _position - 1, style);
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

            _tokens.Add(new CodeToken(kind, tokenStart, tokenStart, _position, _position, _tokens.TriviaCount, 0, 0, containsDiagnostics: false));
        }
    }

    // A token of an interpolated string's own (start, text, brace, end) from `start` to the position, without trivia.
    private void AddBare(SyntaxKind kind, int start, CSharpStringStyle style) =>
        _tokens.Add(new CodeToken(kind, start, start, kind is SyntaxKind.OpenBraceToken or SyntaxKind.CloseBraceToken or SyntaxKind.InterpolatedStringEndToken ? start + 1 : _position, kind is SyntaxKind.OpenBraceToken or SyntaxKind.CloseBraceToken or SyntaxKind.InterpolatedStringEndToken ? start + 1 : _position, _tokens.TriviaCount, 0, 0, containsDiagnostics: false, kind == SyntaxKind.InterpolatedStringTextToken ? style : CSharpStringStyle.Regular));

    // The format after a hole's ':' up to its closing brace (no quote or brace inside, no line break in a regular string).
    private bool Format(bool verbatim)
    {
        _position++;
        while (_position < _text.Length)
        {
            var c = _text[_position];
            if (c == '}')
            {
                _position++;
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

    private SyntaxKind Punctuation(char c)
    {
        var next = Peek(1);
        var (kind, length) = c switch
        {
            '{' => (SyntaxKind.OpenBraceToken, 1),
            '}' => (SyntaxKind.CloseBraceToken, 1),
            '(' => (SyntaxKind.OpenParenToken, 1),
            ')' => (SyntaxKind.CloseParenToken, 1),
            '[' => (SyntaxKind.OpenBracketToken, 1),
            ']' => (SyntaxKind.CloseBracketToken, 1),
            ';' => (SyntaxKind.SemicolonToken, 1),
            ',' => (SyntaxKind.CommaToken, 1),
            '~' => (SyntaxKind.TildeToken, 1),
            '.' => next == '.' && DotDotIsOneToken ? (SyntaxKind.DotDotToken, 2) : (SyntaxKind.DotToken, 1),
            ':' => next == ':' ? (SyntaxKind.ColonColonToken, 2) : (SyntaxKind.ColonToken, 1),
            '!' => next == '=' ? (SyntaxKind.ExclamationEqualsToken, 2) : (SyntaxKind.ExclamationToken, 1),
            '%' => next == '=' ? (SyntaxKind.PercentEqualsToken, 2) : (SyntaxKind.PercentToken, 1),
            '^' => next == '=' ? (SyntaxKind.CaretEqualsToken, 2) : (SyntaxKind.CaretToken, 1),
            '*' => next == '=' ? (SyntaxKind.AsteriskEqualsToken, 2) : (SyntaxKind.AsteriskToken, 1),
            '/' => next == '=' ? (SyntaxKind.SlashEqualsToken, 2) : (SyntaxKind.SlashToken, 1),
            '&' => next == '&' ? (SyntaxKind.AmpersandAmpersandToken, 2) : next == '=' ? (SyntaxKind.AmpersandEqualsToken, 2) : (SyntaxKind.AmpersandToken, 1),
            '|' => next == '|' ? (SyntaxKind.BarBarToken, 2) : next == '=' ? (SyntaxKind.BarEqualsToken, 2) : (SyntaxKind.BarToken, 1),
            '+' => next == '+' ? (SyntaxKind.PlusPlusToken, 2) : next == '=' ? (SyntaxKind.PlusEqualsToken, 2) : (SyntaxKind.PlusToken, 1),
            '-' => next == '-' ? (SyntaxKind.MinusMinusToken, 2) : next == '=' ? (SyntaxKind.MinusEqualsToken, 2) : next == '>' ? (SyntaxKind.MinusGreaterThanToken, 2) : (SyntaxKind.MinusToken, 1),
            '=' => next == '=' ? (SyntaxKind.EqualsEqualsToken, 2) : next == '>' ? (SyntaxKind.EqualsGreaterThanToken, 2) : (SyntaxKind.EqualsToken, 1),
            '<' => next == '=' ? (SyntaxKind.LessThanEqualsToken, 2)
                : next == '<' ? (Peek(2) == '=' ? (SyntaxKind.LessThanLessThanEqualsToken, 3) : (SyntaxKind.LessThanLessThanToken, 2))
                : (SyntaxKind.LessThanToken, 1),
            '>' => next == '=' ? (SyntaxKind.GreaterThanEqualsToken, 2) : (SyntaxKind.GreaterThanToken, 1),
            '?' => next == '?' ? (Peek(2) == '=' ? (SyntaxKind.QuestionQuestionEqualsToken, 3) : (SyntaxKind.QuestionQuestionToken, 2)) : (SyntaxKind.QuestionToken, 1),
            _ => (SyntaxKind.None, 0),
        };
        _position += length;
        return kind;
    }

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

    private char Peek(int offset) => _position + offset < _text.Length ? _text[_position + offset] : '\0';

    private static bool IsIdentifierStart(char c) => c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or '_';

    private static bool IsIdentifierPart(char c) => c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' or '_';

    /// <summary>C#'s reserved keywords, found by their characters in the text without a string.</summary>
    private sealed class Keywords
    {
        private readonly (string Text, SyntaxKind Kind)[]?[] _byLengthAndFirst = new (string, SyntaxKind)[]?[16 * 26];

        public Keywords()
        {
            var lists = new Dictionary<int, List<(string, SyntaxKind)>>();
            foreach (var kind in SyntaxFacts.GetReservedKeywordKinds())
            {
                var text = SyntaxFacts.GetText(kind);
                if (Slot(text, 0, text.Length) is not { } slot)
                {
                    continue; // __arglist and the like: not ASCII lower-case first, looked up the slow way
                }

                if (!lists.TryGetValue(slot, out var list))
                {
                    lists[slot] = list = new List<(string, SyntaxKind)>();
                }

                list.Add((text, kind));
            }

            foreach (var pair in lists)
            {
                _byLengthAndFirst[pair.Key] = pair.Value.ToArray();
            }
        }

        public SyntaxKind Find(string text, int start, int length)
        {
            if (text[start] == '_')
            {
                return length >= 2 && text[start + 1] == '_' ? SyntaxFacts.GetKeywordKind(text.Substring(start, length)) is var kind && SyntaxFacts.IsReservedKeyword(kind) ? kind : SyntaxKind.IdentifierToken : SyntaxKind.IdentifierToken;
            }

            if (Slot(text, start, length) is not { } slot || _byLengthAndFirst[slot] is not { } candidates)
            {
                return SyntaxKind.IdentifierToken;
            }

            foreach (var (keyword, kind) in candidates)
            {
                if (string.CompareOrdinal(keyword, 0, text, start, length) == 0)
                {
                    return kind;
                }
            }

            return SyntaxKind.IdentifierToken;
        }

        private static int? Slot(string text, int start, int length) =>
            length is >= 2 and < 16 && text[start] is >= 'a' and <= 'z' ? length * 26 + (text[start] - 'a') : null;
    }
}
