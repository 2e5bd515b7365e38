using System;
using System.Collections.Generic;
using System.Threading;
using CodeLeakGuard.Masking.Text;

namespace CodeLeakGuard.Masking.Http;

/// <summary>
/// A conversation's <see cref="MaskingSession"/> at the HTTP boundary: prompts are masked as Markdown (C# fences as
/// code, prose word by word), answers unmasked; a masking failure refuses the request (fail closed).
/// </summary>
/// <remarks>
/// Chat clients send the whole conversation with every request, so each text is masked once and its masked form
/// remembered: a follow-up costs only its new messages, and the history reaches the provider byte for byte as
/// before (which keeps the provider's prompt cache valid). A remembered text is never less masked than what was
/// already sent: it is exactly what was sent.
/// </remarks>
public sealed class SessionMasker : IConversationMasker, IAnswerMemory
{
    private const int LongestBracketPlaceholder = 96;

    /// <summary>Remembered texts are dropped once they exceed this many characters in total (about 64 MB).</summary>
    private const long MaxRememberedChars = 32L * 1024 * 1024;

    private static readonly IReadOnlyDictionary<string, int> NothingMasked = new Dictionary<string, int>();

    private readonly Dictionary<string, MaskedPrompt> _remembered = new(Text.LongTextComparer.Instance);
    private readonly object _gate = new();
    private long _rememberedChars;
    private int _textsLexedAhead;

    public SessionMasker(MaskingSession session) => Session = session ?? throw new ArgumentNullException(nameof(session));

    public MaskingSession Session { get; }

    /// <summary>How many texts were masked from a lexed form made ahead on another core (for tests and diagnostics).</summary>
    internal int TextsLexedAhead => Volatile.Read(ref _textsLexedAhead);

    public MaskedPrompt Mask(string text) => Mask(text, ahead: null);

    /// <summary>Lexing ahead, on another core, for one request (null without one): give it the texts <see cref="IsRemembered"/> says are new.</summary>
    internal LexAhead? LexAhead() => Http.LexAhead.Create(Session, BeforeLexingAhead, LexAheadThread);

    /// <summary>Called on the lexing-ahead worker before each text it lexes (tests stall the worker with it).</summary>
    internal Action<string>? BeforeLexingAhead { get; set; }

    /// <summary>The thread that lexes ahead (null: the process's shared one; tests give their own).</summary>
    internal LexAheadThread? LexAheadThread { get; set; }

    /// <summary>Whether <paramref name="text"/> was masked before in this conversation (then it is not masked again).</summary>
    internal bool IsRemembered(string text)
    {
        lock (_gate)
        {
            return _remembered.ContainsKey(text);
        }
    }

    /// <param name="path">The file the text holds, when a tool call named it (for the policy's <c>proprietary path</c> rules).</param>
    internal MaskedPrompt Mask(string text, LexAhead? ahead, string? path = null) => Mask(text, ahead, path, out _);

    /// <param name="masked">False when the text was remembered: masked by an earlier call, and not now.</param>
    internal MaskedPrompt Mask(string text, LexAhead? ahead, string? path, out bool masked)
    {
        lock (_gate)
        {
            if (_remembered.TryGetValue(text, out var known))
            {
                masked = false;
                return known;
            }
        }

        var result = MaskNew(text, ahead, path);
        lock (_gate)
        {
            RememberLocked(text, result);
        }

        masked = true;
        return result;
    }

    /// <summary>
    /// A text of the request being masked kept words a later text of it taught the session as names ("Why does
    /// Consignment double-charge?", then <c>class Consignment</c>): its remembered form gets their pseudonyms, as masking
    /// it now would write them. Null when it kept none. A text of an earlier request is never changed: it went out so.
    /// </summary>
    internal MaskedPrompt? NameWordsLearntSince(string text, MaskedPrompt masked, int since)
    {
        if (masked.KeptWords is null || Session.NameWordsLearntSince(masked.Text, masked.KeptWords, since) is not { } named)
        {
            return null;
        }

        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var pair in masked.Counts)
        {
            counts[pair.Key] = pair.Value;
        }

        counts["identifiers"] = (counts.TryGetValue("identifiers", out var identifiers) ? identifiers : 0) + named.Named;
        var again = new MaskedPrompt(named.Text, counts);
        lock (_gate)
        {
            if (_remembered.TryGetValue(text, out var known) && ReferenceEquals(known, masked))
            {
                _rememberedChars += again.Text.Length - masked.Text.Length;
                _remembered[text] = again;
            }
        }

