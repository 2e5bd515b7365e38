using System.Net;
using System.Text.Json.Nodes;
using CodeLeakGuard.Masking.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace CodeLeakGuard.Gateway;

/// <summary>Forwards one client request to its upstream through the masking handler and streams the answer back.</summary>
internal sealed class Forwarder
{
    private static readonly HashSet<string> HopByHop = new(StringComparer.OrdinalIgnoreCase)
    {
        "Connection", "Keep-Alive", "Proxy-Connection", "Proxy-Authenticate", "Proxy-Authorization", "TE", "Trailer", "Transfer-Encoding", "Upgrade",
        "Host", "Content-Length", "Accept-Encoding", ConversationKeys.Header,
    };

    private readonly GatewayOptions _options;
    private readonly SessionStore _sessions;
    private readonly AuditLog _audit;
    private readonly UpstreamRouter _router;
    private readonly SemaphoreSlim _concurrency;
    private readonly HttpMessageInvoker _client;
    private readonly AsyncLocal<Exchange?> _current = new();

    public Forwarder(GatewayOptions options, SessionStore sessions, AuditLog audit)
    {
        _options = options;
        _sessions = sessions;
        _audit = audit;
        _router = new UpstreamRouter(options.Upstreams);
        _concurrency = new SemaphoreSlim(options.MaxConcurrentRequests);
        var handler = new MaskingHandler(
            new MaskingHandlerOptions
            {
                Mode = options.Mode,
                AllowPassThrough = options.AllowPassThrough,
                Images = options.Images,
                MaxDecodedRequestBytes = options.MaxRequestBodyBytes, // the limit holds for what is masked, compressed or not
                SessionFor = SessionFor,
                ResponseIdObserved = sessions.RememberResponse,
                SessionOfResponse = id => sessions.ConversationOfResponse(id) is { } conversation ? sessions.Get(conversation) : null,
                Audit = record => _current.Value?.Handled(record), // written when the exchange ends, with how it ended
            },
            new SocketsHttpHandler
            {
                // The configured proxy, or none: an environment proxy is not part of the configuration.
                UseProxy = options.UpstreamProxy is not null,
                Proxy = UpstreamProxies.Create(options.UpstreamProxy),
                AutomaticDecompression = DecompressionMethods.All,
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                ConnectTimeout = TimeSpan.FromSeconds(30),
            });
        _client = new HttpMessageInvoker(handler);
    }

    public async Task HandleAsync(HttpContext context)
    {
        var exchange = new Exchange(context);
        _current.Value = exchange;
        try
        {
            await RouteAsync(context, exchange);
        }
        finally
        {
            exchange.Finish(_audit);
        }
    }

    private async Task RouteAsync(HttpContext context, Exchange exchange)
    {
        var rawTarget = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? context.Request.Path.Value ?? "/";
        if (!rawTarget.StartsWith('/'))
        {
            await RefuseAsync(context, exchange, HttpStatusCode.BadRequest, "invalid_request_error", "absolute request targets are refused: this gateway forwards only to its configured upstreams, it is not a proxy for arbitrary hosts");
            return;
        }

        if (context.Request.Headers.Upgrade.Any(protocol => protocol?.Contains("websocket", StringComparison.OrdinalIgnoreCase) == true))
        {
            // The Responses API's WebSocket mode (Codex tries it first): frames cannot be read and masked here.
            await RefuseAsync(context, exchange, HttpStatusCode.BadRequest, "invalid_request_error",
                "WebSocket connections cannot be masked, so they are refused; send requests over HTTP (streamed answers work there, and clients such as Codex fall back to it)");
            return;
        }

        if (_router.Route(context.Request.Path.Value ?? "/", context.Request.QueryString.Value ?? string.Empty) is not { } route)
        {
            await RefuseAsync(context, exchange, HttpStatusCode.NotFound, "not_found_error",
                $"no configured upstream for '{context.Request.Path}'; configured: {string.Join(", ", _options.Upstreams.Select(u => "/" + u.Name))}");
            return;
        }

        exchange.Upstream = route.Upstream.Name;
        if (!await _concurrency.WaitAsync(0))
        {
            context.Response.Headers.RetryAfter = "1";
            await FailAsync(context, exchange, HttpStatusCode.TooManyRequests, "rate_limit_error", $"more than {_options.MaxConcurrentRequests} requests at once; retry shortly");
            return;
        }

        try
        {
            await ForwardAsync(context, route.Target, exchange);
        }
        finally
        {
            _concurrency.Release();
        }
    }

    private async Task ForwardAsync(HttpContext context, Uri target, Exchange exchange)
    {
        // The timeout is a wait for the upstream: for its answer to begin (a whole answer: to arrive), then, on each
        // read of a streamed answer, for its next part. A model that keeps streaming is never cut off; one that stalls is.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        timeout.CancelAfter(_options.UpstreamTimeout);
        using var request = new HttpRequestMessage(new HttpMethod(context.Request.Method), target);
        try
        {
            var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body, timeout.Token);
            if (body.Length > 0 || context.Request.ContentLength is not null)
            {
                request.Content = new ByteArrayContent(body.ToArray());
            }
        }
        catch (Microsoft.AspNetCore.Http.BadHttpRequestException ex)
        {
            await RefuseAsync(context, exchange, (HttpStatusCode)ex.StatusCode, "request_too_large", $"the request body exceeds {_options.MaxRequestBodyBytes} bytes");
            return;
        }

        foreach (var header in context.Request.Headers.Where(h => !HopByHop.Contains(h.Key)))
        {
            if (!request.Headers.TryAddWithoutValidation(header.Key, (IEnumerable<string>)header.Value!))
            {
                request.Content?.Headers.TryAddWithoutValidation(header.Key, (IEnumerable<string>)header.Value!);
            }
        }

