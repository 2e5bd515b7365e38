using Microsoft.AspNetCore.Http;

namespace CodeLeakGuard.Gateway.Tests.Fakes;

/// <summary>Providers that go wrong: a stream that breaks off, a stream that stops moving, an answer that is not JSON.</summary>
internal static class FailingUpstreams
{
    /// <summary>Streams the Anthropic answer, then drops the connection after <paramref name="events"/> events.</summary>
    public static Func<HttpContext, RecordedRequest, Task> BreaksOffAfter(int events) =>
        (context, request) => FakeAnthropic.RespondAsync(context, request, abortAfter: events);

    /// <summary>Sends headers and the first events, then sends nothing more until the client gives up.</summary>
    public static async Task HangsMidStreamAsync(HttpContext context, RecordedRequest request)
    {
        var events = FakeAnthropic.Events(FakeAnthropic.EchoPrefix + "Class1 is slow", null).Take(3);
        await SseWriter.WriteAsync(context, events);
        await Task.Delay(Timeout.Infinite, context.RequestAborted);
    }

    /// <summary>A whole (not streamed) answer that announces 200 bytes, sends 20, then nothing until the client gives up.</summary>
    public static async Task StallsMidBodyAsync(HttpContext context, RecordedRequest request)
    {
        await SendFirstTwentyOf200BytesAsync(context);
        await Task.Delay(Timeout.Infinite, context.RequestAborted);
    }

    /// <summary>A whole answer that announces 200 bytes, sends 20, and closes the connection.</summary>
    public static async Task BreaksOffMidBodyAsync(HttpContext context, RecordedRequest request)
    {
        await SendFirstTwentyOf200BytesAsync(context);
        await Task.Delay(300);
        context.Abort();
    }

    /// <summary>Streams the Anthropic echo one event every <paramref name="pause"/>: slow, but never stalled.</summary>
    public static Func<HttpContext, RecordedRequest, Task> StreamsSlowly(TimeSpan pause) => async (context, request) =>
    {
        context.Response.ContentType = "text/event-stream";
        foreach (var (name, data) in FakeAnthropic.Events(FakeAnthropic.EchoPrefix + "Class1 is slow", null))
        {
            await context.Response.WriteAsync($"event: {name}\ndata: {data}\n\n");
            await context.Response.Body.FlushAsync();
            await Task.Delay(pause);
        }
    };

    /// <summary>Never answers at all.</summary>
    public static Task HangsBeforeHeadersAsync(HttpContext context, RecordedRequest request) =>
        Task.Delay(Timeout.Infinite, context.RequestAborted);

    /// <summary>A 200 whose body is not JSON, carrying the pseudonyms of the last user message.</summary>
    public static Task AnswersWithBrokenJsonAsync(HttpContext context, RecordedRequest request)
    {
        context.Response.ContentType = "application/json";
        var question = request.Json["messages"]!.AsArray().Last()!["content"]!.GetValue<string>();
        return context.Response.WriteAsync("{\"content\": \"" + question + "\" <truncated");
    }

    private static async Task SendFirstTwentyOf200BytesAsync(HttpContext context)
    {
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = 200;
        await context.Response.Body.WriteAsync("{\"id\":\"msg_1\",\"type\":"u8.ToArray());
        await context.Response.Body.FlushAsync();
    }
}
