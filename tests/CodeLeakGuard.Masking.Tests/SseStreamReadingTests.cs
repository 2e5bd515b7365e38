using System.Text;
using System.Text.Json.Nodes;
using CodeLeakGuard.Masking.Http;

namespace CodeLeakGuard.Masking.Tests;

/// <summary>
/// A provider's stream is read line by line as its bytes arrive: however the bytes are cut (inside a line, a line
/// end, a multi-byte character), with LF, CRLF or CR line ends, the unmasked stream is the same.
/// </summary>
public class SseStreamReadingTests
{
    private const string Upstream =
        ": keep-alive\r\n\r\n"
        + "event: message_start\r\ndata: {\"type\":\"message_start\",\"message\":{\"id\":\"msg_1\",\"content\":[]}}\r\n\r\n"
        + "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"Café: use {0}\"}}\n\n"
        + "id: 7\revent: content_block_delta\rdata: {\"type\":\"content_block_delta\",\rdata: \"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"{1} → here\"}}\r\r"
        + "event: content_block_stop\ndata: {\"type\":\"content_block_stop\",\"index\":0}\n\n"
        + "event: note\r\ndata: line one\r\ndata:\r\ndata: line three\r\n\r\n";

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(64)]
    public async Task A_stream_cut_anywhere_reads_as_the_same_events(int piece)
    {
        var (session, pseudonym) = SessionWithPseudonym();
        var half = pseudonym.Length / 2;
        var upstream = Encoding.UTF8.GetBytes(Upstream.Replace("{0}", pseudonym.Substring(0, half)).Replace("{1}", pseudonym.Substring(half)));

        var whole = await ReadAll(new MemoryStream(upstream), session);
        var cut = await ReadAll(new PieceStream(upstream, piece), session);

        Assert.Equal(whole, cut);
        var text = string.Concat(whole.Split("\n")
            .Where(line => line.StartsWith("data: {", StringComparison.Ordinal))
            .Select(line => JsonNode.Parse(line.Substring(6))!["delta"]?["text"]?.GetValue<string>()));
        Assert.Equal("Café: use InvoiceSplitter → here", text);
        Assert.StartsWith(": keep-alive\n\n", whole, StringComparison.Ordinal);
        Assert.Contains("id: 7\n", whole, StringComparison.Ordinal);
        Assert.EndsWith("event: note\ndata: line one\ndata: \ndata: line three\n\n", whole, StringComparison.Ordinal);
    }

    private static (MaskingSession Session, string Pseudonym) SessionWithPseudonym()
    {
        var session = new MaskingSession();
        var masked = session.Mask("class InvoiceSplitter { }", MaskKind.CSharp).Text;
        return (session, masked.Split(' ')[1]);
    }

    private static async Task<string> ReadAll(Stream upstream, MaskingSession session)
    {
        using var stream = new UnmaskingSseStream(upstream, new SseUnmaskingTransformer(new SessionMasker(session), AiApi.AnthropicMessages));
        var read = new MemoryStream();
        await stream.CopyToAsync(read, 5); // a reader with a small buffer, too
        return Encoding.UTF8.GetString(read.ToArray());
    }

    /// <summary>Gives its bytes <c>piece</c> at a time, as a network does.</summary>
    private sealed class PieceStream(byte[] bytes, int piece) : MemoryStream(bytes)
    {
        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            base.ReadAsync(buffer, offset, Math.Min(count, piece), cancellationToken);

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer.Slice(0, Math.Min(buffer.Length, piece)), cancellationToken);
    }
}
