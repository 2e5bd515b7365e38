using System.Collections.Generic;
using System.Linq;
using CodeLeakGuard.Masking.Identifiers;
using CodeLeakGuard.Masking.Proprietary;
using CodeLeakGuard.Masking.Session;
using CodeLeakGuard.Masking.Text;
using CodeLeakGuard.Secrets;
using CodeLeakGuard.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace CodeLeakGuard.Masking.CSharp;

/// <summary>
/// Writes masked C#: walks tokens and their trivia in order and replaces identifiers, string contents, comments,
/// directives and disabled code; everything else (keywords, punctuation, numbers, whitespace) is copied through, so
/// the token stream, and with it the parse, is the original's. Proprietary pieces are written as stubs.
/// </summary>
internal sealed class TokenEmitter
{
    private readonly MaskContext _context;
    private readonly IIdentifierDecisions _decisions;
    private readonly MaskedText _output;
    private readonly InterpolationCache? _interpolations;
    private readonly IReadOnlyList<ProprietaryPiece> _pieces;
    private readonly SourceSink _sink;
    private int _pieceIndex;
    private ProprietaryPiece? _piece;
    private (int Output, int Source, bool Changed) _pieceMark;
    private int _rangeIndex;
    private CodeTokens _list = new();
    private NameFacts?[]? _names;
    private int _listIndex;

    public TokenEmitter(MaskContext context, IIdentifierDecisions decisions, MaskedText output, InterpolationCache? interpolations, IReadOnlyList<ProprietaryPiece>? pieces = null)
    {
        _context = context;
        _decisions = decisions;
        _output = output;
        _interpolations = interpolations;
        _pieces = pieces ?? System.Array.Empty<ProprietaryPiece>();
        _sink = new SourceSink(context, output);
    }

    /// <param name="tokens">The code's tokens, lexed from the output's source.</param>
    /// <param name="names">When decided by name: the facts of each identifier token by index, so no name is looked up again.</param>
    public void Emit(CodeTokens tokens, NameFacts?[]? names = null)
    {
        var source = _output.Source;
        _list = tokens;
        _names = names;
        for (var i = 0; i < tokens.Count; i++)
        {
            _listIndex = i;
            EmitOne(source, tokens[i], names?[i]);
        }

        if (_piece is not null)
        {
            ClosePiece();
        }
    }

    /// <summary>
    /// Writes only the tokens of <paramref name="plan"/>, decided by name, with no proprietary pieces (which must see
    /// every token): the output is the same as <see cref="Emit(CodeTokens, NameFacts[])"/>'s, since every other
    /// token is copied through.
    /// </summary>
    public void Emit(CodeTokens tokens, NameFacts?[] names, EmitPlan plan)
    {
        if (_pieces.Count > 0)
        {
            throw new System.InvalidOperationException("a plan skips tokens, so it cannot write proprietary pieces");
        }

        var source = _output.Source;
        var entries = plan.Entries;
        _list = tokens;
        _names = names;
        for (var k = 0; k < plan.Count; k++)
        {
            var i = EmitPlan.TokenIndex(entries[k]);
            _listIndex = i;
            ref readonly var token = ref tokens[i];
            if (EmitPlan.HasTrivia(entries[k]))
            {
                EmitOne(source, token, names[i]);
            }
            else
            {
                Token(token, names[i]);
            }
        }
    }

    private void EmitOne(string source, in CodeToken token, NameFacts? name)
    {
        // Trivia that is nothing but spaces, tabs and line breaks is whitespace and end-of-line trivia, which is
        // copied through: only tokens with more than that keep their trivia (see CodeTokens.Add).
        if (token.LeadingCount > 0)
        {
            foreach (var region in new TriviaRegions(source, _list.Leading(token)))
            {
                Trivia(region);
            }
        }

        if (Enter(token.Start, token.End))
        {
            Token(token, name);
        }

        if (token.TrailingCount > 0)
        {
            foreach (var region in new TriviaRegions(source, _list.Trailing(token)))
            {
                Trivia(region);
            }
        }
    }

