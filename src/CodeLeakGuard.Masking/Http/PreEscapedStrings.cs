using System;
using System.Buffers;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;

namespace CodeLeakGuard.Masking.Http;

/// <summary>
/// The request's masked texts, escaped for the JSON body by the lexing-ahead worker once it has lexed everything
/// (it would otherwise sit idle while the masking thread finishes), so writing the body mostly copies bytes. A text
/// the worker has not reached is escaped by the writer as before; the bytes are the same either way.
/// </summary>
internal sealed class PreEscapedStrings : IDisposable
{
    private const int Pending = 0;
    private const int Escaping = 1;
    private const int Escaped = 2;
    private const int Abandoned = 3;

    /// <summary>The worker leaves after this long without a new text: the masking thread is done or gone (never left waiting).</summary>
    private static readonly TimeSpan IdleLimit = TimeSpan.FromMilliseconds(100);

    private readonly Dictionary<string, Item> _byText = new(ReferenceComparer.Instance); // the masking thread's only
    private readonly ConcurrentQueue<Item> _queue = new();
    private readonly SemaphoreSlim _added = new(0);
    private volatile bool _closed;
    private int _escapedByWorker;

    /// <summary>How many texts the worker has escaped (for tests and diagnostics).</summary>
    internal int EscapedByWorker => Volatile.Read(ref _escapedByWorker);

    /// <summary>A masked text that will be written into the body (masking thread).</summary>
    public void Add(string text)
    {
        if (_closed || text.Length < JsonBodyWriter.LongString || _byText.ContainsKey(text)) // shorter ones: not worth a buffer
        {
            return;
        }

        var item = new Item(text);
        _byText.Add(text, item);
        _queue.Enqueue(item);
        _added.Release();
    }

    /// <summary>No more texts will be added, and the worker should stop waiting for them.</summary>
    public void Close()
    {
        _closed = true;
        _added.Release();
    }

    /// <summary>The worker's loop: escapes texts as they are added, until <see cref="Close"/> (or a pause in adding).</summary>
    public void Run()
    {
        while (true)
        {
            if (!_added.Wait(IdleLimit))
            {
                return;
            }

            while (_queue.TryDequeue(out var item))
            {
                if (_closed)
                {
                    return;
                }

                if (Interlocked.CompareExchange(ref item.State, Escaping, Pending) == Pending)
                {
                    item.Escape();
                    if (Interlocked.CompareExchange(ref item.State, Escaped, Escaping) == Escaping)
                    {
                        Interlocked.Increment(ref _escapedByWorker);
                    }
                    else
                    {
                        item.Return(); // the writer stopped waiting for it: nobody else will give the buffer back
                    }
                }
            }

            if (_closed)
            {
                return;
            }
        }
    }

    /// <summary>
    /// The escaped form of <paramref name="text"/> (quotes included) if the worker has made it; else the writer escapes
    /// it. A text the worker is still escaping is not waited for: the worker's core may have been taken away.
    /// </summary>
    public bool TryGet(string text, out ReadOnlySpan<byte> escaped)
    {
        escaped = default;
        if (!_byText.TryGetValue(text, out var item) || !Claim(item))
        {
            return false;
        }

        escaped = item.Bytes;
        return true;
    }

    /// <summary>Gives the buffers back (after the body is written); one the worker is still filling it gives back itself.</summary>
    public void Dispose()
    {
        Close();
        foreach (var item in _byText.Values)
        {
            if (Claim(item))
            {
                item.Return();
            }
        }
    }

    // True when the item is escaped (its buffer is the caller's to read); otherwise the worker will not hand it over.
    private static bool Claim(Item item) =>
        Interlocked.CompareExchange(ref item.State, Abandoned, Pending) != Pending
        && Interlocked.CompareExchange(ref item.State, Abandoned, Escaping) != Escaping
        && Volatile.Read(ref item.State) == Escaped;

    private sealed class Item
    {
        public int State;
        private byte[]? _buffer;
        private int _length;

        public Item(string text) => Text = text;

        public string Text { get; }

        public ReadOnlySpan<byte> Bytes => new(_buffer, 0, _length);

        public void Escape()
        {
            _buffer = ArrayPool<byte>.Shared.Rent(JsonBodyWriter.MaxEscapedLength(Text));
            _length = JsonBodyWriter.Escape(Text, _buffer);
        }

        public void Return()
        {
            if (_buffer is not null)
            {
                ArrayPool<byte>.Shared.Return(_buffer);
                _buffer = null;
            }
        }
    }

    private sealed class ReferenceComparer : IEqualityComparer<string>
    {
        public static readonly ReferenceComparer Instance = new();

        public bool Equals(string? x, string? y) => ReferenceEquals(x, y);

        public int GetHashCode(string text) => RuntimeHelpers.GetHashCode(text);
    }
}
