using System.Collections.Generic;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CodeLeakGuard.Masking.CSharp;

/// <summary>
/// The lexer returns an interpolated string as one token; its holes hold code. Each is read once into the tokens a
/// parser makes of it (by the masker's own lexer, or Roslyn's parser for what that one leaves to it) and kept for both
/// passes. A string that does not parse back to exactly itself is null here, and is withheld whole.
/// </summary>
internal sealed class InterpolationCache
{
    private readonly CSharpParseOptions _options;
    private readonly Dictionary<int, Interpolation?> _parsed = new();

    public InterpolationCache(CSharpParseOptions options)
    {
        _options = options;
    }

    /// <param name="source">The text the token was lexed from.</param>
    public Interpolation? Get(string source, in CodeToken token)
    {
        if (!_parsed.TryGetValue(token.Start, out var interpolation))
        {
            var text = source.Substring(token.Start, token.Length);
            var tokens = new CodeTokens();
            if (CSharpMasker.UsesOwnLexer(_options) && CodeLexer.TryLexInterpolated(text, tokens))
            {
                interpolation = new Interpolation(text, tokens);
            }
            else
            {
                tokens.Clear();
                var parsed = text.Length <= LargeStackParse.MaxChars
                    ? LargeStackParse.Run(text.Length, () => SyntaxFactory.ParseExpression(text, 0, _options, consumeFullText: true))
                    : null;
                if (parsed is InterpolatedStringExpressionSyntax interpolated
                    && interpolated.FullSpan.Length == text.Length
                    && (token.ContainsDiagnostics || !interpolated.ContainsDiagnostics))
                {
                    tokens.AddRange(interpolated.DescendantTokens(), text);
                    interpolation = new Interpolation(text, tokens);
                }
            }

            _parsed[token.Start] = interpolation;
        }

        return interpolation;
    }
}

/// <summary>An interpolated string's text and the tokens of it as parsed (positions in <see cref="Text"/>).</summary>
internal sealed class Interpolation
{
    public Interpolation(string text, CodeTokens tokens)
    {
        Text = text;
        Tokens = tokens;
    }

    public string Text { get; }

    public CodeTokens Tokens { get; }
}
