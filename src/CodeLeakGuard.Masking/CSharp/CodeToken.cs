using System.Runtime.InteropServices;
using CodeLeakGuard.Text;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace CodeLeakGuard.Masking.CSharp;

/// <summary>
/// A lexed token as the masker keeps it: its kind and where it and its trivia lie in the source, and no references.
/// A request's code is tens of thousands of tokens held while it is masked; Roslyn's tokens point into object graphs
/// (green nodes, trivia lists, the lexer's shared caches) that every garbage collection during the request had to
/// trace, and that made one request in ten pay a pause of one to two milliseconds. Arrays of these are not traced.
/// </summary>
[StructLayout(LayoutKind.Auto)]
internal readonly struct CodeToken
{
    private readonly int _leadingCount;
    private readonly int _trailingCount;
    private readonly byte _flags;

    public CodeToken(SyntaxKind kind, int fullStart, int start, int end, int fullEnd, int firstTrivia, int leadingCount, int trailingCount, bool containsDiagnostics, CSharpStringStyle style = CSharpStringStyle.Regular)
    {
        Kind = kind;
        FullStart = fullStart;
        Start = start;
        End = end;
        FullEnd = fullEnd;
        FirstTrivia = firstTrivia;
        _leadingCount = leadingCount;
        _trailingCount = trailingCount;
        _flags = (byte)((containsDiagnostics ? 1 : 0) | ((int)style << 1));
    }

    public SyntaxKind Kind { get; }

    public int FullStart { get; }

    public int Start { get; }

    public int End { get; }

    public int FullEnd { get; }

    /// <summary>Where the token's trivia starts in <see cref="CodeTokens.Trivia"/> (leading, then trailing); kept only for trivia that is more than whitespace.</summary>
    public int FirstTrivia { get; }

    public int LeadingCount => _leadingCount;

    public int TrailingCount => _trailingCount;

    /// <summary>True when some trivia of the token is more than spaces, tabs and line breaks (comments, directives, disabled code).</summary>
    public bool HasTriviaToWalk => _leadingCount + _trailingCount > 0;

    public bool ContainsDiagnostics => (_flags & 1) != 0;

    /// <summary>For the text part of an interpolated string: the style of the string it is part of (<c>$"</c>, <c>$@"</c>, <c>$"""</c>).</summary>
    public CSharpStringStyle InterpolatedStyle => (CSharpStringStyle)(_flags >> 1);

    public TextSpan Span => TextSpan.FromBounds(Start, End);

    public TextSpan FullSpan => TextSpan.FromBounds(FullStart, FullEnd);

    public int Length => End - Start;

    /// <summary>Where an identifier's name starts in <paramref name="source"/>: after a verbatim <c>@</c> (<c>@class</c> names <c>class</c>).</summary>
    public int NameStart(string source) => Length > 1 && source[Start] == '@' ? Start + 1 : Start;

    public bool IsKind(SyntaxKind kind) => Kind == kind;
}

/// <summary>One trivia of a <see cref="CodeToken"/>: its kind, span and full span (a directive's full span takes in its line break).</summary>
internal readonly struct CodeTrivia
{
    public CodeTrivia(SyntaxKind kind, int fullStart, int start, int end, int fullEnd)
    {
        Kind = kind;
        FullStart = fullStart;
        Start = start;
        End = end;
        FullEnd = fullEnd;
    }

    public SyntaxKind Kind { get; }

    public int FullStart { get; }

    public int Start { get; }

    public int End { get; }

    public int FullEnd { get; }

    public TextSpan Span => TextSpan.FromBounds(Start, End);
}
