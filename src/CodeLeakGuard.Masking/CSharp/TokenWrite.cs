using Microsoft.CodeAnalysis.CSharp;

namespace CodeLeakGuard.Masking.CSharp;

/// <summary>
/// What <see cref="TokenEmitter"/> does with a token, in one place: the writer dispatches on it and
/// <see cref="EmitPlan"/> lists every token that is not <see cref="None"/>, so the two cannot disagree.
/// </summary>
internal enum TokenWrite
{
    /// <summary>Keywords, punctuation, numbers: copied through.</summary>
    None,
    Identifier,

    /// <summary>A string literal (regular, verbatim, raw, UTF-8): its content is masked in place.</summary>
    StringLiteral,

    /// <summary>The text part of an interpolated string (inside an interpolation's own tokens).</summary>
    InterpolatedText,

    /// <summary>A whole interpolated string, as the lexer returns it: its holes are parsed and written as code.</summary>
    InterpolatedString,

    /// <summary>Text the lexer could not make a token of (a bad token, an unterminated character literal): masked word by word.</summary>
    Unlexed,
}

internal static class TokenWrites
{
    public static TokenWrite Of(in CodeToken token) => token.Kind switch
    {
        SyntaxKind.IdentifierToken => TokenWrite.Identifier,
        SyntaxKind.StringLiteralToken or SyntaxKind.Utf8StringLiteralToken or SyntaxKind.SingleLineRawStringLiteralToken
            or SyntaxKind.MultiLineRawStringLiteralToken or SyntaxKind.Utf8SingleLineRawStringLiteralToken
            or SyntaxKind.Utf8MultiLineRawStringLiteralToken => TokenWrite.StringLiteral,
        SyntaxKind.InterpolatedStringTextToken => TokenWrite.InterpolatedText,
        SyntaxKind.InterpolatedStringToken => TokenWrite.InterpolatedString,
        SyntaxKind.BadToken => TokenWrite.Unlexed,
        SyntaxKind.CharacterLiteralToken when token.ContainsDiagnostics => TokenWrite.Unlexed, // 'unterminated runs on to the line's end
        _ => TokenWrite.None,
    };
}
