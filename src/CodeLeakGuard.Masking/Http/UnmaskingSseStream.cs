using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace CodeLeakGuard.Masking.Http;

/// <summary>
/// A read-only stream over an upstream server-sent-events stream that yields the unmasked events as soon as each is
/// transformed: no buffering of the whole response, so the first token reaches the client without delay. When the
/// upstream connection breaks off mid-stream, the reader first gets an error event in the provider's format (so SDKs
/// report it as the provider's error, not as a truncated answer), then an <see cref="IOException"/>.
/// </summary>
internal sealed class UnmaskingSseStream : ReadOnlyStream
{
    private readonly SseLineReader _reader;
    private readonly SseUnmaskingTransformer _transformer;
    private readonly List<string> _lines = new();
    private readonly StringBuilder _events = new();
    private byte[] _buffer = Array.Empty<byte>(); // the transformed events' bytes, reused from event to event
    private int _count;
    private int _offset;
    private bool _ended;
    private Exception? _broken;

    public UnmaskingSseStream(Stream upstream, SseUnmaskingTransformer transformer)
        : base(upstream)
    {
        _reader = new SseLineReader(upstream);
        _transformer = transformer;
    }

    internal const string BrokenOffMessage = "the AI provider's stream broke off before the answer was complete";

    internal const string CorruptMessage = "the AI provider's stream is not in the coding it was sent in (Content-Encoding), so it cannot be read";

    private static string Why(Exception broken) => ContentCodings.IsCorrupt(broken) ? CorruptMessage : BrokenOffMessage;

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer, offset, count, CancellationToken.None).GetAwaiter().GetResult();

    public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        while (_offset >= _count)
        {
            if (_broken is not null)
            {
                throw new IOException("CodeLeakGuard: " + Why(_broken), _broken);
            }

            if (_ended)
            {
                return 0;
            }

            string next;
            try
            {
                next = await NextEventsAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when ((ex is IOException or HttpRequestException || ContentCodings.IsCorrupt(ex)) && !cancellationToken.IsCancellationRequested)
            {
                // Held-back text is dropped, never sent masked: the answer is incomplete either way.
                _broken = ex;
                next = ProviderErrors.StreamError(_transformer.Api, "api_error", Why(ex));
            }

            var length = Encoding.UTF8.GetByteCount(next);
            if (_buffer.Length < length)
            {
                _buffer = new byte[Math.Max(length, 2 * _buffer.Length)];
            }

            _count = Encoding.UTF8.GetBytes(next, 0, next.Length, _buffer, 0);
            _offset = 0;
        }

        var n = Math.Min(count, _count - _offset);
        Array.Copy(_buffer, _offset, buffer, offset, n);
        _offset += n;
        return n;
    }

    private async Task<string> NextEventsAsync(CancellationToken cancellationToken)
    {
        var lines = _lines;
        lines.Clear();
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!_reader.TryReadBuffered(out var line))
            {
                line = await _reader.ReadLineAsync(cancellationToken).ConfigureAwait(false);
            }

            if (line is null)
            {
                _ended = true;
                var last = lines.Count > 0 ? _transformer.Transform(SseEvent.Parse(lines)) : Array.Empty<SseEvent>();
                return Written(last.Concat(_transformer.Complete()));
            }

            if (line.Length > 0)
            {
                lines.Add(line);
                continue;
            }

            if (lines.Count == 0)
            {
                continue;
            }

            return Written(_transformer.Transform(SseEvent.Parse(lines)));
        }
    }

    private string Written(IEnumerable<SseEvent> events)
    {
        _events.Clear();
        foreach (var e in events)
        {
            e.WriteTo(_events);
        }

        return _events.ToString();
    }
}
