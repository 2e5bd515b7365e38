using System;
using System.Numerics;
using System.Runtime.InteropServices;

namespace CodeLeakGuard.Masking.Text;

/// <summary>Well-formed UTF-16: every surrogate is part of a pair. Masking refuses anything else.</summary>
internal static class Utf16
{
    /// <summary>Offset of the first unpaired surrogate, or -1.</summary>
    public static int FindUnpairedSurrogate(string text)
    {
        // Every input is checked, and surrogates are rare: skip whole vectors without one, then check char by char.
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var vectors = MemoryMarshal.Cast<char, Vector<ushort>>(text.AsSpan());
            var first = new Vector<ushort>(0xD800);
            var range = new Vector<ushort>(0x7FF);
            var v = 0;
            while (v < vectors.Length && Vector.LessThanOrEqual(vectors[v] - first, range).Equals(Vector<ushort>.Zero))
            {
                v++;
            }

            i = v * Vector<ushort>.Count; // the skipped vectors hold no surrogate, so a pair cannot straddle this point
        }

        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    i++;
                    continue;
                }

                return i;
            }

            if (char.IsLowSurrogate(c))
            {
                return i;
            }
        }

        return -1;
    }
}
