using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis.CSharp;

namespace CodeLeakGuard.Masking.CSharp;

// Directives that change nothing about which code is read (#region, #endregion, #nullable, #pragma warning).
internal sealed partial class CodeLexer
{
    // A directive that changes nothing about which code is read: #region, #endregion, #pragma warning, #nullable. It
    // runs to its line's end and takes its line break in (its full span; its span stops before it). #if and its kin
    // decide which code is compiled, and are left to Roslyn with the rest.
    private bool Directive(List<CodeTrivia> trivia)
    {
        var start = _position;
        var lineStart = start;
        while (lineStart > 0 && IsSpace(_text[lineStart - 1]))
        {
            lineStart--;
        }

        if (!IsLineStart(lineStart))
        {
            return false;
        }

        var word = start + 1;
        while (word < _text.Length && _text[word] is ' ' or '\t')
        {
            word++;
        }

        var wordEnd = word;
        while (wordEnd < _text.Length && _text[wordEnd] is >= 'a' and <= 'z')
        {
            wordEnd++;
        }

        var lineEnd = wordEnd;
        while (lineEnd < _text.Length && _text[lineEnd] is not ('\r' or '\n'))
        {
            if (_text[lineEnd] > 0x7F)
            {
                return false;
            }

            lineEnd++;
        }

        var kind = DirectiveKind(_text.Substring(word, wordEnd - word), _text.Substring(wordEnd, lineEnd - wordEnd));
        if (kind == SyntaxKind.None || (wordEnd < lineEnd && _text[wordEnd] is not (' ' or '\t')))
        {
            return false;
        }

        _regions += kind == SyntaxKind.RegionDirectiveTrivia ? 1 : kind == SyntaxKind.EndRegionDirectiveTrivia ? -1 : 0;
        if (_regions < 0)
        {
            return false;
        }

        _position = lineEnd;
        if (_position < _text.Length)
        {
            _position += _text[_position] == '\r' && Peek(1) == '\n' ? 2 : 1;
        }

        trivia.Add(new CodeTrivia(kind, start, start, lineEnd, _position));
        return true;
    }

    // The directives read here, and only in the forms that parse without an error.
    private static SyntaxKind DirectiveKind(string keyword, string rest)
    {
        var words = rest.Split(new[] { ' ', '\t' }, StringSplitOptions.RemoveEmptyEntries);
        switch (keyword)
        {
            case "region":
                return SyntaxKind.RegionDirectiveTrivia;
            case "endregion":
                return SyntaxKind.EndRegionDirectiveTrivia;
            case "nullable" when words.Length is 1 or 2 && words[0] is "enable" or "disable" or "restore" && (words.Length == 1 || words[1] is "warnings" or "annotations"):
                return SyntaxKind.NullableDirectiveTrivia;
            case "pragma" when words.Length >= 2 && words[0] == "warning" && words[1] is "disable" or "restore" && PragmaCodes(words):
                return SyntaxKind.PragmaWarningDirectiveTrivia;
            default:
                return SyntaxKind.None;
        }
    }

    // `#pragma warning disable CS0168, CS0219` (codes optional): plain identifiers or numbers between commas.
    private static bool PragmaCodes(string[] words)
    {
        var codes = string.Join(" ", words, 2, words.Length - 2).Split(',');
        if (codes.Length == 1 && codes[0].Trim().Length == 0)
        {
            return true;
        }

        foreach (var code in codes)
        {
            var trimmed = code.Trim();
            if (trimmed.Length == 0 || !IsIdentifierStart(trimmed[0]) && trimmed[0] is not (>= '0' and <= '9'))
            {
                return false;
            }

            foreach (var c in trimmed)
            {
                if (!IsIdentifierPart(c))
                {
                    return false;
                }
            }
        }

        return true;
    }
}
