using CodeLeakGuard.Masking.Http;

namespace CodeLeakGuard.Masking.Tests;

/// <summary>Texts escaped by the worker while the writer takes them: each is taken whole and right, or left to the writer.</summary>
public class PreEscapedStringsTests
{
    [Fact]
    public async Task The_writer_gets_each_text_escaped_exactly_or_escapes_it_itself()
    {
        var texts = Enumerable.Range(0, 400).Select(i => $"line {i}: \"quoted\"\\path\tté€😀\n" + new string('x', 300 + i)).ToList();
        using var escapes = new PreEscapedStrings();
        var worker = Task.Run(escapes.Run);
        var taken = 0;
        foreach (var text in texts)
        {
            escapes.Add(text);
        }

        Assert.True(SpinWait.SpinUntil(() => escapes.EscapedByWorker > 0, TimeSpan.FromSeconds(10)), "the worker escaped nothing");
        foreach (var text in texts.AsEnumerable().Reverse()) // meet the worker on its way
        {
            var expected = new byte[text.Length * 6 + 2];
            var length = JsonBodyWriter.Escape(text, expected);
            if (escapes.TryGet(text, out var escaped))
            {
                Assert.Equal(expected.AsSpan(0, length).ToArray(), escaped.ToArray());
                taken++;
            }
        }

        escapes.Close();
        await worker.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(escapes.EscapedByWorker, taken); // once the writer has asked for every text, the worker can escape none
    }

    [Fact]
    public async Task The_worker_leaves_when_closed_or_when_nothing_comes()
    {
        var closed = new PreEscapedStrings();
        var waiting = Task.Run(closed.Run);
        closed.Close();
        await waiting.WaitAsync(TimeSpan.FromSeconds(10));

        var forgotten = new PreEscapedStrings(); // its owner never closes it: the worker must not wait forever
        await Task.Run(forgotten.Run).WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void Short_texts_and_unknown_texts_are_left_to_the_writer()
    {
        using var escapes = new PreEscapedStrings();
        escapes.Add("short");

        Assert.False(escapes.TryGet("short", out _));
        Assert.False(escapes.TryGet(new string('y', 1000), out _));
    }
}
