using System;
using System.Text;

namespace CodeLeakGuard.Masking.Text;

/// <summary>
/// The output of masking one region of a source string: replacements in increasing position, everything between
/// them copied through. A region that is not replaced is copied as it is, so the text around the masked parts stays
/// byte for byte what it was (which makes unmasking exact).
/// </summary>
internal sealed class MaskedText
{
    private readonly string _source;
    private readonly int _start;
    private readonly int _end;
    private StringBuilder? _builder;
    private int _copied;

    public MaskedText(string source, int start, int end)
    {
        _source = source;
        _start = start;
        _copied = start;
        _end = end;
    }

    // Most regions (a literal, a comment) need no replacement: the builder is made on the first one.
    private StringBuilder _output => _builder ??= new StringBuilder(_end - _start + 64);

    public string Source => _source;

    /// <summary>Source position up to which output has been produced.</summary>
    public int Position => _copied;

    public bool Changed { get; private set; }

    public void Replace(int start, int end, string replacement)
    {
        if (start < _copied || end < start || end > _end)
        {
            throw new InvalidOperationException($"replacement {start}..{end} is out of order (output is at {_copied}, region ends at {_end})");
        }

        _output.Append(_source, _copied, start - _copied);
        _output.Append(replacement);
        _copied = end;
        Changed = true;
    }

    /// <summary>Copies the source up to <paramref name="position"/> (so text emitted since a mark can be read).</summary>
    public void CopyTo(int position)
    {
        if (position > _copied)
        {
            _output.Append(_source, _copied, position - _copied);
            _copied = position;
        }
    }

    public (int Output, int Source, bool Changed) Mark() => (_output.Length, _copied, Changed);

    public string EmittedSince((int Output, int Source, bool Changed) mark) => _output.ToString(mark.Output, _output.Length - mark.Output);

    /// <summary>Forgets everything emitted since <paramref name="mark"/>: the caller replaces that part another way.</summary>
    public void Rollback((int Output, int Source, bool Changed) mark)
    {
        _output.Length = mark.Output;
        _copied = mark.Source;
        Changed = mark.Changed;
    }

    public override string ToString()
    {
        if (_builder is null && _copied == _start)
        {
            return _source.Substring(_start, _end - _start);
        }

        CopyTo(_end);
        return _output.ToString();
    }
}
