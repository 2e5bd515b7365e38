using CodeLeakGuard.Masking.Http;

namespace CodeLeakGuard.Masking.Tests;

/// <summary>The masked body is held in chunks: however it is read, it is the bytes it was made of, with their length.</summary>
public class ChunkedBytesContentTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(64 * 1024)]
    [InlineData(200_001)]
    public async Task It_reads_back_as_the_bytes_it_was_made_of(int length)
    {
        var bytes = Enumerable.Range(0, length).Select(i => (byte)(i * 31 % 251)).ToArray();
        using var content = ChunkedBytesContent.CopyOf(bytes);

        Assert.Equal(length, content.Headers.ContentLength);
        Assert.Equal(bytes, await content.ReadAsByteArrayAsync());
        using var fresh = ChunkedBytesContent.CopyOf(bytes); // read as a stream without being buffered first
        using var stream = await fresh.ReadAsStreamAsync();
        var read = new MemoryStream();
        await stream.CopyToAsync(read);
        Assert.Equal(bytes, read.ToArray());
    }
}
