using System.Text.Json.Nodes;
using CodeLeakGuard.Masking.Http;

namespace CodeLeakGuard.Masking.Tests;

/// <summary>
/// A request's code is lexed on another core while the session masks its texts in order: the result must be the same,
/// byte for byte, as masking the same texts one by one without it.
/// </summary>
public class LexAheadTests
{
    [Theory]
    [InlineData("```")]
    [InlineData("~~~")] // the other CommonMark fence
    public void A_chat_masked_with_lexing_ahead_equals_the_same_texts_masked_one_by_one(string fence)
    {
        var texts = TestCodeBase.Files
            .Where(f => f.Path.EndsWith(".cs", StringComparison.Ordinal))
            .Take(24)
            .Select((file, i) => $"Question {i}: why is this slow?\n\n{fence}csharp\n{file.Text}\n{fence}\n\nAnd what does `{Path.GetFileNameWithoutExtension(file.Path)}` own?")
            .ToList();
        Assert.True(texts.Sum(t => t.Length) > 32 * 1024, "the chat must be large enough for lexing ahead to start");
        var body = new JsonObject
        {
            ["model"] = "claude-sonnet-4-5",
            ["system"] = "You review C#.",
            ["messages"] = new JsonArray(texts.Select(t => (JsonNode)new JsonObject { ["role"] = "user", ["content"] = t }).ToArray()),
        };

        using var thread = new LexAheadThread(); // its own, so other tests cannot keep it busy
        var sessionMasker = new SessionMasker(new MaskingSession()) { LexAheadThread = thread };
        var requestMasker = new RequestMasker(sessionMasker) { ChecksNameOrder = false }; // texts in order, as one by one (NameOrderTests)
        requestMasker.Mask(AiApi.AnthropicMessages, body);
        Assert.True(sessionMasker.TextsLexedAhead > 0, "lexing ahead did not take part");
        using (var preEscaped = requestMasker.PreEscaped)
        {
            // The body written from the texts the worker escaped is the body written without them.
            Assert.NotNull(preEscaped);
            Assert.True(SpinWait.SpinUntil(() => preEscaped!.EscapedByWorker > 0, TimeSpan.FromSeconds(10)), "the worker escaped nothing");
            Assert.Equal(1, thread.JobsStarted); // the worker is its own thread, not the pool's (which started late; see LexAheadThread)
            Assert.Equal(Write(body, null), Write(body, preEscaped));
        }

        var oneByOne = new MaskingSession();
        var expectedSystem = oneByOne.Mask("You review C#.", MaskKind.Markdown).Text;
        var expected = texts.Select(t => oneByOne.Mask(t, MaskKind.Markdown).Text).ToList();
        Assert.Equal(expectedSystem, body["system"]!.GetValue<string>());
        var actual = body["messages"]!.AsArray().Select(m => m!["content"]!.GetValue<string>()).ToList();
        Assert.Equal(expected, actual);
        Assert.NotEqual(texts, actual); // the names were masked at all
    }

    [Fact]
    public void Placeholder_lookalikes_found_while_lexing_ahead_are_reserved_as_when_masking_directly()
    {
        const string text = "We renamed Class1 and Method2 last week.\n\n```csharp\nclass Invoice { void Issue() { } }\n```";
        var ahead = new MaskingSession();
        var lexed = ahead.LexMarkdown(text);
        Assert.Equal(new[] { 1, 2 }, lexed.InputNumbers);

        var masked = ahead.MaskMarkdown(text, lexed).Text;

        Assert.Equal(new MaskingSession().Mask(text, MaskKind.Markdown).Text, masked);
        Assert.DoesNotContain("class Class1 ", masked); // 1 and 2 stay reserved: never handed out as pseudonyms
    }

    private static byte[] Write(JsonNode body, PreEscapedStrings? preEscaped)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new System.Text.Json.Utf8JsonWriter(buffer))
        {
            JsonBodyWriter.Write(writer, body, preEscaped);
        }

        return buffer.WrittenSpan.ToArray();
    }
}
