using System.Text;

namespace CodeLeakGuard.Masking.Http;

/// <summary>
/// Unmasks a text that arrives in pieces. Whatever may still be the start of a pseudonym (<c>Class1</c> could become
/// <c>Class10</c>, or be split as <c>Cla</c> | <c>ss1</c>) is held back until the next piece shows where it ends, so a
/// pseudonym split across stream events is still restored, and everything before it is released at once.
/// </summary>
public sealed class StreamingUnmasker
{
    private readonly IConversationMasker _masker;
    private readonly StringBuilder _pending = new();
    private readonly StringBuilder _written = new(); // the whole text as the model wrote it, and as released: see End
    private readonly StringBuilder _released = new();

    public StreamingUnmasker(IConversationMasker masker) => _masker = masker;

    /// <summary>Adds a piece; returns the unmasked text that is safe to release now (possibly empty).</summary>
    public string Push(string piece)
    {
        _written.Append(piece);
        _pending.Append(piece);
        var text = _pending.ToString();
        var hold = _masker.PendingTokenLength(text);
        if (hold >= text.Length)
        {
            return string.Empty;
        }

        _pending.Clear().Append(text, text.Length - hold, hold);
        return Released(_masker.Unmask(text.Substring(0, text.Length - hold)));
    }

    /// <summary>The rest, at the end of the stream (or of a content block).</summary>
    public string Flush()
    {
        var text = _pending.ToString();
        _pending.Clear();
        return text.Length == 0 ? string.Empty : Released(_masker.Unmask(text));
    }

    /// <summary>
    /// The rest, at the end of the text: and the whole text, as the model wrote it and unmasked, is remembered by a
    /// conversation that keeps answers (so the client's copy in the next request goes out as the model wrote it).
    /// </summary>
    public string End()
    {
        var rest = Flush();
        if (_written.Length > 0 && _masker is IAnswerMemory memory)
        {
            memory.Remember(_written.ToString(), _released.ToString());
        }

        _written.Clear();
        _released.Clear();
        return rest;
    }

    private string Released(string text)
    {
        _released.Append(text);
        return text;
    }
}