        return again;
    }

    /// <summary>
    /// What the model wrote goes out again as it wrote it (see <see cref="IAnswerMemory"/>); a text the session
    /// already remembers keeps its first masked form. The string values of a JSON text (a tool's input, streamed as
    /// JSON) are remembered one by one, as clients send them back as values.
    /// </summary>
    void IAnswerMemory.Remember(string written, string unmasked)
    {
        lock (_gate)
        {
            if (!_remembered.ContainsKey(unmasked))
            {
                RememberLocked(unmasked, new MaskedPrompt(written, NothingMasked));
            }
        }

        if (WhiteSpace.Trim(written, 0, written.Length) is var (from, to) && from < to && written[from] is '{' or '[')
        {
            JsonValues.Pair(written, unmasked, ((IAnswerMemory)this).Remember);
        }
    }

    private void RememberLocked(string text, MaskedPrompt masked)
    {
        _rememberedChars += text.Length + masked.Text.Length;
        if (_rememberedChars > MaxRememberedChars)
        {
            _remembered.Clear();
            _rememberedChars = text.Length + masked.Text.Length;
        }

        _remembered[text] = masked;
    }

    private MaskedPrompt MaskNew(string text, LexAhead? ahead, string? path)
    {
        try
        {
            var lexed = ahead?.Take(text);
            if (lexed is not null)
            {
                Interlocked.Increment(ref _textsLexedAhead);
            }

            var result = Session.MaskMarkdown(text, lexed, path);
            var report = result.Report;
            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            Add(counts, "identifiers", report.Identifiers);
            Add(counts, "proprietary", report.ProprietarySpans);
            Add(counts, "withheld-literals", report.WithheldLiterals);
            foreach (var pair in report.SecretsByCategory)
            {
                Add(counts, "secret:" + pair.Key, pair.Value);
            }

            return new MaskedPrompt(result.Text, counts) { KeptWords = result.KeptWords };
        }
        catch (MaskingException ex)
        {
            throw new MaskingRefusedException(ex.Message, ex);
        }
    }

    public string Unmask(string text) => Session.Unmask(text).Text;

    /// <summary>
    /// A trailing identifier run may still grow into another pseudonym (<c>Class1</c> into <c>Class10</c>), and an
    /// unclosed <c>&lt;secret:...</c> may be a placeholder cut in two: both wait for the next piece.
    /// </summary>
    public int PendingTokenLength(string text)
    {
        var run = 0;
        while (run < text.Length && (char.IsLetterOrDigit(text[text.Length - 1 - run]) || text[text.Length - 1 - run] == '_'))
        {
            run++;
        }

        if (StartsWithJsonEscape(text, text.Length - run, run))
        {
            run -= 5; // \u003E and the like are complete, not a name that may grow: only what follows one may
        }

        var open = text.LastIndexOf('<');
        if (open >= 0 && text.IndexOf('>', open) < 0 && text.Length - open <= LongestBracketPlaceholder)
        {
            run = Math.Max(run, text.Length - open);
        }

        return Math.Max(run, PendingEscapedBracket(text));
    }

    // Whether the run of letters and digits at `start` begins with the "uXXXX" of a JSON escape.
    private static bool StartsWithJsonEscape(string text, int start, int run) =>
        run >= 5 && start > 0 && text[start - 1] == '\\' && text[start] == 'u'
        && IsHex(text[start + 1]) && IsHex(text[start + 2]) && IsHex(text[start + 3]) && IsHex(text[start + 4]);

    private static bool IsHex(char c) => c is >= '0' and <= '9' or >= 'a' and <= 'f' or >= 'A' and <= 'F';

    /// <summary>
    /// In JSON written as text the brackets may come escaped (<c>\u003Csecret:Kind1\u003E</c>): an escaped opening not yet
    /// closed, or the start of one at the very end, waits for the next piece too.
    /// </summary>
    private static int PendingEscapedBracket(string text)
    {
        var from = Math.Max(0, text.Length - LongestBracketPlaceholder - Unmasking.Unmasker.EscapedBracket.Length);
        var hold = 0;
        for (var at = text.Length - 1; at >= from; at--)
        {
            if (text[at] != '\\')
            {
                continue;
            }

            if (Unmasking.Unmasker.IsEscapedBracket(text, at, 'E'))
            {
                break; // closed: whatever opened before it is complete
            }

            var tail = text.Length - at;
            if (Unmasking.Unmasker.IsEscapedBracket(text, at, 'C'))
            {
                return tail;
            }

            if (tail < Unmasking.Unmasker.EscapedBracket.Length && string.CompareOrdinal(text, at, Unmasking.Unmasker.EscapedBracket, 0, tail) == 0)
            {
                hold = tail; // an escape cut at the end: an opening, or the closing of one further back
            }
        }

        return hold;
    }

    private static void Add(Dictionary<string, int> counts, string key, int value)
    {
        if (value > 0)
        {
            counts[key] = value;
        }
    }
}
