using System.Collections.Generic;
using Microsoft.CodeAnalysis.CSharp;

namespace CodeLeakGuard.Masking.CSharp;

// The reserved keywords, looked up by their characters in the text.
internal sealed partial class CodeLexer
{
    /// <summary>C#'s reserved keywords, found by their characters in the text without a string.</summary>
    private sealed class Keywords
    {
        private readonly (string Text, SyntaxKind Kind)[]?[] _byLengthAndFirst = new (string, SyntaxKind)[]?[16 * 26];

        public Keywords()
        {
            var lists = new Dictionary<int, List<(string, SyntaxKind)>>();
            foreach (var kind in SyntaxFacts.GetReservedKeywordKinds())
            {
                var text = SyntaxFacts.GetText(kind);
                if (Slot(text, 0, text.Length) is not { } slot)
                {
                    continue; // __arglist and the like: not ASCII lower-case first, looked up the slow way
                }

                if (!lists.TryGetValue(slot, out var list))
                {
                    lists[slot] = list = new List<(string, SyntaxKind)>();
                }

                list.Add((text, kind));
            }

            foreach (var pair in lists)
            {
                _byLengthAndFirst[pair.Key] = pair.Value.ToArray();
            }
        }

        public SyntaxKind Find(string text, int start, int length)
        {
            if (text[start] == '_')
            {
                // __arglist, __makeref, __reftype, __refvalue: rare, so looked up with a string.
                if (length < 2 || text[start + 1] != '_')
                {
                    return SyntaxKind.IdentifierToken;
                }

                var kind = SyntaxFacts.GetKeywordKind(text.Substring(start, length));
                return SyntaxFacts.IsReservedKeyword(kind) ? kind : SyntaxKind.IdentifierToken;
            }

            if (Slot(text, start, length) is not { } slot || _byLengthAndFirst[slot] is not { } candidates)
            {
                return SyntaxKind.IdentifierToken;
            }

            foreach (var (keyword, kind) in candidates)
            {
                if (string.CompareOrdinal(keyword, 0, text, start, length) == 0)
                {
                    return kind;
                }
            }

            return SyntaxKind.IdentifierToken;
        }

        private static int? Slot(string text, int start, int length) =>
            length is >= 2 and < 16 && text[start] is >= 'a' and <= 'z' ? length * 26 + (text[start] - 'a') : null;
    }
}
