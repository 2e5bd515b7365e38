using System.Collections.Generic;

namespace CodeLeakGuard.Masking.CSharp;

/// <summary>
/// Token lists to lex into, kept for reuse (a 100 KB prompt's code is tens of thousands of tokens: arrays on the large
/// object heap, holding no references, so keeping them costs the garbage collector nothing). Shared by all threads,
/// not per thread: lexing ahead fills a list on a worker thread and the masking thread gives it back, so a per-thread
/// pool would never see a list again on the thread that needs one.
/// </summary>
internal static class TokenListPool
{
    /// <summary>
    /// Spare lists hold at most this many tokens in all (about 15 MB): enough for every code block of a large request,
    /// which lexing ahead holds at once. Keeping fewer lists than a request's blocks made every request allocate new
    /// ones, and those kept outlived the request: each garbage collection during a request copied them.
    /// </summary>
    private const int MaxSpareCapacity = 1 << 19;

    private static readonly Stack<CodeTokens> Spare = new();
    private static long _spareCapacity;

    /// <summary>An empty list to lex into; give it back with <see cref="Return"/> once the code is written.</summary>
    public static CodeTokens Rent()
    {
        lock (Spare)
        {
            if (Spare.Count == 0)
            {
                return new CodeTokens();
            }

            var list = Spare.Pop();
            _spareCapacity -= list.Capacity;
            return list;
        }
    }

    /// <summary>Empties the list (so it holds no tokens) and keeps it for the next caller, on any thread.</summary>
    public static void Return(CodeTokens tokens)
    {
        tokens.Clear();
        lock (Spare)
        {
            if (_spareCapacity + tokens.Capacity <= MaxSpareCapacity)
            {
                Spare.Push(tokens);
                _spareCapacity += tokens.Capacity;
            }
        }
    }
}
