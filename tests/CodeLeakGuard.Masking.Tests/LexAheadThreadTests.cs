using CodeLeakGuard.Masking.Http;

namespace CodeLeakGuard.Masking.Tests;

/// <summary>The thread that lexes ahead: its own (not the pool's), one job at a time, and never lost to a failing job.</summary>
public class LexAheadThreadTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public void Jobs_run_one_after_another_on_one_background_thread_of_its_own()
    {
        using var worker = new LexAheadThread();
        var first = RunAndWait(worker, () => Thread.CurrentThread);
        var second = RunAndWait(worker, () => Thread.CurrentThread);

        Assert.Equal("CodeLeakGuard lex-ahead", first.Name);
        Assert.True(first.IsBackground, "the thread must not keep the process alive");
        Assert.False(first.IsThreadPoolThread);
        Assert.Same(first, second);
    }

    [Fact]
    public void A_job_given_while_the_thread_is_busy_runs_on_the_thread_pool_instead_of_waiting()
    {
        using var worker = new LexAheadThread();
        using var release = new ManualResetEventSlim();
        using var started = new ManualResetEventSlim();
        worker.Run(() =>
        {
            started.Set();
            release.Wait(Patience);
        });
        Assert.True(started.Wait(Patience));

        var second = RunAndWait(worker, () => Thread.CurrentThread);
        release.Set();

        Assert.True(second.IsThreadPoolThread, "the second request's work waited for the first's");
    }

    [Fact]
    public void A_job_that_throws_does_not_end_the_thread()
    {
        using var worker = new LexAheadThread();
        var before = RunAndWait(worker, () => Thread.CurrentThread);
        worker.Run(() => throw new InvalidOperationException("a bug in lexing ahead"));

        // Until the failing job has ended, later ones go to the pool; after it, to the thread again.
        var deadline = DateTime.UtcNow + Patience;
        Thread after;
        do
        {
            after = RunAndWait(worker, () => Thread.CurrentThread);
        }
        while (after != before && DateTime.UtcNow < deadline);

        Assert.Same(before, after);
    }

    private static T RunAndWait<T>(LexAheadThread worker, Func<T> job)
    {
        var result = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        worker.Run(() => result.SetResult(job()));
        Assert.True(result.Task.Wait(Patience), "the job never ran");
        return result.Task.Result;
    }
}
