using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CodeLeakGuard.Masking;
using CodeLeakGuard.Masking.Http;
using CodeLeakGuard.Masking.Identifiers;

namespace CodeLeakGuard.Benchmarks;

/// <summary>
/// What <see cref="HandlerBenchmarks"/> sends and what its in-memory provider answers: a ~100 KB Anthropic Messages
/// chat (Markdown turns with C# code blocks from the benchmark corpus, and prose about that code), and a streamed
/// answer of a few hundred events written in the pseudonyms the masking session gives that chat, so unmasking has
/// real work to do. Nothing here touches the network.
/// </summary>
internal static class HandlerWorkload
{
    public const int RequestTargetBytes = 100_000;
    public const int StreamEvents = 300;
    public static readonly Uri Endpoint = new("https://api.anthropic.invalid/v1/messages");

    /// <summary>The chat: system prompt, then alternating user/assistant turns until the JSON reaches ~100 KB.</summary>
    /// <param name="documented">Code with its documentation comments (<see cref="MaskingCorpus.DocumentedFiles"/>), as people write it.</param>
    public static byte[] ChatRequest(bool stream, int targetBytes, bool documented = false)
    {
        var files = (documented ? MaskingCorpus.DocumentedFiles() : MaskingCorpus.Files()).Where(f => f.Length is > 1_500 and < 7_000).ToArray();
        var messages = new JsonArray();
        var body = new JsonObject
        {
            ["model"] = "claude-sonnet-4-5",
            ["max_tokens"] = 4096,
            ["stream"] = stream,
            ["system"] = "You are a senior C# reviewer. Answer with code where it helps; keep the public API stable.",
            ["messages"] = messages,
        };
        for (var i = 0; Encoding.UTF8.GetByteCount(body.ToJsonString()) < targetBytes; i++)
        {
            var code = files[i % files.Length];
            var type = Regex.Match(code, @"\b(?:class|struct|interface|enum)\s+([A-Z]\w+)").Groups[1].Value;
            var member = Regex.Match(code, @"\b(?:public|internal|private)\s+[\w<>\[\],]+\s+([A-Z]\w+)\s*\(").Groups[1].Value;
            messages.Add(new JsonObject
            {
                ["role"] = "user",
                ["content"] = $"Here is `{type}` from our code base:\n\n```csharp\n{code}\n```\n\nWhy does {type}.{member} allocate so much, and how would you restructure {type} without breaking its callers?",
            });
            messages.Add(new JsonObject
            {
                ["role"] = "assistant",
                ["content"] = $"{type}.{member} allocates because it builds intermediate collections on every call. Cache them in a field of {type}, " +
                              $"pass spans instead of arrays, and keep {member} as a thin wrapper so callers do not change. Want me to write the new {type}?",
            });
        }

        messages.Add(new JsonObject { ["role"] = "user", ["content"] = "Yes, rewrite the last one." });
        return Encoding.UTF8.GetBytes(body.ToJsonString());
    }

    /// <summary>
    /// The chat as another code base would write it: every capitalised name that is not a framework name gets a suffix
    /// of its own to <paramref name="variant"/>, so each variant's names are names never seen before (as the first
    /// request of a conversation about new code has). Framework names, keywords and the shape stay as they were.
    /// </summary>
    public static byte[] Unseen(byte[] chat, int variant)
    {
        var suffix = new string(new[] { (char)('a' + variant % 26), (char)('a' + variant / 26 % 26), (char)('a' + variant / 676 % 26) });
        var text = Regex.Replace(
            Encoding.UTF8.GetString(chat),
            @"\b[A-Z][a-z][A-Za-z0-9]*\b",
            name => KnownNames.Of(name.Value).Framework == FrameworkNameKind.None ? name.Value + "Q" + suffix : name.Value);
        return Encoding.UTF8.GetBytes(text);
    }

