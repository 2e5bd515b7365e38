using System;
using System.Collections.Generic;
using System.Linq;
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
internal sealed partial class CodeLexer
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
        if (trivia.Count == 0 || CodeTokens.IsPlainWhitespace(_text, trivia[0].FullStart, trivia[trivia.Count - 1].FullEnd))
        {
            return 0;
        }

        foreach (var item in trivia)
        {
            _tokens.AddTrivia(item);
        }

        return trivia.Count;
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

    private char Peek(int offset) => _position + offset < _text.Length ? _text[_position + offset] : '\0';

    private static bool IsIdentifierStart(char c) => c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or '_';

    private static bool IsIdentifierPart(char c) => c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' or '_';
}
