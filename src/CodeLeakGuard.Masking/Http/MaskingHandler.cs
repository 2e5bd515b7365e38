using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace CodeLeakGuard.Masking.Http;

/// <summary>
/// An <see cref="HttpClient"/> handler for AI APIs: masks every text the model will see in an Anthropic Messages or
/// OpenAI Chat Completions / Responses request, and unmasks the model's answer, streamed (server-sent events, each
/// forwarded as soon as it is safe) or whole. A request it does not understand, or cannot mask, never leaves: the
/// caller gets an error in the provider's format. Authentication headers pass through untouched.
/// <code>
/// var session = new MaskingSession(new MaskingOptions { Policy = policy });
/// var http = new HttpClient(new MaskingHandler(session) { InnerHandler = new HttpClientHandler() });
/// </code>
/// </summary>
public sealed class MaskingHandler : DelegatingHandler
{
    // Each API's name for the audit record: Enum.ToString ran the enum's reflection again on every request.
    private static readonly Dictionary<AiApi, string> ApiNames = Enum.GetValues(typeof(AiApi)).Cast<AiApi>().ToDictionary(api => api, api => api.ToString());

    private readonly MaskingHandlerOptions _options;

    /// <summary>Every request through this handler belongs to one conversation, masked by <paramref name="session"/>.</summary>
    public MaskingHandler(MaskingSession session)
        : this(MaskingHandlerOptions.ForSession(session))
    {
    }

    /// <inheritdoc cref="MaskingHandler(MaskingSession)"/>
    public MaskingHandler(MaskingSession session, HttpMessageHandler inner)
        : this(MaskingHandlerOptions.ForSession(session), inner)
    {
    }

    public MaskingHandler(MaskingHandlerOptions options) => _options = options ?? throw new ArgumentNullException(nameof(options));

    public MaskingHandler(MaskingHandlerOptions options, HttpMessageHandler inner)
        : base(inner) => _options = options ?? throw new ArgumentNullException(nameof(options));

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var uri = request.RequestUri ?? throw new InvalidOperationException("the request has no URI");
        var api = AiApiDetector.Detect(request.Method, uri.AbsolutePath);
        var audit = new MaskingAuditRecord { Upstream = uri.GetLeftPart(UriPartial.Authority), Path = uri.AbsolutePath, Api = ApiNames[api] };
        if (api is AiApi.ModelList or AiApi.StoredAnswer)
        {
            if (request.Content is not null && (await request.Content.ReadAsByteArrayAsync().ConfigureAwait(false)).Length > 0)
            {
                return Refuse(audit, api, HttpStatusCode.BadRequest, "invalid_request_error",
                    $"{request.Method} {uri.AbsolutePath} carries a body, which such a request never does, so it is blocked", uri);
            }

            var owner = AiApiDetector.StoredAnswerId(request.Method, uri.AbsolutePath) is { } id ? _options.SessionOfResponse(id) : null;
            return await PassAsync(request, audit, owner, cancellationToken).ConfigureAwait(false);
        }

        if (api == AiApi.Unknown)
        {
            if (_options.AllowPassThrough(uri))
            {
                audit.PassedThrough = true;
                return await PassAsync(request, audit, storedResponseSession: null, cancellationToken).ConfigureAwait(false);
            }

            return Refuse(audit, api, HttpStatusCode.BadRequest, "invalid_request_error",
                $"{request.Method} {uri.AbsolutePath} is not an AI API request CodeLeakGuard can mask, so it is blocked (allow pass-through for this endpoint in the policy if it carries no code)", uri);
        }

        var codings = string.Join(", ", request.Content?.Headers.ContentEncoding ?? Enumerable.Empty<string>());
        if (request.Content is { } coded && coded.Headers.ContentEncoding.Count > 0)
        {
            if (ContentCodings.Unsupported(coded.Headers) is { } coding)
            {
                return Refuse(audit, api, HttpStatusCode.UnsupportedMediaType, "invalid_request_error",
                    $"the request body is coded with '{coding}', which CodeLeakGuard cannot undo to mask it, so it is blocked (send it uncompressed, gzip- or zstd-coded)", uri);
            }

            request.Content = new StreamContent(ContentCodings.Decode(coded.Headers, await coded.ReadAsStreamAsync().ConfigureAwait(false), _options.MaxDecodedRequestBytes));
            CopyHeaders(coded.Headers, request.Content.Headers);
        }

