using System.Text;
using BenchmarkDotNet.Attributes;
using CodeLeakGuard.Masking;
using CodeLeakGuard.Masking.Http;

namespace CodeLeakGuard.Benchmarks;

/// <summary>
/// What <see cref="MaskingHandler"/> adds to one request, against a <see cref="PassThroughHandler"/> over the same
/// in-memory provider (so only the handler's own cost is measured): a ~100 KB Anthropic Messages chat answered whole
/// (its code without comments, and again with its authors' documentation comments),
/// the same chat with names no request used before (as new code is: the lexer's shared caches have not seen them),
/// the same chat as a follow-up (history plus one new question) in the session that masked it before, and a small
/// request answered by a stream of <see cref="HandlerWorkload.StreamEvents"/> events, read to the end and to its
/// first text delta. Every other invocation is one request in a new masking session (the first request of a
/// conversation: nothing remembered). Targets: added median and p99 under 5 ms per 100 KB request; no delay before
/// the first streamed token beyond one event.
/// </summary>
[Config(typeof(HandlerBenchmarkConfig))]
public class HandlerBenchmarks
{
    /// <summary>Requests of one case: the first (jitting), the warm-up and the measured ones of <see cref="HandlerBenchmarkConfig"/>, with room to spare.</summary>
    private const int UnseenRequests = 240;

    private static readonly byte[] TextDelta = Encoding.UTF8.GetBytes("\"text_delta\"");

    private byte[] _chat = [];
    private byte[] _followUp = [];
    private byte[] _chatAnswer = [];
    private HttpMessageInvoker? _conversation;
    private byte[] _documented = [];
    private byte[] _documentedAnswer = [];
    private byte[] _agent = [];
    private byte[] _agentAnswer = [];
    private byte[] _unseen = [];
    private byte[][] _unseenChats = [];
    private int _unseenVariant;
    private byte[] _streamRequest = [];
    private byte[] _streamAnswer = [];

    [GlobalSetup]
    public void Setup()
    {
        _chat = HandlerWorkload.ChatRequest(stream: false, HandlerWorkload.RequestTargetBytes);
        _chatAnswer = HandlerWorkload.WholeAnswer(HandlerWorkload.MaskedByHandler(_chat));
        _followUp = HandlerWorkload.FollowUp(_chat);
        _documented = HandlerWorkload.ChatRequest(stream: false, HandlerWorkload.RequestTargetBytes, documented: true);
        _documentedAnswer = HandlerWorkload.WholeAnswer(HandlerWorkload.MaskedByHandler(_documented));
        _agent = AgentWorkload.Request(HandlerWorkload.RequestTargetBytes);
        _agentAnswer = HandlerWorkload.WholeAnswer(HandlerWorkload.MaskedByHandler(_agent));
        _streamRequest = HandlerWorkload.SmallStreamRequest();
        _streamAnswer = HandlerWorkload.StreamedAnswer(HandlerWorkload.MaskedByHandler(_streamRequest));

        // Refuse to measure a handler that does not do its job: the answer must come back with real names.
        var masked = ReadAll(Masking(_streamAnswer, "text/event-stream"), _streamRequest).GetAwaiter().GetResult();
        var plain = ReadAll(PassThrough(_streamAnswer, "text/event-stream"), _streamRequest).GetAwaiter().GetResult();
        if (masked == plain)
        {
            throw new InvalidOperationException("the streamed answer came back unchanged: nothing was unmasked");
        }

        Console.WriteLine($"// request {_chat.Length:N0} bytes; documented {_documented.Length:N0}; agent request {_agent.Length:N0} bytes; stream {_streamAnswer.Length:N0} bytes");
    }

    [Benchmark(Baseline = true, Description = "100 KB request: pass-through")]
    [BenchmarkCategory("Request")]
    public Task<int> RequestPassThrough() => Complete(PassThrough(_chatAnswer, "application/json"), _chat);

    [Benchmark(Description = "100 KB request: MaskingHandler")]
    [BenchmarkCategory("Request")]
    public Task<int> RequestMasked() => Complete(Masking(_chatAnswer, "application/json"), _chat);

