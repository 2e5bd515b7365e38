using System.Collections.Generic;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CodeLeakGuard.Masking.CSharp;

/// <summary>
/// The lexer returns an interpolated string as one token; its holes hold code. Each is parsed once (as an
/// expression of its own text) and kept for both passes. A string that does not parse back to exactly itself is
/// null here, and is withheld whole.
/// </summary>
internal sealed class InterpolationCache
{
    private readonly CSharpParseOptions _options;
    private readonly Dictionary<int, InterpolatedStringExpressionSyntax?> _parsed = new();

    public InterpolationCache(CSharpParseOptions options)
    {
        _options = options;
    }

    /// <param name="source">The text the token was lexed from.</param>
    public InterpolatedStringExpressionSyntax? Get(string source, in CodeToken token)
    {
        if (!_parsed.TryGetValue(token.Start, out var expression))
        {
            var text = source.Substring(token.Start, token.Length);
            var parsed = SyntaxFactory.ParseExpression(text, 0, _options, consumeFullText: true);
            expression = parsed is InterpolatedStringExpressionSyntax interpolated
                && interpolated.FullSpan.Length == text.Length
                && (token.ContainsDiagnostics || !interpolated.ContainsDiagnostics)
                    ? interpolated
                    : null;
            _parsed[token.Start] = expression;
        }

        return expression;
    }
}
