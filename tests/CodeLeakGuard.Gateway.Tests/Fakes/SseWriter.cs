using System.Text;
using Microsoft.AspNetCore.Http;

namespace CodeLeakGuard.Gateway.Tests.Fakes;

/// <summary>
/// Writes server-sent events the way a provider does, each flushed on its own; every event is cut in two network
/// writes (mid-line), so the handler's reader must reassemble events, not rely on one event per read.
/// </summary>
internal static class SseWriter
{
    public static async Task WriteAsync(HttpContext context, IEnumerable<(string? Name, string Data)> events, int? abortAfter = null)
    {
        context.Response.ContentType = "text/event-stream";
        var written = 0;
        foreach (var (name, data) in events)
        {
            if (written == abortAfter)
            {
                // The connection drops mid-stream, as a crashed upstream's would. The pause first lets the client read
                // what was sent: a reset discards data the receiver has not read yet.
                await Task.Delay(300);
                context.Abort();
                return;
            }

            var text = (name is null ? string.Empty : $"event: {name}\n") + $"data: {data}\n\n";
            var half = text.Length / 2;
            await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(text[..half]));
            await context.Response.Body.FlushAsync();
            await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(text[half..]));
            await context.Response.Body.FlushAsync();
            written++;
        }
    }

    /// <summary>Cuts a text into pieces of <paramref name="size"/> characters: every pseudonym longer than that is split.</summary>
    public static IEnumerable<string> Pieces(string text, int size)
    {
        for (var i = 0; i < text.Length; i += size)
        {
            yield return text.Substring(i, Math.Min(size, text.Length - i));
        }
    }
}
