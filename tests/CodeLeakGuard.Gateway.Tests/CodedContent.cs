using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text;

namespace CodeLeakGuard.Gateway.Tests;

/// <summary>A JSON request body compressed as clients send it: gzip, or zstd (as Codex does).</summary>
internal static class CodedContent
{
    public static ByteArrayContent Json(string json, string coding) => Create(Encoding.UTF8.GetBytes(json), coding);

    public static ByteArrayContent Create(byte[] body, string coding)
    {
        var content = new ByteArrayContent(Compress(body, coding));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        content.Headers.ContentEncoding.Add(coding);
        return content;
    }

    private static byte[] Compress(byte[] body, string coding)
    {
        if (coding == "zstd")
        {
            using var zstd = new ZstdSharp.Compressor(3);
            return zstd.Wrap(body).ToArray();
        }

        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(body);
        }

        return buffer.ToArray();
    }
}
