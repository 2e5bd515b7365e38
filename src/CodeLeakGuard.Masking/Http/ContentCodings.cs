using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Net.Http.Headers;

namespace CodeLeakGuard.Masking.Http;

/// <summary>
/// Undoes a body's content coding (<c>Content-Encoding</c>) so the handler can read it: a request must be read to be
/// masked, an answer to be unmasked. Only gzip is undone (the coding every HTTP stack speaks; netstandard2.0 has no
/// Brotli or zlib stream); any other is refused by the caller, never passed on unread.
/// </summary>
internal static class ContentCodings
{
    /// <summary>The first coding of <paramref name="headers"/> that cannot be undone; null when all can (or there are none).</summary>
    public static string? Unsupported(HttpContentHeaders headers) =>
        headers.ContentEncoding.FirstOrDefault(coding => !IsIdentity(coding) && !IsGzip(coding));

    /// <summary>
    /// <paramref name="coded"/> with every coding of <paramref name="headers"/> undone, the last applied first. Call only
    /// when <see cref="Unsupported"/> is null.
    /// </summary>
    public static Stream Decode(HttpContentHeaders headers, Stream coded)
    {
        var decoded = coded;
        foreach (var coding in headers.ContentEncoding.Reverse())
        {
            if (IsGzip(coding))
            {
                decoded = new GZipStream(decoded, CompressionMode.Decompress);
            }
        }

        return decoded;
    }

    private static bool IsIdentity(string coding) => coding.Trim().Equals("identity", StringComparison.OrdinalIgnoreCase);

    private static bool IsGzip(string coding) =>
        coding.Trim().Equals("gzip", StringComparison.OrdinalIgnoreCase) || coding.Trim().Equals("x-gzip", StringComparison.OrdinalIgnoreCase);
}
