using CodeLeakGuard.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CodeLeakGuard.Analyzers.Secrets;

/// <summary>The decoded content of a string token with source offsets relative to the token, so a match maps to its exact span.</summary>
internal static class LiteralContent
{
    public static CSharpStringContent? Of(SyntaxToken token)
    {
        var text = token.Text;
        if (token.IsKind(SyntaxKind.InterpolatedStringTextToken))
        {
            var start = (token.Parent?.Parent as InterpolatedStringExpressionSyntax)?.StringStartToken.Text ?? "$\"";
            var style = start.Contains("\"\"\"") ? CSharpStringStyle.Raw : start.Contains("@") ? CSharpStringStyle.Verbatim : CSharpStringStyle.Regular;
            return CSharpStringContent.Decode(text, 0, text.Length, style, interpolated: true);
        }

        return CSharpStringContent.TryGetLiteralContent(text, out var contentStart, out var contentEnd, out var literalStyle)
            ? CSharpStringContent.Decode(text, contentStart, contentEnd, literalStyle, interpolated: false)
            : null;
    }
}
