using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace CodeLeakGuard.Masking.Http;

/// <summary>
/// Reads the lines of a server-sent-events stream (ended by LF, CRLF or CR), passing the caller's cancellation to
/// every read: <c>StreamReader.ReadLineAsync</c> takes no token in netstandard2.0, so an upstream that stops
/// mid-stream would hold the caller past its timeout.
/// </summary>
internal sealed class SseLineReader
{
    private const int BufferSize = 8192;
    private readonly Stream _stream;
    private readonly Decoder _decoder = new UTF8Encoding(false).GetDecoder();
    private readonly byte[] _bytes = new byte[BufferSize];
    private readonly char[] _chars = new char[new UTF8Encoding(false).GetMaxCharCount(BufferSize)];
    private readonly StringBuilder _line = new();
    private int _position;
    private int _length;
    private bool _afterCarriageReturn;
    private bool _ended;

    public SseLineReader(Stream stream) => _stream = stream;

    /// <summary>The next line without its end, or null at the end of the stream.</summary>
    public async Task<string?> ReadLineAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            if (TryReadBuffered(out var line))
            {
                return line;
            }

            if (_ended)
            {
                if (_line.Length == 0)
                {
                    return null;
                }

                line = _line.ToString();
                _line.Clear();
                return line;
            }

            var read = await _stream.ReadAsync(_bytes, 0, _bytes.Length, cancellationToken).ConfigureAwait(false);
            _ended = read == 0;
            _length = _decoder.GetChars(_bytes, 0, read, _chars, 0, flush: _ended);
            _position = 0;
        }
    }

    /// <summary>The next line if it is already read (no wait, no task: most lines of a stream are), else false.</summary>
    public bool TryReadBuffered(out string? line)
    {
        line = null;
        if (_afterCarriageReturn && _position < _length)
        {
            _afterCarriageReturn = false;
            if (_chars[_position] == '\n')
            {
                _position++; // the LF of a CRLF whose CR already ended the line
            }
        }

        var start = _position;
        while (_position < _length)
        {
            var c = _chars[_position];
            if (c == '\n' || c == '\r')
            {
                if (_line.Length == 0)
                {
                    line = new string(_chars, start, _position - start); // the whole line was in this read
                }
                else
                {
                    line = _line.Append(_chars, start, _position - start).ToString();
                    _line.Clear();
                }

                _position++;
                _afterCarriageReturn = c == '\r';
                return true;
            }

            _position++;
        }

        _line.Append(_chars, start, _position - start);
        return false;
    }
}