    /// <summary>A follow-up in the same chat: the whole history again, plus one new question.</summary>
    public static byte[] FollowUp(byte[] chat)
    {
        var body = JsonNode.Parse(chat)!.AsObject();
        var messages = body["messages"]!.AsArray();
        messages.Add(new JsonObject { ["role"] = "assistant", ["content"] = "Here is the rewrite; the public surface is unchanged." });
        messages.Add(new JsonObject { ["role"] = "user", ["content"] = "Thanks. Does the rewrite still allocate in the hot path, and should the cache be thread-safe?" });
        return Encoding.UTF8.GetBytes(body.ToJsonString());
    }

    /// <summary>A short streamed question about one small class (~1 KB), so the stream cases measure the answer, not the prompt.</summary>
    public static byte[] SmallStreamRequest() => Encoding.UTF8.GetBytes(new JsonObject
    {
        ["model"] = "claude-sonnet-4-5",
        ["max_tokens"] = 4096,
        ["stream"] = true,
        ["messages"] = new JsonArray(new JsonObject
        {
            ["role"] = "user",
            ["content"] = """
                Explain this class:
                ```csharp
                public sealed class InvoiceSplitter
                {
                    private readonly ITaxLedger _taxLedger;
                    private readonly decimal _roundingThreshold;

                    public InvoiceSplitter(ITaxLedger taxLedger, decimal roundingThreshold)
                    {
                        _taxLedger = taxLedger;
                        _roundingThreshold = roundingThreshold;
                    }

                    public IReadOnlyList<InvoiceLine> SplitByRegion(Invoice invoice, RegionCatalog regions)
                    {
                        var perRegion = new List<InvoiceLine>();
                        foreach (var line in invoice.Lines)
                        {
                            var region = regions.ResolveRegion(line.ShippingAddress);
                            var taxRate = _taxLedger.RateFor(region, line.ProductCategory);
                            perRegion.Add(line.WithTax(RoundToThreshold(line.NetAmount * taxRate)));
                        }

                        return perRegion;
                    }

                    private decimal RoundToThreshold(decimal amount) => Math.Round(amount / _roundingThreshold) * _roundingThreshold;
                }
                ```
                """,
        }),
    }.ToJsonString());

    /// <summary>The masked request as the provider receives it, from one pass through the handler (masking is deterministic per new session).</summary>
    public static string MaskedByHandler(byte[] request)
    {
        var provider = new InMemoryProvider(_ => Json("{}"), recordRequest: true);
        using var invoker = new HttpMessageInvoker(new MaskingHandler(new MaskingSession()) { InnerHandler = provider });
        invoker.SendAsync(Request(request), CancellationToken.None).GetAwaiter().GetResult().Dispose();
        return provider.LastRequestBody!;
    }

    /// <summary>A whole Anthropic message whose text is written in the chat's pseudonyms.</summary>
    public static byte[] WholeAnswer(string maskedRequest)
    {
        var text = AnswerText(maskedRequest, 2_000);
        return Encoding.UTF8.GetBytes(new JsonObject
        {
            ["id"] = "msg_bench",
            ["type"] = "message",
            ["role"] = "assistant",
            ["model"] = "claude-sonnet-4-5",
            ["content"] = new JsonArray(new JsonObject { ["type"] = "text", ["text"] = text }),
            ["stop_reason"] = "end_turn",
            ["stop_sequence"] = null,
            ["usage"] = new JsonObject { ["input_tokens"] = 25_000, ["output_tokens"] = 500 },
        }.ToJsonString());
    }