    private void Token(in CodeToken token, NameFacts? name)
    {
        switch (TokenWrites.Of(token))
        {
            case TokenWrite.Identifier:
                Identifier(token, name);
                break;
            case TokenWrite.StringLiteral:
                LiteralMasker.Mask(_context, _output, token, null, OwnerOfLiteral());
                break;
            case TokenWrite.InterpolatedText:
                LiteralMasker.Mask(_context, _output, token, token.InterpolatedStyle, LiteralOwner.None);
                break;
            case TokenWrite.InterpolatedString:
                Interpolated(token);
                break;
            case TokenWrite.Unlexed:
                RegionMasker.Mask(_context, _output.Source, token.Start, token.End, WordMode.Aggressive, _sink);
                break;
        }
    }

    private void Identifier(in CodeToken token, NameFacts? name)
    {
        // By name, the token's facts carry the decision; the name is the token's text without a verbatim '@'.
        var source = _output.Source;
        var end = token.End;
        var start = name is not null ? end - name.Name.Length : token.NameStart(source);
        var entry = name is not null ? name.Decision : _decisions.Decide(source.Substring(start, end - start), token.Start);
        if (entry is null)
        {
            if (!HasDigit(source, token.Start, token.End) || !_context.CollidesWithPlaceholder(source, start, end))
            {
                return;
            }

            entry = _context.MaskName(RoleClassifier.NameOf(source, token), PseudonymRole.Name);
        }

        _output.Replace(start, end, entry.Emitted);
        _context.CountIdentifier(entry);
    }

    private void Interpolated(in CodeToken token)
    {
        var source = _output.Source;
        var interpolation = _interpolations?.Get(source, token);
        if (interpolation is null)
        {
            LiteralMasker.Withhold(_context, _output, token);
            _context.Note("an interpolated string that could not be parsed was withheld whole");
            return;
        }

        var inner = new MaskedText(interpolation.Text, 0, interpolation.Text.Length);
        new TokenEmitter(_context, _decisions, inner, null).Emit(interpolation.Tokens);
        if (!inner.Changed)
        {
            return;
        }

        var replacement = inner.ToString();
        if (LiteralMasker.IsSameLiteral(token, replacement))
        {
            _output.Replace(token.Start, token.End, replacement);
        }
        else
        {
            LiteralMasker.Withhold(_context, _output, token);
        }
    }

    private void Trivia(TriviaRegions.Region region)
    {
        // Whitespace is copied through as it is (inside withheld code the replacement covers it): nothing to decide.
        var kind = region.Kind;
        if (kind is SyntaxKind.WhitespaceTrivia or SyntaxKind.EndOfLineTrivia)
        {
            return;
        }

        var span = region.Span;
        if (span.Length == 0 || !Enter(span.Start, span.End))
        {
            return;
        }

        if (_piece is not null && kind is SyntaxKind.SingleLineCommentTrivia or SyntaxKind.MultiLineCommentTrivia or SyntaxKind.SingleLineDocumentationCommentTrivia
                or SyntaxKind.MultiLineDocumentationCommentTrivia or SyntaxKind.DisabledTextTrivia
            && (region.IsDocumentation || !_piece.KeptComments.Contains(region.Trivia.Span)))
        {
            _output.Replace(span.Start, span.End, string.Empty); // comments inside proprietary code are proprietary too
            return;
        }

        TriviaMasker.Mask(_context, _output.Source, kind, span, _sink);
    }

    /// <summary>Opens and closes proprietary pieces; false when the element lies inside withheld code (written as the stub).</summary>
    private bool Enter(int start, int end)
    {
        if (_piece is not null && start >= _piece.Span.End)
        {
            ClosePiece();
        }

        if (_piece is null && _pieceIndex < _pieces.Count && end > _pieces[_pieceIndex].Span.Start)
        {
            var next = _pieces[_pieceIndex++];
            if (start < next.Span.Start)
            {
                next.Span = TextSpan.FromBounds(start, next.Span.End); // an element straddling the start belongs to the piece
            }

            _output.CopyTo(next.Span.Start);
            _pieceMark = _output.Mark();
            _piece = next;
            _rangeIndex = 0;
        }

        if (_piece is null)
        {
            return true;
        }

        if (end > _piece.Span.End)
        {
            _piece.Span = TextSpan.FromBounds(_piece.Span.Start, end);
        }

        while (_rangeIndex < _piece.Withheld.Count && _piece.Withheld[_rangeIndex].Span.End <= start)
        {
            _rangeIndex++;
        }

        if (_rangeIndex < _piece.Withheld.Count && end > _piece.Withheld[_rangeIndex].Span.Start)
        {
            var range = _piece.Withheld[_rangeIndex];
            if (start < range.Span.Start || end > range.Span.End)
            {
                throw new MaskingException(MaskingFailure.Internal, $"withheld code at {range.Span} does not align with the token or trivia at {start}..{end}");
            }

            if (_output.Position <= range.Span.Start)
            {
                _output.Replace(range.Span.Start, range.Span.End, range.Replacement);
            }

            return false;
        }

        return true;
    }

