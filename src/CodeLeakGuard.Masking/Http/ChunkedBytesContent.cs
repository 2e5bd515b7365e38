using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;

namespace CodeLeakGuard.Masking.Http;

/// <summary>
/// A request body held in chunks below the large-object threshold: a 100 KB masked body in one array went to the
/// large object heap, whose allocations bring on full collections. Not pooled: the content may still be being sent
/// (HTTP/2 sends the body while the answer arrives) after its request is disposed.
/// </summary>
internal sealed class ChunkedBytesContent : HttpContent
{
    private const int ChunkSize = 64 * 1024;

    private readonly List<byte[]> _chunks;
    private readonly long _length;

    private ChunkedBytesContent(List<byte[]> chunks, long length)
    {
        _chunks = chunks;
        _length = length;
    }

    public static ChunkedBytesContent CopyOf(ReadOnlySpan<byte> bytes)
    {
        var chunks = new List<byte[]>(bytes.Length / ChunkSize + 1);
        for (var at = 0; at < bytes.Length; at += ChunkSize)
        {
            chunks.Add(bytes.Slice(at, Math.Min(ChunkSize, bytes.Length - at)).ToArray());
        }

        return new ChunkedBytesContent(chunks, bytes.Length);
    }

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        foreach (var chunk in _chunks)
        {
            await stream.WriteAsync(chunk, 0, chunk.Length).ConfigureAwait(false);
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        length = _length;
        return true;
    }

    protected override Task<Stream> CreateContentReadStreamAsync() => Task.FromResult<Stream>(new MemoryStream(Join(), writable: false));

    private byte[] Join()
    {
        var all = new byte[_length];
        var at = 0;
        foreach (var chunk in _chunks)
        {
            Buffer.BlockCopy(chunk, 0, all, at, chunk.Length);
            at += chunk.Length;
        }

        return all;
    }
}
