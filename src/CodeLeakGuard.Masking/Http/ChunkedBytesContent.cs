using System;
using System.Buffers;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;

namespace CodeLeakGuard.Masking.Http;

/// <summary>
/// A request body held in chunks from the shared array pool: one 100 KB array would go to the large object heap (whose
/// allocations bring on full collections), and fresh arrays cost a page fault per 4 KB on a heap the collector has just
/// given back to the system. A chunk goes back to the pool only once the content is disposed and no send is still
/// reading it (HTTP/2 sends the body while the answer arrives, and the caller may dispose the request meanwhile):
/// a returned chunk may be handed to anyone, so it must never be read again.
/// </summary>
internal sealed class ChunkedBytesContent : HttpContent
{
    private const int ChunkSize = 64 * 1024;

    private readonly object _gate = new();
    private readonly byte[][] _chunks;
    private readonly int _length;
    private int _readers;
    private bool _disposed;

    private ChunkedBytesContent(byte[][] chunks, int length)
    {
        _chunks = chunks;
        _length = length;
    }

    /// <summary>True once the chunks are back in the pool (for tests).</summary>
    internal bool Returned { get; private set; }

    public static ChunkedBytesContent CopyOf(ReadOnlySpan<byte> bytes)
    {
        var chunks = new byte[(bytes.Length + ChunkSize - 1) / ChunkSize][];
        for (var i = 0; i < chunks.Length; i++)
        {
            var part = bytes.Slice(i * ChunkSize, Math.Min(ChunkSize, bytes.Length - i * ChunkSize));
            chunks[i] = ArrayPool<byte>.Shared.Rent(part.Length);
            part.CopyTo(chunks[i]);
        }

        return new ChunkedBytesContent(chunks, bytes.Length);
    }

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        Enter();
        try
        {
            for (var i = 0; i < _chunks.Length; i++)
            {
                await stream.WriteAsync(_chunks[i], 0, ChunkLength(i)).ConfigureAwait(false);
            }
        }
        finally
        {
            Exit();
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        length = _length;
        return true;
    }

    protected override Task<Stream> CreateContentReadStreamAsync()
    {
        Enter();
        try
        {
            return Task.FromResult<Stream>(new MemoryStream(Join(), writable: false));
        }
        finally
        {
            Exit();
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            lock (_gate)
            {
                _disposed = true;
                ReturnIfUnread();
            }
        }

        base.Dispose(disposing);
    }

    private int ChunkLength(int index) => Math.Min(ChunkSize, _length - index * ChunkSize);

    private void Enter()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                throw new ObjectDisposedException(nameof(ChunkedBytesContent));
            }

            _readers++;
        }
    }

    private void Exit()
    {
        lock (_gate)
        {
            _readers--;
            ReturnIfUnread();
        }
    }

    // Under the gate.
    private void ReturnIfUnread()
    {
        if (!_disposed || _readers > 0 || Returned)
        {
            return;
        }

        Returned = true;
        foreach (var chunk in _chunks)
        {
            ArrayPool<byte>.Shared.Return(chunk); // masked bytes, as sent: nothing to clear
        }
    }

    private byte[] Join()
    {
        var all = new byte[_length];
        for (var i = 0; i < _chunks.Length; i++)
        {
            Buffer.BlockCopy(_chunks[i], 0, all, i * ChunkSize, ChunkLength(i));
        }

        return all;
    }
}