    private void ClosePiece()
    {
        var piece = _piece!;
        _output.CopyTo(piece.Span.End);
        var entry = piece.Entry;
        if (piece.NeedsTrailingMarker)
        {
            _output.Replace(piece.Span.End, piece.Span.End, " " + WithheldText.Comment(entry.Marker));
        }

        entry.Stub = _output.EmittedSince(_pieceMark);
        entry.MarkerOffset = entry.Stub.IndexOf(entry.Marker, System.StringComparison.Ordinal);
        entry.Original = _output.Source.Substring(piece.Span.Start, piece.Span.Length);
        if (entry.MarkerOffset < 0)
        {
            throw new MaskingException(MaskingFailure.Internal, $"the stub of the proprietary code at {piece.Span} lost its marker");
        }

        _context.ProprietarySpans++;
        _piece = null;
    }

    // What the literal is the value of: a name (password = "...", ApiKey: "...", ["Jwt:Key"] = "...", { "Token", "..." },
    // Add("x-api-key", "...")), or a parameter that takes a secret (new NetworkCredential("svc", "...")).
    private LiteralOwner OwnerOfLiteral()
    {
        var previous1 = Previous(1);
        var previous2 = Previous(2);
        var connector = previous1.Kind;
        if (connector is SyntaxKind.ColonToken or SyntaxKind.EqualsToken && NameOfNamedPairValue() is { } pairName)
        {
            return LiteralOwner.Named(pairName);
        }

        if (connector is SyntaxKind.EqualsToken or SyntaxKind.ColonToken or SyntaxKind.EqualsGreaterThanToken && previous2.IsKind(SyntaxKind.IdentifierToken))
        {
            return LiteralOwner.Named(ValueText(2));
        }

        if (connector == SyntaxKind.EqualsToken && previous2.IsKind(SyntaxKind.CloseBracketToken) && Previous(3).IsKind(SyntaxKind.StringLiteralToken))
        {
            return LiteralOwner.Named(ValueText(3));
        }

        if (connector is not (SyntaxKind.OpenParenToken or SyntaxKind.CommaToken))
        {
            return LiteralOwner.None;
        }

        if (OwnerAsArgument() is { MayHoldSecret: true } argument)
        {
            return argument;
        }

        if (connector == SyntaxKind.OpenParenToken)
        {
            return OwnerOfFirstArgument();
        }

        return previous2.IsKind(SyntaxKind.StringLiteralToken) && Previous(3).Kind is SyntaxKind.OpenBraceToken or SyntaxKind.OpenParenToken
            ? LiteralOwner.Named(ValueText(2))
            : LiteralOwner.None;
    }