        IConversationMasker? masker;
        PooledBytes received;
        try
        {
            received = await PooledBytes.ReadAsync(request.Content, cancellationToken).ConfigureAwait(false);
        }
        catch (DecodedBodyTooLargeException ex)
        {
            return Refuse(audit, api, HttpStatusCode.RequestEntityTooLarge, "request_too_large", $"the request body is too large to mask: {ex.Message}", uri);
        }
        catch (Exception ex) when (ContentCodings.IsCorrupt(ex))
        {
            return Refuse(audit, api, HttpStatusCode.BadRequest, "invalid_request_error", $"the request body is not valid {codings}: {ex.Message}", uri);
        }

        using (received)
        {
            var refusal = MaskBody(request, api, audit, received, out masker);
            if (refusal is not null)
            {
                return refusal;
            }
        }

        // The answer is read to be unmasked, so it is asked for in a coding the handler can undo: none (an inner
        // handler that decompresses adds its own).
        request.Headers.AcceptEncoding.Clear();
        var response = await SendAuditedAsync(request, audit, cancellationToken).ConfigureAwait(false);
        return await UnmaskAsync(response, api, masker!, audit, _options.ResponseIdObserved, uri, cancellationToken).ConfigureAwait(false);
    }

    // The body is parsed where it was read (pooled UTF-8, no string of it, no copy for the document) and written masked
    // into pooled buffers copied once; values left as they were are written from the document, so it lives until then.
    private HttpResponseMessage? MaskBody(HttpRequestMessage request, AiApi api, MaskingAuditRecord audit, PooledBytes received, out IConversationMasker? masker)
    {
        masker = null;
        var uri = request.RequestUri!;
        JsonDocument document;
        try
        {
            LoneSurrogates.Replace(received.WrittenSpan);
            document = JsonDocument.Parse(received.Written);
        }
        catch (JsonException ex)
        {
            // The parser's own message quotes the text it could not read, which may be code or a secret: the client's
            // error and the audit record say only where it is.
            return Refuse(audit, api, HttpStatusCode.BadRequest, "invalid_request_error",
                $"the request body is not valid JSON (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1} of that line)", uri);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return Refuse(audit, api, HttpStatusCode.BadRequest, "invalid_request_error", "the request body is not valid JSON: the body is not a JSON object", uri);
            }

            try
            {
                var body = JsonObject.Create(document.RootElement)!;
                masker = _options.SessionFor(request, body);
                var requestMasker = new RequestMasker(masker) { Images = _options.Images };
                try
                {
                    requestMasker.Mask(api, body);
                    if (requestMasker.NeedsMaskingAgain)
                    {
                        requestMasker.PreEscaped?.Dispose();
                        body = JsonObject.Create(document.RootElement)!;
                        requestMasker = new RequestMasker(masker) { Images = _options.Images, ChecksNameOrder = false };
                        requestMasker.Mask(api, body);
                    }
                }
                catch (MaskingRefusedException ex)
                {
                    return Refuse(audit, api, HttpStatusCode.BadRequest, "invalid_request_error", ex.Message, uri);
                }

                using (requestMasker.PreEscaped)
                {
                    audit.Model = requestMasker.Model ?? AiApiDetector.ModelInPath(uri.AbsolutePath);
                    audit.Masked = requestMasker.Counts;
                    if (_options.Mode == MaskingMode.Block && _options.ShouldBlock(requestMasker.Counts, out var category))
                    {
                        return Refuse(audit, api, HttpStatusCode.Forbidden, "permission_error",
                            $"the request contains {Described(category!)} and the gateway is in block mode; nothing was sent", uri);
                    }

                    request.Content = Replace(request.Content, Utf8Json(body, received.Count, requestMasker.PreEscaped));
                    return null;
                }
            }
            catch (Exception ex) when (UnreadableBody(ex) is { } reason)
            {
                // Found only where the body is read (JSON values are checked lazily), so the check costs nothing when
                // the body is sound; the refusal comes before anything was sent.
                masker = null;
                return Refuse(audit, api, HttpStatusCode.BadRequest, "invalid_request_error", reason, uri);
            }
        }
    }

    /// <summary>Why a body that parsed as JSON still cannot be read (fixed words: the exceptions quote the body); null for any other error.</summary>
    private static string? UnreadableBody(Exception error) => error switch
    {
        ArgumentException { ParamName: "key" } => "the request body has a key twice in one object, which JSON readers resolve differently, so it is not sent",
        InvalidOperationException { InnerException: DecoderFallbackException } => "the request body has text that is not valid UTF-8, so it is not sent",
        _ when JsonValues.IsShapeError(error) =>
            "the request body has a value of a type its place does not allow (a number where text belongs, an object for a list), so it is not sent",
        _ => null,
    };

    /// <summary>
    /// Forwards a request that has nothing to mask as it is (audited, like every other); a stored Responses API answer
    /// is unmasked in the session that masked the request which made it, when that is known.
    /// </summary>
    private async Task<HttpResponseMessage> PassAsync(HttpRequestMessage request, MaskingAuditRecord audit, IConversationMasker? storedResponseSession, CancellationToken cancellationToken)
    {
        if (storedResponseSession is not null)
        {
            request.Headers.AcceptEncoding.Clear();
        }

        var response = await SendAuditedAsync(request, audit, cancellationToken).ConfigureAwait(false);
        if (storedResponseSession is not null)
        {
            return await UnmaskAsync(response, AiApi.OpenAIResponses, storedResponseSession, audit, responseIdObserved: null, request.RequestUri!, cancellationToken).ConfigureAwait(false);
        }

        _options.Audit?.Invoke(audit);
        return response;
    }

    /// <summary>
    /// The provider's answer. When there is none (unreachable, timed out, cancelled), the request is audited with the
    /// reason before the error goes on: it may well have been sent, masked, and the log must show it.
    /// </summary>
    private async Task<HttpResponseMessage> SendAuditedAsync(HttpRequestMessage request, MaskingAuditRecord audit, CancellationToken cancellationToken)
    {
        try
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            audit.Status = (int)response.StatusCode;
            return response;
        }
        catch (Exception ex)
        {
            AuditFailure(audit, ex);
            throw;
        }
    }

    /// <summary>Audits a request that got no whole answer, with the reason.</summary>
    private void AuditFailure(MaskingAuditRecord audit, Exception error)
    {
        audit.Failure = UpstreamFailures.Describe(error);
        _options.Audit?.Invoke(audit);
    }

    /// <summary>The answer with the real names restored (audited), or, when it cannot be read, an error in its place.</summary>
    private async Task<HttpResponseMessage> UnmaskAsync(HttpResponseMessage response, AiApi api, IConversationMasker masker, MaskingAuditRecord audit, Action<string, IConversationMasker>? responseIdObserved, Uri uri, CancellationToken cancellationToken)
    {
        if (api == AiApi.OpenAIEmbeddings)
        {
            // Vectors, as numbers or base64 (whose letters could spell a pseudonym by chance): nothing to unmask, nothing to touch.
            _options.Audit?.Invoke(audit);
            return response;
        }

        if (response.Content is not null && ContentCodings.Unsupported(response.Content.Headers) is { } coding)
        {
            response.Dispose();
            return Refuse(audit, api, HttpStatusCode.BadGateway, "api_error",
                $"the provider's answer is coded with '{coding}', which CodeLeakGuard cannot undo to restore the real names in it, so it was dropped", uri);
        }

        try
        {
            await UnmaskContentAsync(response, api, masker, audit, responseIdObserved, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ContentCodings.IsCorrupt(ex))
        {
            var codings = string.Join(", ", response.Content?.Headers.ContentEncoding ?? Enumerable.Empty<string>());
            response.Dispose();
            return Refuse(audit, api, HttpStatusCode.BadGateway, "api_error", $"the provider's answer is not valid {codings}: {ex.Message}", uri);
        }
        catch (Exception ex)
        {
            response.Dispose(); // cancelled or broken off: its connection is not read to the end
            AuditFailure(audit, ex);
            throw;
        }

        _options.Audit?.Invoke(audit);
        return response;
    }

    private static async Task UnmaskContentAsync(HttpResponseMessage response, AiApi api, IConversationMasker masker, MaskingAuditRecord audit, Action<string, IConversationMasker>? responseIdObserved, CancellationToken cancellationToken)
    {
        if (response.Content is null)
        {
            return;
        }

        var mediaType = response.Content.Headers.ContentType?.MediaType ?? string.Empty;
        if (mediaType.Equals("text/event-stream", StringComparison.OrdinalIgnoreCase))
        {
            audit.Streamed = true;
            var upstream = ContentCodings.Decode(response.Content.Headers, await response.Content.ReadAsStreamAsync().ConfigureAwait(false));
            var transformer = new SseUnmaskingTransformer(masker, api) { ResponseIdObserved = id => responseIdObserved?.Invoke(id, masker) };
            var content = new StreamContent(new UnmaskingSseStream(upstream, transformer));
            CopyHeaders(response.Content.Headers, content.Headers);
            content.Headers.ContentLength = null;
            response.Content = content;
            return;
        }

        var text = LoneSurrogates.Replace(await ReadTextAsync(response.Content, cancellationToken).ConfigureAwait(false));
        string unmasked;
        try
        {
            var node = JsonNode.Parse(text);
            if (api is not (AiApi.OpenAICompletions or AiApi.OpenAIModerations) && (node as JsonObject)?["id"] is JsonValue id && id.GetValueKind() == JsonValueKind.String)
            {
                responseIdObserved?.Invoke(id.GetValue<string>(), masker);
            }

            ResponseUnmasker.Unmask(node, masker);
            unmasked = node?.ToJsonString() ?? text;
        }
        catch (Exception ex) when (ex is JsonException || JsonValues.IsShapeError(ex))
        {
            unmasked = (ex is JsonException ? UnmaskJsonLines(text, masker) : null) ?? masker.Unmask(text);
        }

        response.Content = Replace(response.Content, unmasked);
    }

    /// <summary>
    /// The whole answer as text, read with the caller's token: an upstream that stops sending in the middle of a body
    /// must not hold the request (and the caller's slot for it) for ever.
    /// </summary>
    private static async Task<string> ReadTextAsync(HttpContent content, CancellationToken cancellationToken)
    {
        using var body = ContentCodings.Decode(content.Headers, await content.ReadAsStreamAsync().ConfigureAwait(false));
        using var copy = new MemoryStream();
        await body.CopyToAsync(copy, 81920, cancellationToken).ConfigureAwait(false);
        var bytes = copy.GetBuffer();
        var bom = copy.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
        return Encoding.UTF8.GetString(bytes, bom, (int)copy.Length - bom);
    }

    /// <summary>
    /// A body of JSON lines (a message batch's results), each unmasked as a whole answer; null when it is not one, then
    /// it is unmasked as text.
    /// </summary>
    private static string? UnmaskJsonLines(string text, IConversationMasker masker)
    {
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Trim().Length == 0)
            {
                continue;
            }

            try
            {
                var node = JsonNode.Parse(lines[i]);
                ResponseUnmasker.Unmask(node, masker);
                lines[i] = node?.ToJsonString() ?? lines[i];
            }
            catch (Exception ex) when (ex is JsonException || JsonValues.IsShapeError(ex))
            {
                return null;
            }
        }

        return string.Join("\n", lines);
    }

    /// <summary>A category of what was found, in words: "proprietary code", "a secret (AwsAccessKeyId)".</summary>
    private static string Described(string category) =>
        category == "proprietary" ? "proprietary code"
        : category.StartsWith("secret:", StringComparison.Ordinal) ? $"a secret ({category.Substring("secret:".Length)})"
        : category;

    private HttpResponseMessage Refuse(MaskingAuditRecord audit, AiApi api, HttpStatusCode status, string type, string message, Uri uri)
    {
        audit.Blocked = true;
        audit.BlockReason = AuditText.Redact(message);
        audit.Status = (int)status;
        _options.Audit?.Invoke(audit);
        var anthropic = AiApiDetector.IsAnthropic(api) || uri.Host.IndexOf("anthropic", StringComparison.OrdinalIgnoreCase) >= 0;
        return ProviderErrors.Create(api, status, type, message, anthropic);
    }

    // The body as UTF-8 JSON (long strings escaped by JsonBodyWriter's fast path): no string of it, no encoding of it
    // and no growing buffers on the large object heap.
    private static HttpContent Utf8Json(JsonNode node, int expectedLength, PreEscapedStrings? preEscaped)
    {
        var buffer = new PooledBytes(expectedLength + 1024, clearOnReturn: false);
        try
        {
            using (var writer = new Utf8JsonWriter(buffer))
            {
                JsonBodyWriter.Write(writer, node, preEscaped);
            }

            return ChunkedBytesContent.CopyOf(buffer.Written.Span);
        }
        finally
        {
            buffer.Dispose();
        }
    }

    private static HttpContent Replace(HttpContent? original, string text) => Replace(original, Encoding.UTF8.GetBytes(text));

    private static HttpContent Replace(HttpContent? original, byte[] bytes) => Replace(original, new ByteArrayContent(bytes));

    private static HttpContent Replace(HttpContent? original, HttpContent content)
    {
        if (original is not null)
        {
            CopyHeaders(original.Headers, content.Headers);
        }

        // The length is the new content's own (computed when sent): masking changes it, and a body sent in chunks
        // instead is refused by some servers and proxies.
        if (content.Headers.ContentType is null)
        {
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        }

        return content;
    }

    private static void CopyHeaders(HttpContentHeaders from, HttpContentHeaders to)
    {
        // Every content written here is the body as it is: its own length, no coding.
        foreach (var header in from.Where(h => !h.Key.Equals("Content-Length", StringComparison.OrdinalIgnoreCase) && !h.Key.Equals("Content-Encoding", StringComparison.OrdinalIgnoreCase)))
        {
            to.TryAddWithoutValidation(header.Key, header.Value);
        }
    }
}