    /// <summary>The same without lexing ahead on the second core: what <c>LexAhead</c> saves (each case runs in its own process).</summary>
    [Benchmark(Description = "100 KB request: MaskingHandler, one core")]
    [BenchmarkCategory("Request")]
    public Task<int> RequestMaskedOneCore()
    {
        LexAhead.Enabled = false;
        return Complete(Masking(_chatAnswer, "application/json"), _chat);
    }

    [Benchmark(Baseline = true, Description = "100 KB documented request: pass-through")]
    [BenchmarkCategory("DocumentedRequest")]
    public Task<int> DocumentedPassThrough() => Complete(PassThrough(_documentedAnswer, "application/json"), _documented);

    /// <summary>The chat with code as people write it: the same corpus with its authors' documentation comments.</summary>
    [Benchmark(Description = "100 KB documented request: MaskingHandler")]
    [BenchmarkCategory("DocumentedRequest")]
    public Task<int> DocumentedMasked() => Complete(Masking(_documentedAnswer, "application/json"), _documented);

    [Benchmark(Baseline = true, Description = "100 KB agent request: pass-through")]
    [BenchmarkCategory("AgentRequest")]
    public Task<int> AgentPassThrough() => Complete(PassThrough(_agentAnswer, "application/json"), _agent);

    /// <summary>A coding agent's request (<see cref="AgentWorkload"/>): instructions, tool schemas, files read as numbered listings.</summary>
    [Benchmark(Description = "100 KB agent request: MaskingHandler")]
    [BenchmarkCategory("AgentRequest")]
    public Task<int> AgentMasked() => Complete(Masking(_agentAnswer, "application/json"), _agent);

    /// <summary>
    /// The chats with names never seen, one per request of the case, written before the first is measured: written
    /// between requests instead, each one's ~1 MB of strings (large objects among them) was garbage the measured
    /// requests' collections had to pay for.
    /// </summary>
    [GlobalSetup(Targets = new[] { nameof(UnseenPassThrough), nameof(UnseenMasked) })]
    public void WriteUnseenCode()
    {
        Setup();
        _unseenChats = Enumerable.Range(1, UnseenRequests).Select(variant => HandlerWorkload.Unseen(_chat, variant)).ToArray();
        GC.Collect();
    }

    /// <summary>Before each request about new code: the next chat with names no request has used before (not measured).</summary>
    [IterationSetup(Targets = new[] { nameof(UnseenPassThrough), nameof(UnseenMasked) })]
    public void NextUnseenCode()
    {
        _unseenVariant++;
        _unseen = _unseenVariant <= _unseenChats.Length ? _unseenChats[_unseenVariant - 1] : HandlerWorkload.Unseen(_chat, _unseenVariant);
    }

    [Benchmark(Baseline = true, Description = "100 KB request, names never seen: pass-through")]
    [BenchmarkCategory("UnseenRequest")]
    public Task<int> UnseenPassThrough() => Complete(PassThrough(_chatAnswer, "application/json"), _unseen);

    [Benchmark(Description = "100 KB request, names never seen: MaskingHandler")]
    [BenchmarkCategory("UnseenRequest")]
    public Task<int> UnseenMasked() => Complete(Masking(_chatAnswer, "application/json"), _unseen);

    /// <summary>Before each follow-up: a conversation whose session has already masked the chat (not measured).</summary>
    [IterationSetup(Target = nameof(FollowUpMasked))]
    public void StartConversation()
    {
        _conversation = Masking(_chatAnswer, "application/json");
        Send(_conversation, _chat).GetAwaiter().GetResult();
    }

    [Benchmark(Baseline = true, Description = "100 KB follow-up: pass-through")]
    [BenchmarkCategory("FollowUp")]
    public Task<int> FollowUpPassThrough() => Complete(PassThrough(_chatAnswer, "application/json"), _followUp);

    /// <summary>The same chat again with one new question, in the conversation's session: only the new text is masked.</summary>
    [Benchmark(Description = "100 KB follow-up: MaskingHandler")]
    [BenchmarkCategory("FollowUp")]
    public Task<int> FollowUpMasked() => Complete(_conversation!, _followUp);

