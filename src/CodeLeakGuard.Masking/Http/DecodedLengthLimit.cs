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
internal sealed class DecodedLengthLimit : ReadOnlyStream
{
    private readonly long _limit;
    private long _read;

    public DecodedLengthLimit(Stream inner, long limit)
        : base(inner) => _limit = limit;

    public override int Read(byte[] buffer, int offset, int count) => Count(Inner.Read(buffer, offset, count));

    public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Count(await Inner.ReadAsync(buffer, offset, count, cancellationToken).ConfigureAwait(false));

    private int Count(int read)
    {
        _read += read;
        return _read > _limit ? throw new DecodedBodyTooLargeException(_limit) : read;
    }
}
