using System.Text.Json.Nodes;
using CodeLeakGuard.Masking.Http;

namespace CodeLeakGuard.Masking.Tests;

/// <summary>
/// Runs alone: the worker must get a pool thread while the masking thread is still busy, which other tests running
/// at the same time can prevent (then it never takes a text, and there is nothing to test).
/// </summary>
[Collection(StalledWorkerCollection.Name)]
public class StalledWorkerTests
{
    /// <summary>
    /// A worker that stops in the middle of a text (its core taken away) does not hold the request: the masking thread
    /// lexes that text itself, and the result is the same.
    /// </summary>
    [Fact]
    public async Task A_stalled_worker_does_not_hold_the_request()
    {
        // Enough texts that the worker surely starts, and takes one, before the masking thread is through them.
        var files = TestCodeBase.Files.Where(f => f.Path.EndsWith(".cs", StringComparison.Ordinal)).Take(24).ToList();
        var texts = Enumerable.Range(0, 120).Select(i => $"Question {i}:\n\n```csharp\n{files[i % files.Count].Text}\n```").ToList();
        var oneByOne = new MaskingSession();
        var expected = texts.Select(t => oneByOne.Mask(t, MaskKind.Markdown).Text).ToList();

        for (var attempt = 0; ; attempt++)
        {
            using var release = new ManualResetEventSlim();
            var stalled = 0;
            var sessionMasker = new SessionMasker(new MaskingSession())
            {
                BeforeLexingAhead = _ =>
                {
                    Interlocked.Increment(ref stalled);
                    release.Wait(TimeSpan.FromMinutes(1));
                },
            };
            var body = new JsonObject { ["messages"] = new JsonArray(texts.Select(t => (JsonNode)new JsonObject { ["role"] = "user", ["content"] = t }).ToArray()) };

            // On a thread of its own, as a request's thread: lexing ahead queues its worker to the thread pool. Texts
            // in order only, as one by one (NameOrderTests has a text masked again for a name a later one declares).
            var masking = Task.Factory.StartNew(() => new RequestMasker(sessionMasker) { ChecksNameOrder = false }.Mask(AiApi.AnthropicMessages, body), TaskCreationOptions.LongRunning);
            var finished = await Task.WhenAny(masking, Task.Delay(TimeSpan.FromSeconds(30))) == masking;
            release.Set();
            Assert.True(finished, "the request waited for the stalled worker");
            await masking;
            Assert.Equal(expected, body["messages"]!.AsArray().Select(m => m!["content"]!.GetValue<string>()).ToList());
            if (Volatile.Read(ref stalled) > 0 || attempt == 20)
            {
                Assert.True(stalled > 0, "the worker never took a text, so it never stalled");
                return;
            }
        }
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class StalledWorkerCollection
{
    public const string Name = "stalled lexing worker";
}
