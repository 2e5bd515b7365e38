using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;

namespace CodeLeakGuard.Masking.Http;

/// <summary>
/// The thread that lexes ahead: one long-lived background thread, parked between requests, that takes one request's
/// work at a time (a second request at the same time goes to the thread pool). Measured on a two-core virtual
/// machine, after a full GC: a job handed to the thread pool with <c>Task.Run</c> started more than 1 ms late in about
/// 4 % of requests (often more than 3 ms: by then the masking thread has lexed nearly everything itself), a parked
/// thread of its own in about 1 %; the late starts were the handler's slowest requests.
/// </summary>
internal sealed class LexAheadThread : IDisposable
{
    private readonly ConcurrentQueue<Action> _jobs = new();
    private readonly SemaphoreSlim _signal = new(0);
    private readonly object _gate = new();
    private Thread? _thread;
    private int _busy;
    private int _jobsStarted;
    private volatile bool _disposed;

    /// <summary>The process's lexing-ahead thread, started when the first request large enough needs it.</summary>
    public static LexAheadThread Shared { get; } = new();

    /// <summary>How many jobs this thread has started (for tests and diagnostics; not those sent to the pool).</summary>
    internal int JobsStarted => Volatile.Read(ref _jobsStarted);

    /// <summary>Runs <paramref name="job"/> on this thread, or on the thread pool while this thread has another job.</summary>
    public void Run(Action job)
    {
        if (_disposed || Interlocked.CompareExchange(ref _busy, 1, 0) != 0)
        {
            _ = Task.Run(job);
            return;
        }

        EnsureStarted();
        _jobs.Enqueue(job);
        _signal.Release();
    }

    /// <summary>Lets the thread end (tests make their own).</summary>
    public void Dispose()
    {
        _disposed = true;
        _signal.Release();
    }

    private void EnsureStarted()
    {
        lock (_gate)
        {
            _thread ??= StartThread();
        }
    }

    private Thread StartThread()
    {
        var thread = new Thread(Loop) { IsBackground = true, Name = "CodeLeakGuard lex-ahead" };
        thread.Start();
        return thread;
    }

    private void Loop()
    {
        while (!_disposed)
        {
            _signal.Wait();
            while (_jobs.TryDequeue(out var job))
            {
                Interlocked.Increment(ref _jobsStarted);
                try
                {
                    job();
                }
                catch (Exception)
                {
                    // Lexing ahead only saves time: the masking thread lexes whatever the worker did not. An exception
                    // escaping here would end the process (this is not a pool thread), so it goes no further.
                }

                // The job holds its request's texts and lexed code: kept in this frame (the local's address is
                // taken, so the JIT reports it alive until overwritten), they would outlive the request and every
                // collection during the next one would copy them.
                job = null!;
                Volatile.Write(ref _busy, 0);
            }
        }
    }
}