        request.Options.Set(ConversationOption, context.Request.Headers[ConversationKeys.Header].FirstOrDefault());
        HttpResponseMessage response;
        try
        {
            response = await _client.SendAsync(request, timeout.Token);
        }
        catch (OperationCanceledException) when (!context.RequestAborted.IsCancellationRequested)
        {
            await FailAsync(context, exchange, HttpStatusCode.GatewayTimeout, "timeout_error", $"the upstream did not answer within {Seconds} s");
            return;
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException)
        {
            await FailAsync(context, exchange, HttpStatusCode.BadGateway, "api_error", UpstreamFailures.BrokeOff(ex)
                ? "the upstream's answer broke off before its end"
                : "the upstream could not be reached: " + ex.Message);
            return;
        }

        using (response)
        {
            try
            {
                await CopyResponseAsync(context, response, timeout);
            }
            catch (OperationCanceledException) when (!context.RequestAborted.IsCancellationRequested && context.Response.HasStarted)
            {
                // The status is already sent, so the error goes into the stream as the provider's own error event (as
                // providers do when they fail mid-answer); the response then ends normally, so the client reads it.
                exchange.Failed($"timeout_error: the upstream sent nothing for {Seconds} s");
                await context.Response.WriteAsync(ProviderErrors.StreamError(exchange.Api, "timeout_error", $"the upstream sent nothing for {Seconds} s; the answer is incomplete"));
            }
            catch (OperationCanceledException) when (!context.RequestAborted.IsCancellationRequested)
            {
                await FailAsync(context, exchange, HttpStatusCode.GatewayTimeout, "timeout_error", $"the upstream did not answer within {Seconds} s");
            }
            catch (Exception ex) when (ex is IOException or HttpRequestException && context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
            {
                // The upstream broke off; the masking stream has already passed on its error event. Aborting here would
                // reset the connection and could discard that event before the client reads it.
                exchange.Failed("api_error: the upstream's answer broke off before its end");
            }
        }
    }

    private string Seconds => _options.UpstreamTimeout.TotalSeconds.ToString("0", System.Globalization.CultureInfo.InvariantCulture);

    private static readonly HttpRequestOptionsKey<string?> ConversationOption = new("codeleakguard.conversation");

    private IConversationMasker SessionFor(HttpRequestMessage request, JsonObject body)
    {
        request.Options.TryGetValue(ConversationOption, out var explicitKey);
        var credential = request.Headers.TryGetValues("x-api-key", out var key) ? key.FirstOrDefault()
            : request.Headers.Authorization?.ToString();
        var path = request.RequestUri!.AbsolutePath;
        var api = AiApiDetector.Detect(request.Method, path);
        var stored = ConversationKeys.StoredConversation(api, body, path);
        var conversation = Remembered(ConversationKeys.PreviousAnswer(api, body))
            ?? (explicitKey is null ? Remembered(stored) : null)
            ?? ConversationKeys.Derive(api, body, path, explicitKey, credential);
        var session = _sessions.Get(conversation);
        if (stored is not null)
        {
            _sessions.Remember(stored, conversation); // so its items, read back by id, are unmasked in this session
        }

        return session;
    }

    private string? Remembered(string? id) => id is null ? null : _sessions.ConversationOfResponse(id);

    private async Task CopyResponseAsync(HttpContext context, HttpResponseMessage response, CancellationTokenSource timeout)
    {
        context.Response.StatusCode = (int)response.StatusCode;
        foreach (var header in response.Headers.Concat(response.Content.Headers).Where(h => !HopByHop.Contains(h.Key) && !h.Key.Equals("Content-Encoding", StringComparison.OrdinalIgnoreCase)))
        {
            context.Response.Headers[header.Key] = header.Value.ToArray();
        }

        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        await using var stream = await response.Content.ReadAsStreamAsync(timeout.Token);
        var buffer = new byte[16 * 1024];
        int read;
        timeout.CancelAfter(_options.UpstreamTimeout);
        while ((read = await stream.ReadAsync(buffer, timeout.Token)) > 0)
        {
            await context.Response.Body.WriteAsync(buffer.AsMemory(0, read), context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted); // every event reaches the client as soon as it is unmasked
            timeout.CancelAfter(_options.UpstreamTimeout); // the upstream is still answering: it gets the whole wait again
        }
    }

    /// <summary>A request the gateway refuses to forward (it is blocked: nothing was sent).</summary>
    private static Task RefuseAsync(HttpContext context, Exchange exchange, HttpStatusCode status, string type, string message)
    {
        exchange.Refused(message);
        context.Response.Headers[ProviderErrors.BlockedHeader] = "true";
        return ErrorAsync(context, exchange.Api, status, type, message);
    }

    /// <summary>A request that failed on the way (too many at once, the upstream slow or unreachable): not a block.</summary>
    private static Task FailAsync(HttpContext context, Exchange exchange, HttpStatusCode status, string type, string message)
    {
        exchange.Failed(type + ": " + message);
        return ErrorAsync(context, exchange.Api, status, type, message);
    }

    private static Task ErrorAsync(HttpContext context, AiApi api, HttpStatusCode status, string type, string message)
    {
        context.Response.StatusCode = (int)status;
        context.Response.ContentType = "application/json";
        var anthropic = AiApiDetector.IsAnthropic(api) || context.Request.Headers.ContainsKey("anthropic-version");
        return context.Response.WriteAsync(ProviderErrors.Body(api, type, message, anthropic));
    }
}
