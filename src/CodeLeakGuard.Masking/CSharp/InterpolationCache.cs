using System.Collections.Generic;
using Microsoft.CodeAnalysis;
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

    public InterpolatedStringExpressionSyntax? Get(SyntaxToken token)
    {
        if (!_parsed.TryGetValue(token.SpanStart, out var expression))
        {
            var text = token.Text;
            var parsed = SyntaxFactory.ParseExpression(text, 0, _options, consumeFullText: true);
            expression = parsed is InterpolatedStringExpressionSyntax interpolated
                && interpolated.FullSpan.Length == text.Length
                && (token.ContainsDiagnostics || !interpolated.ContainsDiagnostics)
                    ? interpolated
                    : null;
            _parsed[token.SpanStart] = expression;
        }

        return expression;
    }
}
