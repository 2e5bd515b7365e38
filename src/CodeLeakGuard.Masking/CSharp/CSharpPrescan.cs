using System.Collections.Generic;
using CodeLeakGuard.Masking.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CodeLeakGuard.Masking.CSharp;

/// <summary>
/// Scans ahead, for secrets, the regions of lexed C# that <see cref="TokenEmitter"/> will mask as text: string
/// literals written as their own value and comments (the same bounds <see cref="LiteralMasker"/> and
/// <see cref="TriviaMasker"/> use). Other regions (escaped literals, directives, disabled code) are scanned when masked.
/// </summary>
internal static class CSharpPrescan
{
    public static void Add(PrescannedSecrets prescan, string text, List<SyntaxToken> tokens, EmitPlan plan)
    {
        for (var k = 0; k < plan.Count; k++)
        {
            var token = tokens[EmitPlan.TokenIndex(plan.Entries[k])];
            if (EmitPlan.HasTrivia(plan.Entries[k]))
            {
                AddComments(prescan, text, token.LeadingTrivia);
                AddComments(prescan, text, token.TrailingTrivia);
            }

            if (IsStringLiteral(token) && LiteralMasker.TryGetContentWrittenAsIs(text, token, out var start, out var end))
            {
                prescan.Add(text, start, end);
            }
        }
    }

    private static void AddComments(PrescannedSecrets prescan, string text, SyntaxTriviaList trivia)
    {
        foreach (var item in trivia)
        {
            if ((SyntaxKind)item.RawKind is SyntaxKind.SingleLineCommentTrivia or SyntaxKind.MultiLineCommentTrivia
                or SyntaxKind.SingleLineDocumentationCommentTrivia or SyntaxKind.MultiLineDocumentationCommentTrivia)
            {
                prescan.Add(text, item.FullSpan.Start, item.FullSpan.End);
            }
        }
    }

    private static bool IsStringLiteral(SyntaxToken token) => (SyntaxKind)token.RawKind is SyntaxKind.StringLiteralToken or SyntaxKind.Utf8StringLiteralToken
        or SyntaxKind.SingleLineRawStringLiteralToken or SyntaxKind.MultiLineRawStringLiteralToken or SyntaxKind.Utf8SingleLineRawStringLiteralToken
        or SyntaxKind.Utf8MultiLineRawStringLiteralToken;
}
