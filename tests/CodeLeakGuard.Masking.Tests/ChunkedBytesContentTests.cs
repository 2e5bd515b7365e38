using CodeLeakGuard.Masking.Http;

namespace CodeLeakGuard.Masking.Tests;

/// <summary>
/// The masked body is held in chunks from the shared pool: however it is read, it is the bytes it was made of, with
/// their length; and a chunk goes back to the pool only when nothing can read it any more.
/// </summary>
public class ChunkedBytesContentTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(64 * 1024)]
    [InlineData(200_001)]
    public async Task It_reads_back_as_the_bytes_it_was_made_of(int length)
    {
        var bytes = Bytes(length);
        using var content = ChunkedBytesContent.CopyOf(bytes);

        Assert.Equal(length, content.Headers.ContentLength);
        Assert.Equal(bytes, await content.ReadAsByteArrayAsync());
        using var fresh = ChunkedBytesContent.CopyOf(bytes); // read as a stream without being buffered first
        using var stream = await fresh.ReadAsStreamAsync();
        var read = new MemoryStream();
        await stream.CopyToAsync(read);
        Assert.Equal(bytes, read.ToArray());
    }

    [Fact]
    public void Disposed_unread_it_gives_its_chunks_back()
    {
        var content = ChunkedBytesContent.CopyOf(Bytes(100_000));

        content.Dispose();

        Assert.True(content.Returned);
    }

    [Fact]
    public async Task Disposed_while_being_sent_it_keeps_its_chunks_until_the_send_ends()
    {
        var bytes = Bytes(150_000);
        var content = ChunkedBytesContent.CopyOf(bytes);
        var sent = new StalledStream();

        var sending = content.CopyToAsync(sent); // as HTTP/2 does, still sending after the answer came
        await sent.Stalled.Task;
        content.Dispose();
        Assert.False(content.Returned);
        ChurnThePool(); // were the chunks back in the pool, this would overwrite them
        sent.Resume.SetResult(true);
        await sending;

        Assert.True(content.Returned);
        Assert.Equal(bytes, sent.ToArray());
    }

    [Fact]
    public async Task Disposed_it_cannot_be_sent()
    {
        var content = ChunkedBytesContent.CopyOf(Bytes(10));
        content.Dispose();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => content.CopyToAsync(new MemoryStream()));
    }

    private static byte[] Bytes(int length) => Enumerable.Range(0, length).Select(i => (byte)(i * 31 % 251)).ToArray();

    private static void ChurnThePool()
    {
        for (var i = 0; i < 16; i++)
        {
            var rented = System.Buffers.ArrayPool<byte>.Shared.Rent(64 * 1024);
            Array.Fill(rented, (byte)0xEE);
            System.Buffers.ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>Takes the first write, then stalls the next until told to go on.</summary>
    private sealed class StalledStream : MemoryStream
    {
        public TaskCompletionSource Stalled { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource<bool> Resume { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override async Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            if (Length > 0)
            {
                Stalled.TrySetResult();
                await Resume.Task;
            }

            await base.WriteAsync(buffer, offset, count, cancellationToken);
        }

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (Length > 0)
            {
                Stalled.TrySetResult();
                await Resume.Task;
            }

            await base.WriteAsync(buffer, cancellationToken);
        }
    }
}
