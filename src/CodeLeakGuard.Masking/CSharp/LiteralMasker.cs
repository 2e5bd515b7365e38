using System.Linq;
using CodeLeakGuard.Masking.Text;
using CodeLeakGuard.Secrets;
using CodeLeakGuard.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace CodeLeakGuard.Masking.CSharp;

/// <summary>
/// Masks the content of a string literal (regular, verbatim, raw, UTF-8, or the text part of an interpolated string)
/// in place, so it stays a well-formed literal of the same kind: secrets become <c>&lt;secret:Kind5&gt;</c>, the
/// session's names their pseudonyms. A literal that would not stay well-formed is withheld whole instead.
/// </summary>
internal static class LiteralMasker
{
    private static readonly SecretFormat AssignedSecret = BuiltInSecretFormats.All.First(f => f.Kind == "SecretAssignment");

    /// <param name="interpolatedStyle">For the text part of an interpolated string: how its enclosing string is written.</param>
    /// <param name="owner">What the literal is given to: a name such as <c>password</c> or <c>ApiKey</c>, a credential's parameter, ...</param>
    public static void Mask(MaskContext context, MaskedText output, in CodeToken token, CSharpStringStyle? interpolatedStyle, LiteralOwner owner)
    {
        var source = output.Source;
        var tokenStart = token.Start;
        var tokenEnd = token.End;
        int start, end;
        CSharpStringStyle style;
        if (interpolatedStyle is { } interpolated)
        {
            (start, end, style) = (tokenStart, tokenEnd, interpolated);
        }
        else if (!CSharpStringContent.TryGetLiteralContent(source, tokenStart, tokenEnd, out start, out end, out style))
        {
            return;
        }

        var masked = new MaskedText(source, tokenStart, tokenEnd);
        if (IsWrittenAsIs(source, start, end, style, interpolatedStyle is not null) && !(owner.MayHoldSecret && IsAssignedSecret(context, owner, source.Substring(start, end - start))))
        {
            // The common case, no escapes: the content is its own value, so it is masked where it stands.
            RegionMasker.Mask(context, source, start, end, WordMode.Prose, new SourceSink(context, masked));
        }
        else
        {
            var content = CSharpStringContent.Decode(source, start, end, style, interpolatedStyle is not null);
            var sink = new LiteralSink(context, masked, content);
            var value = content.Value;
            if (owner.MayHoldSecret && IsAssignedSecret(context, owner, value))
            {
                sink.Secret(0, value.Length, AssignedSecret);
            }
            else
            {
                RegionMasker.Mask(context, value, 0, value.Length, WordMode.Prose, sink);
            }
        }

        if (!masked.Changed)
        {
            return;
        }

        var replacement = masked.ToString();
        if (interpolatedStyle is null && !IsSameLiteral(token, replacement))
        {
            Withhold(context, output, token);
            return;
        }

        output.Replace(tokenStart, tokenEnd, replacement);
    }

    /// <summary>
    /// The content of a string literal token (not an interpolated part) when it is written as its own value, so it is
    /// masked where it stands (unless it is the value of a sensitive name): the region scanned for secrets.
    /// </summary>
    public static bool TryGetContentWrittenAsIs(string source, in CodeToken token, out int start, out int end) =>
        CSharpStringContent.TryGetLiteralContent(source, token.Start, token.End, out start, out end, out var style) && IsWrittenAsIs(source, start, end, style, interpolated: false);

    // A secret by where it is given (not by its format: a value the scanner knows, an Anthropic key given to `Key`, is
    // masked as that format, like any text).
    private static bool IsAssignedSecret(MaskContext context, LiteralOwner owner, string value) =>
        owner.IsSecret(value) && !context.Scanner.Scan(value).Any(m => m.Format.IsCredential);

    private static bool IsWrittenAsIs(string source, int start, int end, CSharpStringStyle style, bool interpolated)
    {
        for (var i = start; i < end; i++)
        {
            var c = source[i];
            if ((c == '\\' && style == CSharpStringStyle.Regular)
                || (c == '"' && style == CSharpStringStyle.Verbatim)
                || (interpolated && style != CSharpStringStyle.Raw && c is '{' or '}'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Replaces a whole literal by one of the same kind holding only a marker; the session keeps the original.</summary>
    public static void Withhold(MaskContext context, MaskedText output, in CodeToken token)
    {
        var text = output.Source.Substring(token.Start, token.Length);
        if (!CSharpStringContent.TryGetLiteralContent(text, out var start, out var end, out var style))
        {
            start = 0;
            end = text.Length;
        }

        var entry = context.State.AddWithheld("Literal");
        var prefix = text.Substring(0, start);
        var suffix = text.Substring(end);
        if (style == CSharpStringStyle.Raw && prefix.IndexOf('\n') < 0 && suffix.IndexOf('\n') >= 0)
        {
            suffix = suffix.TrimStart(' ', '\t', '\r', '\n'); // one line: """<withheld:Literal5>"""
        }

        entry.Stub = prefix + entry.Marker + suffix;
        entry.MarkerOffset = prefix.Length;
        entry.Original = text;
        output.Replace(token.Start, token.End, entry.Stub);
        context.WithheldLiterals++;
    }

    [System.ThreadStatic]
    private static CodeTokens? _scratch;

    /// <summary>True when <paramref name="text"/> lexes as one token of the same kind, with no error the original did not have.</summary>
    public static bool IsSameLiteral(in CodeToken original, string text)
    {
        // The masker's own lexer first (it reads most literals, and Roslyn's would keep the new names in its caches).
        var scratch = _scratch ??= new CodeTokens();
        scratch.Clear();
        if (CSharpMasker.OwnLexerEnabled && CodeLexer.TryLex(text, scratch))
        {
            return scratch.Count == 2 && scratch[0].Kind == original.Kind && scratch[0].FullStart == 0 && scratch[0].FullEnd == text.Length;
        }

        var token = SyntaxFactory.ParseToken(text);
        return token.RawKind == (int)original.Kind && token.FullSpan.Length == text.Length && (original.ContainsDiagnostics || !token.ContainsDiagnostics);
    }
}