    // Configuration read as code names a setting and gives its value in two pairs: "- name: DB_PASSWORD" then
    // "value: ..." (Kubernetes YAML), {"name": "DB_PASSWORD", "value": "..."} (JSON). The setting's name, or null.
    private string? NameOfNamedPairValue()
    {
        var key = Previous(2);
        if (!(key.IsKind(SyntaxKind.IdentifierToken) || key.IsKind(SyntaxKind.StringLiteralToken)) || !string.Equals(ValueText(2), "value", System.StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var back = Previous(3).IsKind(SyntaxKind.CommaToken) ? 4 : 3;
        var name = Previous(back);
        return (name.IsKind(SyntaxKind.IdentifierToken) || name.IsKind(SyntaxKind.StringLiteralToken)) && Previous(back + 1).IsKind(SyntaxKind.ColonToken)
            ? ValueText(back)
            : null;
    }

    // The literal is the first argument of calls whose result a name gets (HmacKey = Convert.FromHexString("..."),
    // Key = new SymmetricSecurityKey(Encoding.UTF8.GetBytes("..."))), or of calls inside a key material type's
    // constructor (HMACSHA256 Mac = new(Encoding.UTF8.GetBytes("..."))), or the user:password text of a Basic header.
    private LiteralOwner OwnerOfFirstArgument()
    {
        var encodedForBasic = false;
        for (var back = 2; back <= 16; back++)
        {
            var token = Previous(back);
            switch (token.Kind)
            {
                case SyntaxKind.IdentifierToken when CredentialParameters.IsKeyMaterialType(ValueText(back)):
                    return LiteralOwner.CredentialParameter;
                case SyntaxKind.IdentifierToken:
                    encodedForBasic |= ValueText(back) == "ToBase64String";
                    continue;
                case SyntaxKind.DotToken or SyntaxKind.OpenParenToken or SyntaxKind.NewKeyword:
                    continue;
                case SyntaxKind.EqualsToken or SyntaxKind.ColonToken or SyntaxKind.EqualsGreaterThanToken:
                    var name = Previous(back + 1);
                    if (name.IsKind(SyntaxKind.IdentifierToken) && Previous(back + 2).IsKind(SyntaxKind.IdentifierToken) && CredentialParameters.IsKeyMaterialType(ValueText(back + 2)))
                    {
                        return LiteralOwner.CredentialParameter;
                    }

                    return encodedForBasic ? LiteralOwner.UserAndPassword : name.IsKind(SyntaxKind.IdentifierToken) ? LiteralOwner.Named(ValueText(back + 1)) : LiteralOwner.None;
                default:
                    return encodedForBasic ? LiteralOwner.UserAndPassword : LiteralOwner.None;
            }
        }

        return encodedForBasic ? LiteralOwner.UserAndPassword : LiteralOwner.None;
    }

    // The literal is an argument that takes a secret, or one of a call that makes a service's client (CredentialParameters):
    // counted back to the call's parenthesis.
    private LiteralOwner OwnerAsArgument()
    {
        var depth = 0;
        var index = 0;
        for (var back = 1; back <= 64; back++)
        {
            switch (Previous(back).Kind)
            {
                case SyntaxKind.CloseParenToken or SyntaxKind.CloseBracketToken or SyntaxKind.CloseBraceToken:
                    depth++;
                    break;
                case SyntaxKind.OpenParenToken when depth == 0:
                    if (!Previous(back + 1).IsKind(SyntaxKind.IdentifierToken))
                    {
                        return LiteralOwner.None;
                    }

                    var calleeName = ValueText(back + 1);
                    var qualifier = Previous(back + 2).IsKind(SyntaxKind.DotToken) ? ValueText(back + 3) : null;
                    return CredentialParameters.IsSecretArgument(calleeName, qualifier, index) ? LiteralOwner.CredentialParameter
                        : CredentialParameters.MakesClient(calleeName, qualifier) ? LiteralOwner.ClientArgument
                        : LiteralOwner.None;
                case SyntaxKind.OpenParenToken or SyntaxKind.OpenBracketToken or SyntaxKind.OpenBraceToken:
                    if (depth == 0)
                    {
                        return LiteralOwner.None;
                    }

                    depth--;
                    break;
                case SyntaxKind.CommaToken when depth == 0:
                    index++;
                    break;
                case SyntaxKind.SemicolonToken or SyntaxKind.None:
                    return LiteralOwner.None;
            }
        }

        return LiteralOwner.None;
    }

    // The token <paramref name="back"/> places before the current one in the list (a plan skips tokens, and the list
    // also holds those inside withheld code); a default one (SyntaxKind.None) before the first.
    private CodeToken Previous(int back) => _list.At(_listIndex - back);

    // What the token <paramref name="back"/> places before the current one says: an identifier's name (without a
    // verbatim '@'), a string literal's value; its text otherwise.
    private string ValueText(int back)
    {
        var index = _listIndex - back;
        var token = _list.At(index);
        var source = _output.Source;
        switch (token.Kind)
        {
            case SyntaxKind.IdentifierToken:
                return _names?[index]?.Name ?? RoleClassifier.NameOf(source, token);
            case SyntaxKind.StringLiteralToken or SyntaxKind.Utf8StringLiteralToken or SyntaxKind.SingleLineRawStringLiteralToken or SyntaxKind.MultiLineRawStringLiteralToken:
                return CSharpStringContent.TryGetLiteralContent(source, token.Start, token.End, out var start, out var end, out var style)
                    ? CSharpStringContent.Decode(source, start, end, style, interpolated: false).Value
                    : source.Substring(token.Start, token.Length);
            case SyntaxKind.None:
                return string.Empty;
            default:
                return source.Substring(token.Start, token.Length);
        }
    }

    private static bool HasDigit(string source, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            if (Words.IsAsciiDigit(source[i]))
            {
                return true;
            }
        }

        return false;
    }
}
