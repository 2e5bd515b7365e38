using System;
using System.Buffers;

namespace CodeLeakGuard.Masking.Text;

/// <summary>
/// The output of masking one region of a source string: replacements in increasing position, everything between
/// them copied through. A region that is not replaced is copied as it is, so the text around the masked parts stays
/// byte for byte what it was (which makes unmasking exact). The output buffer comes from the shared array pool and
/// goes back when the text is taken (masking a large file would otherwise make several large-object-heap copies).
/// </summary>
internal sealed class MaskedText
{
    private readonly string _source;
    private readonly int _start;
    private readonly int _end;
    private char[]? _buffer;
    private int _length;
    private int _copied;

    public MaskedText(string source, int start, int end)
    {
        _source = source;
        _start = start;
        _copied = start;
        _end = end;
    }

    public string Source => _source;

    /// <summary>Source position up to which output has been produced.</summary>
    public int Position => _copied;

    public bool Changed { get; private set; }

    public void Replace(int start, int end, string replacement)
    {
        CheckOrder(start, end);

        Append(_source, _copied, start - _copied);
        Append(replacement, 0, replacement.Length);
        _copied = end;
        Changed = true;
    }

    /// <summary>
    /// Replaces <c>source[start..end)</c> with what <paramref name="region"/>, a masked copy of that region's text,
    /// produced, straight from its buffer (no string of it is made); <paramref name="region"/> is spent.
    /// </summary>
    public void Replace(int start, int end, MaskedText region)
    {
        CheckOrder(start, end);

        region.CopyTo(region._end);
        Append(_source, _copied, start - _copied);
        if (region._buffer is { } buffer)
        {
            Append(buffer, region._length);
        }

        _copied = end;
        Changed = true;
        region.Discard();
    }

    /// <summary>Gives the buffer back without making the text (when nothing in it was replaced).</summary>
    public void Discard()
    {
        if (_buffer is not null)
        {
            ArrayPool<char>.Shared.Return(_buffer);
            _buffer = null;
        }

        _length = 0;
        _copied = _start;
    }

    /// <summary>Copies the source up to <paramref name="position"/> (so text emitted since a mark can be read).</summary>
    public void CopyTo(int position)
    {
        if (position > _copied)
        {
            Append(_source, _copied, position - _copied);
            _copied = position;
        }
    }

    public (int Output, int Source, bool Changed) Mark() => (_length, _copied, Changed);

    public string EmittedSince((int Output, int Source, bool Changed) mark) => _buffer is null ? string.Empty : new string(_buffer, mark.Output, _length - mark.Output);

    /// <summary>Forgets everything emitted since <paramref name="mark"/>: the caller replaces that part another way.</summary>
    public void Rollback((int Output, int Source, bool Changed) mark)
    {
        _length = mark.Output;
        _copied = mark.Source;
        Changed = mark.Changed;
    }

    /// <summary>The masked region; the buffer goes back to the pool, so call this once, at the end.</summary>
    public override string ToString()
    {
        if (_buffer is null && _copied == _start)
        {
            return _source.Substring(_start, _end - _start);
        }

        CopyTo(_end);
        var text = new string(_buffer!, 0, _length);
        Discard();
        return text;
    }

    private void CheckOrder(int start, int end)
    {
        if (start < _copied || end < start || end > _end)
        {
            throw new InvalidOperationException($"replacement {start}..{end} is out of order (output is at {_copied}, region ends at {_end})");
        }
    }

    private void Append(string text, int start, int count)
    {
        if (count <= 0)
        {
            return;
        }

        Reserve(count);
        text.CopyTo(start, _buffer!, _length, count);
        _length += count;
    }

    private void Append(char[] chars, int count)
    {
        if (count <= 0)
        {
            return;
        }

        Reserve(count);
        Array.Copy(chars, 0, _buffer!, _length, count);
        _length += count;
    }

    private void Reserve(int count)
    {
        if (_buffer is null || _length + count > _buffer.Length)
        {
            var grown = ArrayPool<char>.Shared.Rent(Math.Max(_length + count, Math.Max(_end - _start + 64, (_buffer?.Length ?? 0) * 2)));
            if (_buffer is not null)
            {
                Array.Copy(_buffer, grown, _length);
                ArrayPool<char>.Shared.Return(_buffer);
            }

            _buffer = grown;
        }
    }
}
