using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace CodeLeakGuard.Masking.Http;

/// <summary>A decompressed body grew past the limit the caller set (a decompression bomb, or simply too large to mask).</summary>
public sealed class DecodedBodyTooLargeException : IOException
{
    public DecodedBodyTooLargeException(long limit)
        : base($"it decompresses to more than {limit:N0} bytes") => Limit = limit;

    public long Limit { get; }
}

/// <summary>Reads a decoded body, and throws <see cref="DecodedBodyTooLargeException"/> once more than the limit has come out of it.</summary>
internal sealed class DecodedLengthLimit : Stream
{
    private readonly Stream _inner;
    private readonly long _limit;
    private long _read;

    public DecodedLengthLimit(Stream inner, long limit)
    {
        _inner = inner;
        _limit = limit;
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => _read;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Count(_inner.Read(buffer, offset, count));

    public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Count(await _inner.ReadAsync(buffer, offset, count, cancellationToken).ConfigureAwait(false));

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private int Count(int read)
    {
        _read += read;
        return _read > _limit ? throw new DecodedBodyTooLargeException(_limit) : read;
    }
}