    /// <summary>The same answer streamed: message_start, a text block of <see cref="StreamEvents"/> deltas, message_delta, message_stop.</summary>
    public static byte[] StreamedAnswer(string maskedRequest)
    {
        var text = AnswerText(maskedRequest, StreamEvents * 12);
        var sse = new StringBuilder();
        void Event(string type, JsonObject data)
        {
            var ordered = new JsonObject { ["type"] = type };
            foreach (var (key, value) in data.ToList())
            {
                data.Remove(key);
                ordered[key] = value;
            }

            sse.Append("event: ").Append(type).Append("\ndata: ").Append(ordered.ToJsonString()).Append("\n\n");
        }

        Event("message_start", new JsonObject
        {
            ["message"] = new JsonObject
            {
                ["id"] = "msg_bench", ["type"] = "message", ["role"] = "assistant", ["model"] = "claude-sonnet-4-5", ["content"] = new JsonArray(),
                ["stop_reason"] = null, ["stop_sequence"] = null, ["usage"] = new JsonObject { ["input_tokens"] = 25_000, ["output_tokens"] = 1 },
            },
        });
        Event("content_block_start", new JsonObject { ["index"] = 0, ["content_block"] = new JsonObject { ["type"] = "text", ["text"] = string.Empty } });
        var size = (text.Length + StreamEvents - 1) / StreamEvents;
        for (var i = 0; i < text.Length; i += size)
        {
            // Cut every `size` characters, wherever that falls: inside pseudonyms too, as model tokens do.
            Event("content_block_delta", new JsonObject { ["index"] = 0, ["delta"] = new JsonObject { ["type"] = "text_delta", ["text"] = text.Substring(i, Math.Min(size, text.Length - i)) } });
        }

        Event("content_block_stop", new JsonObject { ["index"] = 0 });
        Event("message_delta", new JsonObject { ["delta"] = new JsonObject { ["stop_reason"] = "end_turn", ["stop_sequence"] = null }, ["usage"] = new JsonObject { ["output_tokens"] = 900 } });
        Event("message_stop", new JsonObject());
        return Encoding.UTF8.GetBytes(sse.ToString());
    }

    public static HttpRequestMessage Request(byte[] body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, Endpoint) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.TryAddWithoutValidation("x-api-key", "sk-ant-bench");
        request.Headers.TryAddWithoutValidation("anthropic-version", "2023-06-01");
        return request;
    }

    public static HttpResponseMessage Json(string body) => Answer(Encoding.UTF8.GetBytes(body), "application/json");

    public static HttpResponseMessage Answer(byte[] body, string mediaType)
    {
        var content = new StreamContent(new MemoryStream(body, writable: false));
        content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
    }

    // The model "writes" about the code in the pseudonyms it was given: the longest masked text of the request.
    private static string AnswerText(string maskedRequest, int length)
    {
        var source = Strings(JsonNode.Parse(maskedRequest)!["messages"]).OrderByDescending(c => c.Length).First();
        var text = new StringBuilder();
        while (text.Length < length)
        {
            text.Append(source, 0, Math.Min(source.Length, length - text.Length));
        }

        return text.ToString();
    }

    private static IEnumerable<string> Strings(JsonNode? node) => node switch
    {
        JsonObject obj => obj.SelectMany(p => Strings(p.Value)),
        JsonArray array => array.SelectMany(Strings),
        JsonValue value when value.GetValueKind() == System.Text.Json.JsonValueKind.String => [value.GetValue<string>()],
        _ => [],
    };
}

/// <summary>
/// A provider in memory, standing in for a server in another process: it reads the request as a socket handler does
/// (the body copied out to the wire, here <see cref="Stream.Null"/>), then answers without any network. Only when
/// <paramref name="recordRequest"/> does it also keep the body as text, which the benchmark's setup reads; in the
/// measured requests that copy would be the server's work charged to the client (172 KB string and 86 KB buffer per
/// request, both large objects whose budget set off a generation-2 collection every ~30 requests).
/// </summary>
internal sealed class InMemoryProvider(Func<HttpRequestMessage, HttpResponseMessage> answer, bool recordRequest = false) : HttpMessageHandler
{
    public string? LastRequestBody { get; private set; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (recordRequest)
        {
            var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken);
            LastRequestBody = Encoding.UTF8.GetString(body);
        }
        else if (request.Content is not null)
        {
            await request.Content.CopyToAsync(Stream.Null, cancellationToken);
        }

        var response = answer(request);
        response.RequestMessage = request;
        return response;
    }
}

/// <summary>The comparison: a delegating handler that does nothing but pass the request on.</summary>
internal sealed class PassThroughHandler : DelegatingHandler
{
}
