using CodeLeakGuard.Masking.Text;

namespace CodeLeakGuard.Masking.CSharp;

/// <summary>
/// Scans ahead, for secrets, the regions of lexed C# that <see cref="TokenEmitter"/> will mask as text: string
/// literals written as their own value (the bounds <see cref="LiteralMasker"/> masks) and trivia (the bounds
/// <see cref="TriviaMasker.Region"/> gives, over <see cref="TriviaRegions"/>). Other regions (escaped literals, bad tokens) are scanned when masked.
/// </summary>
internal static class CSharpPrescan
{
    public static void Add(PrescannedSecrets prescan, string text, CodeTokens tokens, EmitPlan plan)
    {
        for (var k = 0; k < plan.Count; k++)
        {
            ref readonly var token = ref tokens[EmitPlan.TokenIndex(plan.Entries[k])];
            if (EmitPlan.HasTrivia(plan.Entries[k]))
            {
                AddTrivia(prescan, text, tokens.Leading(token));
                AddTrivia(prescan, text, tokens.Trailing(token));
            }

            if (TokenWrites.Of(token) == TokenWrite.StringLiteral && LiteralMasker.TryGetContentWrittenAsIs(text, token, out var start, out var end))
            {
                prescan.Add(text, start, end);
            }
        }
    }

    private static void AddTrivia(PrescannedSecrets prescan, string text, System.ArraySegment<CodeTrivia> trivia)
    {
        foreach (var item in new TriviaRegions(text, trivia))
        {
            if (TriviaMasker.Region(text, item.Kind, item.Span) is { } region)
            {
                prescan.Add(text, region.Start, region.End);
            }
        }
    }
}
