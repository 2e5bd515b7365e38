using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace CodeLeakGuard.Masking.CSharp;

/// <summary>
/// Token lists to lex into, kept for reuse (a 100 KB prompt's code is tens of thousands of tokens: lists on the large
/// object heap). Shared by all threads, not per thread: lexing ahead fills a list on a worker thread and the masking
/// thread gives it back, so a per-thread pool would never see a list again on the thread that needs one.
/// </summary>
internal static class TokenListPool
{
    /// <summary>Lists longer than this are not kept for reuse (about 6 MB of tokens).</summary>
    private const int MaxSpareListCapacity = 1 << 18;

    /// <summary>Enough for two threads lexing and masking a request's texts; more would only hold memory.</summary>
    private const int MaxSpareLists = 8;

    private static readonly Stack<List<SyntaxToken>> Spare = new();

    /// <summary>An empty list to lex into; give it back with <see cref="Return"/> once the code is written.</summary>
    public static List<SyntaxToken> Rent()
    {
        lock (Spare)
        {
            return Spare.Count > 0 ? Spare.Pop() : new List<SyntaxToken>();
        }
    }

    /// <summary>Empties the list (so it holds no tokens) and keeps it for the next caller, on any thread.</summary>
    public static void Return(List<SyntaxToken> tokens)
    {
        tokens.Clear();
        if (tokens.Capacity > MaxSpareListCapacity)
        {
            return;
        }

        lock (Spare)
        {
            if (Spare.Count < MaxSpareLists)
            {
                Spare.Push(tokens);
            }
        }
    }
}
