using System;
using System.Collections.Generic;

namespace CodeLeakGuard.Secrets;

/// <summary>Shannon entropy in bits per character: random keys score high, words and repeated placeholders low.</summary>
public static class ShannonEntropy
{
    public static double BitsPerChar(string text) => BitsPerChar(text, 0, text?.Length ?? 0);

    public static double BitsPerChar(string text, int start, int length)
    {
        if (text is null || length <= 0)
        {
            return 0;
        }

        if (start < 0 || start + length > text.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(length));
        }

        var counts = new Dictionary<char, int>();
        for (var i = start; i < start + length; i++)
        {
            counts.TryGetValue(text[i], out var count);
            counts[text[i]] = count + 1;
        }

        var entropy = 0.0;
        foreach (var count in counts.Values)
        {
            var p = (double)count / length;
            entropy -= p * Math.Log(p, 2);
        }

        return entropy;
    }
}
