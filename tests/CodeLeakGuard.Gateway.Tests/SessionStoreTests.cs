namespace CodeLeakGuard.Gateway.Tests;

/// <summary>The gateway's sessions and the stored-answer ids that lead back to them are forgotten together.</summary>
public class SessionStoreTests
{
    [Fact]
    public void The_ids_of_a_forgotten_conversation_are_forgotten_with_it()
    {
        var store = new SessionStore(TestGateway.RealSession, TimeSpan.FromMilliseconds(50));
        var first = store.Get("first");
        store.RememberResponse("resp_1", first);
        store.Remember("conv_1", "first");
        Assert.Equal("first", store.ConversationOfResponse("resp_1"));

        Thread.Sleep(200); // "first" is now idle past the timeout
        store.Get("second");

        Assert.Null(store.ConversationOfResponse("resp_1"));
        Assert.Null(store.ConversationOfResponse("conv_1"));
        Assert.Equal(1, store.Count);
    }

    [Fact]
    public void The_ids_of_a_conversation_in_use_stay()
    {
        var store = new SessionStore(TestGateway.RealSession, TimeSpan.FromHours(1));
        store.RememberResponse("resp_1", store.Get("first"));

        store.Get("second");

        Assert.Equal("first", store.ConversationOfResponse("resp_1"));
    }
}
