using System;
using Microsoft.CodeAnalysis.Text;

namespace CodeLeakGuard.Analyzers.Proprietary;

/// <summary>Case-insensitive search in a SourceText by chunks, so a large file is never copied into one string.</summary>
internal static class SourceTextSearch
{
    private const int ChunkSize = 16 * 1024;

    public static bool Contains(SourceText text, string needle)
    {
        if (text.Length < needle.Length)
        {
            return false;
        }

        var buffer = new char[Math.Min(text.Length, ChunkSize + needle.Length)];
        for (var start = 0; start < text.Length; start += ChunkSize)
        {
            var count = Math.Min(buffer.Length, text.Length - start);
            text.CopyTo(start, buffer, 0, count);
            if (new string(buffer, 0, count).IndexOf(needle, StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return true;
            }
        }

        return false;
    }
}
