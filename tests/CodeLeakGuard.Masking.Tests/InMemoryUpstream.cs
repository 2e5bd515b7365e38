using System.Net;
using System.Text;
using CodeLeakGuard.Masking.Http;

namespace CodeLeakGuard.Masking.Tests;

/// <summary>An in-memory provider: records what it was sent, answers with the given body.</summary>
internal sealed class InMemoryUpstream(string answer, string mediaType) : HttpMessageHandler
{
    public List<string> Bodies { get; } = [];

    /// <summary>Sends <paramref name="body"/> through a <see cref="MaskingHandler"/> in a new session to a new provider; the answer is read whole.</summary>
    public static async Task<(HttpResponseMessage Response, InMemoryUpstream Upstream, MaskingAuditRecord? Audit)> SendThroughHandlerAsync(
        string path, byte[] body, string answer = """{"content":[]}""", string mediaType = "application/json")
    {
        MaskingAuditRecord? audit = null;
        var upstream = new InMemoryUpstream(answer, mediaType);
        var options = MaskingHandlerOptions.ForSession(new MaskingSession());
        options.Audit = record => audit = record;
        using var client = new HttpClient(new MaskingHandler(options, upstream));
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        var response = await client.PostAsync("http://127.0.0.1:9/" + path.TrimStart('/'), content);
        await response.Content.LoadIntoBufferAsync();
        return (response, upstream, audit);
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Bodies.Add(await request.Content!.ReadAsStringAsync(cancellationToken));
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(answer, Encoding.UTF8, mediaType) };
    }
}
