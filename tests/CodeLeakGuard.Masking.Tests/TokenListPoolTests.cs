using CodeLeakGuard.Masking.CSharp;

namespace CodeLeakGuard.Masking.Tests;

/// <summary>
/// Lexing ahead fills token lists on a worker thread and the masking thread gives them back: the pool must hand a
/// list given back on one thread to the next caller on another, or every lexed-ahead text allocates a new list.
/// </summary>
[Collection(TokenListPoolCollection.Name)]
public class TokenListPoolTests
{
    [Fact]
    public async Task A_list_given_back_on_another_thread_is_rented_again()
    {
        var rentedOnWorker = await Task.Run(() =>
        {
            var list = TokenListPool.Rent();
            list.EnsureCapacity(1024);
            return list;
        });

        TokenListPool.Return(rentedOnWorker); // this thread, not the worker

        var rentedAgain = await Task.Run(TokenListPool.Rent);
        Assert.Same(rentedOnWorker, rentedAgain);
        Assert.Equal(0, rentedAgain.Count);
        TokenListPool.Return(rentedAgain);
    }

    /// <summary>Lexing ahead holds a list per code block of a request at once: all of them come back for the next request.</summary>
    [Fact]
    public void Every_list_of_a_request_with_many_code_blocks_is_kept_for_the_next()
    {
        var firstRequest = Enumerable.Range(0, 40).Select(_ => TokenListPool.Rent()).ToList();
        foreach (var list in firstRequest)
        {
            list.EnsureCapacity(2048);
            TokenListPool.Return(list);
        }

        var nextRequest = Enumerable.Range(0, 40).Select(_ => TokenListPool.Rent()).ToList();

        Assert.All(nextRequest, list => Assert.Contains(firstRequest, kept => ReferenceEquals(kept, list)));
        nextRequest.ForEach(TokenListPool.Return);
    }

    /// <summary>What the pool keeps is bounded: a list that would take it past about 15 MB of tokens is dropped.</summary>
    [Fact]
    public void A_list_too_large_to_keep_is_dropped()
    {
        var huge = TokenListPool.Rent();
        huge.EnsureCapacity(1 << 20);

        TokenListPool.Return(huge);

        var rented = Enumerable.Range(0, 64).Select(_ => TokenListPool.Rent()).ToList();
        Assert.DoesNotContain(rented, list => ReferenceEquals(list, huge));
        rented.ForEach(TokenListPool.Return);
    }

    [Fact]
    public void A_list_is_emptied_when_given_back()
    {
        var list = TokenListPool.Rent();
        list.Add(default(CodeToken));

        TokenListPool.Return(list);

        Assert.Equal(0, list.Count);
    }
}

/// <summary>The pool is process-wide: its tests run alone, so no other test rents the list they give back.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TokenListPoolCollection
{
    public const string Name = "token list pool";
}