    [Benchmark(Baseline = true, Description = "Stream to end: pass-through")]
    [BenchmarkCategory("Stream")]
    public Task<int> StreamPassThrough() => Complete(PassThrough(_streamAnswer, "text/event-stream"), _streamRequest);

    [Benchmark(Description = "Stream to end: MaskingHandler")]
    [BenchmarkCategory("Stream")]
    public Task<int> StreamMasked() => Complete(Masking(_streamAnswer, "text/event-stream"), _streamRequest);

    [Benchmark(Baseline = true, Description = "First text delta: pass-through")]
    [BenchmarkCategory("FirstToken")]
    public Task<int> FirstTokenPassThrough() => FirstTextDelta(PassThrough(_streamAnswer, "text/event-stream"), _streamRequest);

    [Benchmark(Description = "First text delta: MaskingHandler")]
    [BenchmarkCategory("FirstToken")]
    public Task<int> FirstTokenMasked() => FirstTextDelta(Masking(_streamAnswer, "text/event-stream"), _streamRequest);

    /// <summary>Up to the response headers only: the prompt's share of the first-token delay (its masking), not the stream's.</summary>
    [Benchmark(Description = "Headers only: MaskingHandler")]
    [BenchmarkCategory("FirstToken")]
    public async Task<int> HeadersOnlyMasked()
    {
        using var invoker = Masking(_streamAnswer, "text/event-stream");
        using var message = HandlerWorkload.Request(_streamRequest);
        using var response = await invoker.SendAsync(message, CancellationToken.None);
        return (int)response.StatusCode;
    }

    // Each request builds its own chain, as a new conversation would; both chains end in the same provider.
    private static HttpMessageInvoker Masking(byte[] answer, string mediaType) =>
        new(new MaskingHandler(new MaskingSession()) { InnerHandler = Provider(answer, mediaType) });

    private static HttpMessageInvoker PassThrough(byte[] answer, string mediaType) =>
        new(new PassThroughHandler { InnerHandler = Provider(answer, mediaType) });

    private static InMemoryProvider Provider(byte[] answer, string mediaType) => new(_ => HandlerWorkload.Answer(answer, mediaType));

    private static async Task<int> Complete(HttpMessageInvoker invoker, byte[] request)
    {
        using (invoker)
        {
            return await Send(invoker, request);
        }
    }

    // Request messages are disposed, as clients do (the gateway, the SDKs' pipelines): a masked body's pooled chunks
    // go back then.
    private static async Task<int> Send(HttpMessageInvoker invoker, byte[] request)
    {
        using (var message = HandlerWorkload.Request(request))
        using (var response = await invoker.SendAsync(message, CancellationToken.None))
        {
            var stream = await response.Content.ReadAsStreamAsync();
            var buffer = new byte[16 * 1024];
            int read, total = 0;
            while ((read = await stream.ReadAsync(buffer)) > 0)
            {
                total += read;
            }

            return total;
        }
    }

    /// <summary>Reads until the first text delta has arrived, as a client rendering tokens would, then stops.</summary>
    private static async Task<int> FirstTextDelta(HttpMessageInvoker invoker, byte[] request)
    {
        using (invoker)
        using (var message = HandlerWorkload.Request(request))
        using (var response = await invoker.SendAsync(message, CancellationToken.None))
        {
            var stream = await response.Content.ReadAsStreamAsync();
            var received = new MemoryStream();
            var buffer = new byte[16 * 1024];
            int read;
            while ((read = await stream.ReadAsync(buffer)) > 0)
            {
                received.Write(buffer, 0, read);
                if (received.GetBuffer().AsSpan(0, (int)received.Length).IndexOf(TextDelta) >= 0)
                {
                    return (int)received.Length;
                }
            }

            throw new InvalidOperationException("the stream ended without a text delta");
        }
    }

    private static async Task<string> ReadAll(HttpMessageInvoker invoker, byte[] request)
    {
        using (invoker)
        using (var message = HandlerWorkload.Request(request))
        using (var response = await invoker.SendAsync(message, CancellationToken.None))
        {
            return await response.Content.ReadAsStringAsync();
        }
    }
}
