using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using CodeLeakGuard.Masking.Markdown;

namespace CodeLeakGuard.Masking.Http;

/// <summary>
/// Lexes the texts of one request on another core while the session masks them in order. Lexing and classifying
/// code depend on no session state (only deciding names does), so the two can overlap; the masked result is the
/// same, byte for byte, as without it. Texts are added as the request's body is read, and the worker starts as soon
/// as there is enough code to be worth it, while the rest of the body is still being read. The masking thread lexes
/// the first fifth of the texts itself, the worker the rest; whichever thread reaches a text first lexes it: the
/// masking thread never waits for a text the worker has not started, and while the worker is still lexing the text
/// it needs, it lexes the next text nobody has started (lexing costs more than masking, so otherwise it would mostly
/// wait), then waits for the worker only briefly. The worker is <see cref="LexAheadThread"/>, not the thread pool.
/// </summary>
internal sealed class LexAhead
{
    /// <summary>Below this much text a second thread costs more than it saves.</summary>
    private const int MinimumChars = 16 * 1024;

    /// <summary>
    /// The share of the texts (by length, from the first) the masking thread lexes itself while the worker lexes the
    /// rest: masking a text costs about half of lexing it, so the worker, starting with the first text, fell behind
    /// at once and the masking thread mostly waited. Left a fifth (0.15-0.25 measured best, 0.35 worse; measured again
    /// with the masking thread taking the next unstarted text: 0.1 worse, 0.3 no better), both finish more nearly together.
    /// </summary>
    private const double OwnedShare = 0.2;

    /// <summary>How long the masking thread waits for the worker to finish the text it needs before lexing it itself.</summary>
    private static readonly TimeSpan SlowWorker = TimeSpan.FromTicks(5_000); // 0.5 ms

    private readonly MaskingSession _session;
    private readonly Action<string>? _beforeLexing;
    private readonly LexAheadThread _thread;
    private readonly Dictionary<string, Slot> _slots = new(Text.LongTextComparer.Instance);
    private readonly List<Slot> _order = new(); // appended to under its lock until all texts are in
    private volatile bool _stopped;
    private volatile bool _allAdded;
    private bool _started;
    private long _chars;
    private int _workerFrom = 1;

    private LexAhead(MaskingSession session, Action<string>? beforeLexing, LexAheadThread thread)
    {
        _thread = thread;
        _session = session;
        _beforeLexing = beforeLexing;
    }

    /// <summary>The masked texts, escaped for the body by the worker once it has lexed everything (see <see cref="PreEscapedStrings"/>).</summary>
    public PreEscapedStrings Escapes { get; } = new();

    /// <summary>Off only to measure what lexing ahead saves (the handler benchmark's one-core case).</summary>
    internal static bool Enabled { get; set; } = true;

    /// <summary>Lexing ahead for one request, to be given its texts with <see cref="Add"/>; null when there is no second core.</summary>
    /// <param name="beforeLexing">Called on the worker before it lexes a text (tests stall it here).</param>
    /// <param name="thread">The thread to lex on (<see cref="LexAheadThread.Shared"/> unless a test gives its own).</param>
    public static LexAhead? Create(MaskingSession session, Action<string>? beforeLexing = null, LexAheadThread? thread = null) =>
        Enabled && Environment.ProcessorCount >= 2 ? new LexAhead(session, beforeLexing, thread ?? LexAheadThread.Shared) : null;

    /// <summary>A text of the request, in order (on the masking thread); once there is enough code, the worker starts.</summary>
    public void Add(string text)
    {
        if (_allAdded || text.Length > _session.Options.MaxInputLength || !MarkdownSegmenter.MayHoldCode(text) || _slots.ContainsKey(text))
        {
            return;
        }

        var slot = new Slot(text, _order.Count);
        _slots.Add(text, slot);
        lock (_order)
        {
            _order.Add(slot);
        }

        _chars += text.Length;
        if (!_started && _order.Count >= 2 && _chars >= MinimumChars)
        {
            _started = true;
            _thread.Run(Work);
        }
    }

    /// <summary>All texts are in; false when they were too few to start the worker (then nothing was lexed ahead).</summary>
    public bool AllAdded()
    {
        _workerFrom = Math.Max(1, FirstIndexPast(OwnedShare * _chars));
        _allAdded = true;
        return _started;
    }

    // The index of the first text that starts past the first `chars` characters of the texts added.
    private int FirstIndexPast(double chars)
    {
        long seen = 0;
        for (var i = 0; i < _order.Count; i++)
        {
            if (seen >= chars)
            {
                return i;
            }

            seen += _order[i].Text.Length;
        }

        return _order.Count;
    }

