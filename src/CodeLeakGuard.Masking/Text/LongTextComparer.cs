using System;
using System.Collections.Generic;

namespace CodeLeakGuard.Masking.Text;

/// <summary>
/// Ordinal equality for whole prompts as dictionary keys, hashing the length and about a hundred characters spread
/// over the text instead of every character: a request's texts are each looked up several times (remembered, lexed
/// ahead), and hashing all of a 100 KB request's text at every lookup cost more than the rest of the lookups. Texts
/// alike wherever the hash looks share a bucket and are told apart by the full comparison: slower, never wrong. Where
/// it looks is shifted by a per-process random offset, so nobody can make many texts collide on purpose.
/// </summary>
internal sealed class LongTextComparer : IEqualityComparer<string>
{
    public static readonly LongTextComparer Instance = new();

    private const int Spread = 64;
    private const int Ends = 16;
    private static readonly int Offset = new Random().Next(1 << 20);

    public bool Equals(string? x, string? y) => string.Equals(x, y, StringComparison.Ordinal);

    public int GetHashCode(string text)
    {
        unchecked
        {
            var hash = 2166136261u ^ (uint)text.Length;
            if (text.Length <= Spread + 2 * Ends)
            {
                foreach (var c in text)
                {
                    hash = (hash ^ c) * 16777619u;
                }

                return (int)hash;
            }

            for (var i = 0; i < Ends; i++)
            {
                hash = (hash ^ text[i]) * 16777619u;
                hash = (hash ^ text[text.Length - 1 - i]) * 16777619u;
            }

            var step = text.Length / Spread;
            for (var i = Offset % step; i < text.Length; i += step)
            {
                hash = (hash ^ text[i]) * 16777619u;
            }

            return (int)(hash ^ (hash >> 15));
        }
    }
}
