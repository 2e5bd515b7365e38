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
}
