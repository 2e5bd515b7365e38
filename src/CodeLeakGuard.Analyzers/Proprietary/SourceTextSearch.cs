using System;
using Microsoft.CodeAnalysis.Text;

namespace CodeLeakGuard.Analyzers.Proprietary;

/// <summary>
/// Case-insensitive search for an ASCII word in a SourceText by chunks, through one reused buffer per thread: every
/// file of a compilation is searched (several times), so the search copies no file into a string and allocates nothing.
/// </summary>
internal static class SourceTextSearch
{
    private const int ChunkSize = 16 * 1024;

    [ThreadStatic]
    private static char[]? _buffer;

    public static bool Contains(SourceText text, string needle)
    {
        if (needle.Length == 0 || text.Length < needle.Length)
        {
            return needle.Length == 0;
        }

        var size = ChunkSize + needle.Length;
        var buffer = _buffer is { } reused && reused.Length >= size ? reused : _buffer = new char[size];
        for (var start = 0; start < text.Length; start += ChunkSize)
        {
            var count = Math.Min(size, text.Length - start); // chunks overlap by the needle's length
            text.CopyTo(start, buffer, 0, count);
            if (ContainsIgnoringCase(buffer, count, needle))
            {
                return true;
            }
        }

        return false;
    }

    private static bool ContainsIgnoringCase(char[] buffer, int count, string needle)
    {
        var lower = char.ToLowerInvariant(needle[0]);
        var upper = char.ToUpperInvariant(needle[0]);
        for (var i = 0; i <= count - needle.Length; i++)
        {
            if (buffer[i] != lower && buffer[i] != upper)
            {
                continue;
            }

            var j = 1;
            while (j < needle.Length && char.ToLowerInvariant(buffer[i + j]) == char.ToLowerInvariant(needle[j]))
            {
                j++;
            }

            if (j == needle.Length)
            {
                return true;
            }
        }

        return false;
    }
}
