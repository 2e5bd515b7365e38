using System;
using System.Buffers;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace CodeLeakGuard.Masking.Http;

/// <summary>
/// A buffer writer over arrays from the shared pool, given back on dispose: a 100 KB body read or written here puts
/// nothing on the large object heap, whose allocations would otherwise bring on a full collection every few requests.
/// </summary>
internal sealed class PooledBytes : IBufferWriter<byte>, IDisposable
{
    private const int ReadChunk = 16 * 1024;

    private readonly bool _clearOnReturn;
    private byte[] _array;
    private int _count;

    /// <param name="clearOnReturn">Zero the array before giving it back (it held text that was not yet masked).</param>
    public PooledBytes(int capacity, bool clearOnReturn)
    {
        _array = ArrayPool<byte>.Shared.Rent(Math.Max(capacity, 1));
        _clearOnReturn = clearOnReturn;
    }

    public int Count => _count;

    public ReadOnlyMemory<byte> Written => new(_array, 0, _count);

    /// <summary>The same bytes, to change in place (they are the caller's own copy of the body).</summary>
    public Span<byte> WrittenSpan => new(_array, 0, _count);

    /// <summary>The whole of <paramref name="content"/> (none for no content), unmasked: cleared when given back.</summary>
    public static async Task<PooledBytes> ReadAsync(HttpContent? content, CancellationToken cancellationToken)
    {
        var length = content?.Headers.ContentLength;
        var bytes = new PooledBytes(length is > 0 and < int.MaxValue - 1 ? (int)length + 1 : ReadChunk, clearOnReturn: true);
        if (content is null)
        {
            return bytes;
        }

        try
        {
            var stream = await content.ReadAsStreamAsync().ConfigureAwait(false);
            await bytes.ReadToEndAsync(stream, cancellationToken).ConfigureAwait(false);
            return bytes;
        }
        catch
        {
            bytes.Dispose();
            throw;
        }
    }

    public void Advance(int count) => _count += count;

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return new Memory<byte>(_array, _count, _array.Length - _count);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return new Span<byte>(_array, _count, _array.Length - _count);
    }

    public void Dispose()
    {
        if (_array.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_array, _clearOnReturn);
            _array = Array.Empty<byte>();
            _count = 0;
        }
    }

    private async Task ReadToEndAsync(Stream stream, CancellationToken cancellationToken)
    {
        while (true)
        {
            Ensure(1);
            var read = await stream.ReadAsync(_array, _count, _array.Length - _count, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                return;
            }

            _count += read;
        }
    }

    private void Ensure(int sizeHint)
    {
        if (_array.Length - _count < Math.Max(sizeHint, 1))
        {
            var grown = ArrayPool<byte>.Shared.Rent(Math.Max(_array.Length * 2, _count + Math.Max(sizeHint, ReadChunk)));
            Buffer.BlockCopy(_array, 0, grown, 0, _count);
            ArrayPool<byte>.Shared.Return(_array, _clearOnReturn);
            _array = grown;
        }
    }
}