    /// <summary>The lexed form of <paramref name="text"/> (once: the caller owns it), or null to lex it the usual way.</summary>
    public LexedMarkdown? Take(string text)
    {
        if (!_slots.TryGetValue(text, out var slot))
        {
            return null;
        }

        if (slot.TryClaim())
        {
            return slot.TryTake() ? _session.LexMarkdown(text) : null;
        }

        if (!slot.TryTake())
        {
            return null;
        }

        while (!slot.IsDone && LexNextUnstarted(slot.Index))
        {
        }

        // The worker is on this very text. If it does not finish soon (its core taken away, as a virtual machine's
        // host does), the text is lexed here instead (null: the caller lexes it) and the worker's result dropped:
        // waiting had held requests for up to 100 ms, against a few hundred microseconds to lex a text.
        return slot.TryWait(SlowWorker, out var lexed) ? lexed : null;
    }

    /// <summary>
    /// Lexes the first text after <paramref name="index"/> no thread has started (on the masking thread, while the
    /// worker is on the text at <paramref name="index"/>); false when there is none. The next one, not the last: the
    /// masking thread masks it right after, and the worker keeps the texts after it, so neither runs out of work
    /// while the other still has some (taking the last ones left the worker idle at the end of a coding agent's
    /// request while the masking thread masked: 4% slower).
    /// </summary>
    private bool LexNextUnstarted(int index)
    {
        for (var next = index + 1; next < _order.Count; next++)
        {
            var slot = _order[next];
            if (slot.TryClaim())
            {
                slot.Complete(_session);
                return true;
            }
        }

        return false;
    }

    /// <summary>No more lexing ahead (the request is done, masked or refused).</summary>
    public void Stop() => _stopped = true;

    private void Work()
    {
        for (var next = 1; !_stopped; next++)
        {
            next = Math.Max(next, Volatile.Read(ref _workerFrom));
            var slot = NextAdded(next);
            if (slot is null)
            {
                break;
            }

            if (slot.TryClaim())
            {
                _beforeLexing?.Invoke(slot.Text);
                slot.Complete(_session);
            }
        }

        Escapes.Run();
    }

    /// <summary>The text at <paramref name="index"/>, waiting (briefly: the body is read far faster than lexed) until it is added; null when there is none.</summary>
    private Slot? NextAdded(int index)
    {
        var spins = 0;
        while (true)
        {
            var allAdded = _allAdded;
            lock (_order)
            {
                if (index < _order.Count)
                {
                    return _order[index];
                }
            }

            if (allAdded || _stopped)
            {
                return null;
            }

            SpinBriefly(ref spins);
        }
    }

    /// <summary>Spins, then yields; never sleeps (a 1 ms sleep would cost more than the whole wait).</summary>
    private static void SpinBriefly(ref int spins)
    {
        if (spins++ < 64)
        {
            Thread.SpinWait(32);
        }
        else
        {
            Thread.Yield();
        }
    }

    private sealed class Slot
    {
        private readonly TaskCompletionSource<LexedMarkdown?> _done = new();
        private int _claimed;
        private int _taken;

        public Slot(string text, int index)
        {
            Text = text;
            Index = index;
        }

        public string Text { get; }

        /// <summary>Its place among the request's texts.</summary>
        public int Index { get; }

        public bool TryClaim() => Interlocked.Exchange(ref _claimed, 1) == 0;

        public bool IsDone => _done.Task.IsCompleted;

        /// <summary>A lexed text is used once: its token lists go back to a pool after masking.</summary>
        public bool TryTake() => Interlocked.Exchange(ref _taken, 1) == 0;

        public void Complete(MaskingSession session)
        {
            LexedMarkdown? lexed = null;
            try
            {
                lexed = session.LexMarkdown(Text);
            }
            catch (Exception)
            {
                // The masking thread lexes it again and reports (or masks) as it always does.
            }

            _done.SetResult(lexed);
        }

        /// <summary>Spins (a blocking wait would add a thread wake-up to the wait) until done or <paramref name="timeout"/> has passed.</summary>
        public bool TryWait(TimeSpan timeout, out LexedMarkdown? lexed)
        {
            var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
            var spins = 0;
            while (!IsDone)
            {
                if (Stopwatch.GetTimestamp() > deadline)
                {
                    lexed = null;
                    return false;
                }

                SpinBriefly(ref spins);
            }

            lexed = _done.Task.Result;
            return true;
        }
    }
}
