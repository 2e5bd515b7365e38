using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Net.Http.Headers;
using ZstdSharp;

namespace CodeLeakGuard.Masking.Http;

/// <summary>
/// Undoes a body's content coding (<c>Content-Encoding</c>) so the handler can read it: a request must be read to be
/// masked, an answer to be unmasked. gzip (every HTTP stack's coding) and zstd (Codex compresses its request bodies
/// with it) are undone; any other (deflate, br: netstandard2.0 has no zlib or Brotli stream) is refused by the
/// caller, never passed on unread.
/// </summary>
internal static class ContentCodings
{
    /// <summary>The first coding of <paramref name="headers"/> that cannot be undone; null when all can (or there are none).</summary>
    public static string? Unsupported(HttpContentHeaders headers) =>
        headers.ContentEncoding.FirstOrDefault(coding => !IsIdentity(coding) && !IsGzip(coding) && !IsZstd(coding));

    /// <summary>
    /// <paramref name="coded"/> with every coding of <paramref name="headers"/> undone, the last applied first, and no
    /// more than <paramref name="maxDecodedBytes"/> bytes read from it (a few KB of gzip can decode to gigabytes).
    /// Call only when <see cref="Unsupported"/> is null.
    /// </summary>
    public static Stream Decode(HttpContentHeaders headers, Stream coded, long maxDecodedBytes = long.MaxValue)
    {
        var decoded = coded;
        foreach (var coding in headers.ContentEncoding.Reverse())
        {
            if (IsGzip(coding))
            {
                decoded = new GZipStream(decoded, CompressionMode.Decompress);
            }
            else if (IsZstd(coding))
            {
                decoded = new DecompressionStream(decoded);
            }
        }

        return maxDecodedBytes == long.MaxValue || ReferenceEquals(decoded, coded) ? decoded : new DecodedLengthLimit(decoded, maxDecodedBytes);
    }

    /// <summary>Whether <paramref name="error"/>, thrown while reading a decoded body, says the body was not in its coding.</summary>
    public static bool IsCorrupt(Exception error) => error is InvalidDataException or ZstdException;

    private static bool IsIdentity(string coding) => coding.Trim().Equals("identity", StringComparison.OrdinalIgnoreCase);

    private static bool IsGzip(string coding) =>
        coding.Trim().Equals("gzip", StringComparison.OrdinalIgnoreCase) || coding.Trim().Equals("x-gzip", StringComparison.OrdinalIgnoreCase);

    private static bool IsZstd(string coding) => coding.Trim().Equals("zstd", StringComparison.OrdinalIgnoreCase);
}
