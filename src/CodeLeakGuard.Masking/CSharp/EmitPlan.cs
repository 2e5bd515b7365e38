using System.Buffers;

namespace CodeLeakGuard.Masking.CSharp;

/// <summary>
/// The tokens the writer has anything to do with — identifiers, string literals, bad tokens, and tokens whose
/// trivia is more than whitespace — found while lexing (on any thread), so the writer, which runs in order on the
/// masking thread, visits about a third of the tokens instead of all of them. Keywords, punctuation, numbers and
/// whitespace are copied through untouched either way. Entries are token indexes shifted left by one; the low bit
/// says the token's trivia must be walked. The array comes from the shared pool: the writer gives it back.
/// </summary>
internal sealed class EmitPlan
{
    private EmitPlan(int[] entries, int count)
    {
        Entries = entries;
        Count = count;
    }

    public int[] Entries { get; }

    public int Count { get; }

    public static EmitPlan Build(CodeTokens tokens)
    {
        var entries = ArrayPool<int>.Shared.Rent(tokens.Count);
        var count = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            ref readonly var token = ref tokens[i];
            var trivia = token.HasTriviaToWalk;
            if (trivia || TokenWrites.Of(token) != TokenWrite.None)
            {
                entries[count++] = (i << 1) | (trivia ? 1 : 0);
            }
        }

        return new EmitPlan(entries, count);
    }

    public static int TokenIndex(int entry) => entry >> 1;

    public static bool HasTrivia(int entry) => (entry & 1) != 0;

    public void Return() => ArrayPool<int>.Shared.Return(Entries);
}
