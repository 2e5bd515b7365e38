using System;
using System.Collections.Generic;
using CodeLeakGuard.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CodeLeakGuard.Masking.CSharp;

/// <summary>
/// The tokens of one piece of code, in order, as <see cref="CodeToken"/>s, with the trivia of those whose trivia is
/// more than whitespace. Pooled (<see cref="TokenListPool"/>): a 100 KB prompt's code is tens of thousands of tokens.
/// </summary>
internal sealed class CodeTokens
{
    private CodeToken[] _tokens = Array.Empty<CodeToken>();
    private CodeTrivia[] _trivia = Array.Empty<CodeTrivia>();

    public int Count { get; private set; }

    /// <summary>How many trivia are kept so far: where the next token's trivia will start.</summary>
    public int TriviaCount => _triviaCount;

    private int _triviaCount;

    public int Capacity => _tokens.Length;

    public ref readonly CodeToken this[int index]
    {
        get
        {
            if ((uint)index >= (uint)Count)
            {
                throw new ArgumentOutOfRangeException(nameof(index));
            }

            return ref _tokens[index];
        }
    }

    /// <summary>The token at <paramref name="index"/>, or a default (<see cref="SyntaxKind.None"/>) one outside the list.</summary>
    public CodeToken At(int index) => (uint)index < (uint)Count ? _tokens[index] : default;

    public ArraySegment<CodeTrivia> Leading(in CodeToken token) => new(_trivia, token.FirstTrivia, token.LeadingCount);

    public ArraySegment<CodeTrivia> Trailing(in CodeToken token) => new(_trivia, token.FirstTrivia + token.LeadingCount, token.TrailingCount);

    /// <summary>Room for <paramref name="tokens"/> tokens, so the array does not grow (and copy) while lexing.</summary>
    public void EnsureCapacity(int tokens)
    {
        if (_tokens.Length < tokens)
        {
            Array.Resize(ref _tokens, tokens);
        }
    }

    /// <summary>Drops the tokens after the first <paramref name="count"/> (those added since, which kept no trivia).</summary>
    public void Truncate(int count)
    {
        if (count < 0 || count > Count)
        {
            throw new ArgumentOutOfRangeException(nameof(count));
        }

        Count = count;
    }

    public void Clear()
    {
        Count = 0;
        _triviaCount = 0;
    }

    /// <summary>
    /// Adds Roslyn's token: positions as they are in <paramref name="source"/> (the text it was lexed or parsed from).
    /// Its trivia is kept only when some of it is more than spaces, tabs and line breaks, which are copied through.
    /// </summary>
    public void Add(SyntaxToken token, string source)
    {
        var span = token.Span;
        var fullSpan = token.FullSpan;
        var first = _triviaCount;
        var leading = 0;
        var trailing = 0;
        if (fullSpan.Start < span.Start && !IsPlainWhitespace(source, fullSpan.Start, span.Start))
        {
            foreach (var trivia in token.LeadingTrivia)
            {
                AddTrivia(trivia);
                leading++;
            }
        }

        if (span.End < fullSpan.End && !IsPlainWhitespace(source, span.End, fullSpan.End))
        {
            foreach (var trivia in token.TrailingTrivia)
            {
                AddTrivia(trivia);
                trailing++;
            }
        }

        var kind = (SyntaxKind)token.RawKind;
        var style = kind == SyntaxKind.InterpolatedStringTextToken ? InterpolatedStyle(token) : CSharpStringStyle.Regular;
        Add(new CodeToken(kind, fullSpan.Start, span.Start, span.End, fullSpan.End, first, leading, trailing, token.ContainsDiagnostics, style));
    }

    /// <summary>Adds each of Roslyn's tokens (<see cref="Add(SyntaxToken, string)"/>).</summary>
    public void AddRange(IEnumerable<SyntaxToken> tokens, string source)
    {
        foreach (var token in tokens)
        {
            Add(token, source);
        }
    }

    public void Add(in CodeToken token)
    {
        if (Count == _tokens.Length)
        {
            Array.Resize(ref _tokens, Math.Max(16, _tokens.Length * 2));
        }

        _tokens[Count++] = token;
    }

    private void AddTrivia(SyntaxTrivia trivia)
    {
        var span = trivia.Span;
        var fullSpan = trivia.FullSpan;
        AddTrivia(new CodeTrivia((SyntaxKind)trivia.RawKind, fullSpan.Start, span.Start, span.End, fullSpan.End));
    }

    /// <summary>Keeps a trivia of the token about to be added (leading ones first, then trailing).</summary>
    public void AddTrivia(in CodeTrivia trivia)
    {
        if (_triviaCount == _trivia.Length)
        {
            Array.Resize(ref _trivia, Math.Max(16, _trivia.Length * 2));
        }

        _trivia[_triviaCount++] = trivia;
    }

    // The text of an interpolated string is written in the style of the string it is in: its start token says which.
    private static CSharpStringStyle InterpolatedStyle(SyntaxToken token)
    {
        var start = token.Parent?.FirstAncestorOrSelf<InterpolatedStringExpressionSyntax>()?.StringStartToken.Text ?? "$\"";
        return start.Contains("\"\"\"") ? CSharpStringStyle.Raw : start.IndexOf('@') >= 0 ? CSharpStringStyle.Verbatim : CSharpStringStyle.Regular;
    }

    /// <summary>True when <c>source[start..end)</c> is only spaces, tabs and line breaks (whitespace and end-of-line trivia).</summary>
    public static bool IsPlainWhitespace(string source, int start, int end)
    {
        if (end > source.Length)
        {
            return false;
        }

        for (var i = start; i < end; i++)
        {
            if (source[i] is not (' ' or '\t' or '\r' or '\n'))
            {
                return false;
            }
        }

        return true;
    }
}
