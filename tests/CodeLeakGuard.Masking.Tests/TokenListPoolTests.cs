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
            list.Capacity = 1024;
            return list;
        });

        TokenListPool.Return(rentedOnWorker); // this thread, not the worker

        var rentedAgain = await Task.Run(TokenListPool.Rent);
        Assert.Same(rentedOnWorker, rentedAgain);
        Assert.Empty(rentedAgain);
        TokenListPool.Return(rentedAgain);
    }

    [Fact]
    public void A_list_is_emptied_when_given_back()
    {
        var list = TokenListPool.Rent();
        list.Add(default);

        TokenListPool.Return(list);

        Assert.Empty(list);
    }
}

/// <summary>The pool is process-wide: its tests run alone, so no other test rents the list they give back.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TokenListPoolCollection
{
    public const string Name = "token list pool";
}
