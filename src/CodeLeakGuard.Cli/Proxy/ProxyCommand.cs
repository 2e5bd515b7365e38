using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CodeLeakGuard.Cli.Scanning;
using CodeLeakGuard.Gateway;
using CodeLeakGuard.Masking;
using CodeLeakGuard.Masking.Http;
using CodeLeakGuard.Policy;

namespace CodeLeakGuard.Cli.Proxy;

/// <summary>
/// <c>codeleakguard proxy --listen http://127.0.0.1:8787 --upstream https://api.anthropic.com</c>: the local masking
/// gateway. Point an assistant at it (<c>ANTHROPIC_BASE_URL</c>, <c>OPENAI_BASE_URL</c>); it masks every request,
/// unmasks every answer, and forwards only to the configured upstreams. Runs until Ctrl+C (graceful shutdown).
/// </summary>
internal static class ProxyCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var listen = new Option<string>("--listen") { Description = "Where to listen; loopback only unless --allow-remote-clients.", DefaultValueFactory = _ => "http://127.0.0.1:8787", HelpName = "url" };
        var upstreams = new Option<string[]>("--upstream")
        {
            Description = "An upstream to forward to: https://api.anthropic.com, or name=url; with several, requests start with /<name>/.",
            Required = true,
            AllowMultipleArgumentsPerToken = false,
            HelpName = "[name=]url",
        };
        var mode = new Option<string>("--mode") { Description = "mask (default) or block: refuse requests with proprietary code or secrets.", DefaultValueFactory = _ => "mask" };
        var audit = new Option<string?>("--audit") { Description = "Append a JSON-lines audit record per request (counts, never values).", HelpName = "file" };
        var policy = new Option<string?>("--policy") { Description = "The policy file (proprietary code, secret rules, sensitive terms, allow passthrough); default: codeleakguard.policy or *.clgpolicy in the working directory, else the built-in catalog.", HelpName = "file" };
        var timeout = new Option<int>("--timeout")
        {
            Description = "Seconds to wait for an upstream: for its answer to begin, and between the parts of a streamed answer (a stream still moving is never cut off).",
            DefaultValueFactory = _ => 300,
            HelpName = "seconds",
        };
        var maxBody = new Option<long>("--max-body") { Description = "Largest request body in bytes (at least 1024), compressed or once decompressed.", DefaultValueFactory = _ => 16L * 1024 * 1024, HelpName = "bytes" };
        var concurrency = new Option<int>("--max-concurrent") { Description = "Most requests in flight at once; more are answered 429 with Retry-After.", DefaultValueFactory = _ => 32, HelpName = "count" };
        var passThrough = new Option<string[]>("--allow-passthrough") { Description = "A host whose requests the gateway does not understand (file uploads, admin APIs) may pass unmasked; the policy's 'allow passthrough' lines do the same. Model lists always pass.", HelpName = "host" };
        var upstreamProxy = new Option<string?>("--upstream-proxy")
        {
            Description = "Reach the upstreams through this HTTP proxy (http://[user:password@]proxy:3128), as company networks require; HTTPS_PROXY and other environment settings are not used.",
            HelpName = "url",
        };
        var remote = new Option<bool>("--allow-remote-clients") { Description = "Allow listening on a non-loopback address. The gateway sees every prompt: think twice." };

        var command = new Command("proxy", "Run the local masking gateway in front of AI providers. Health: GET /healthz. One masking session per conversation; "
            + "a client may name its conversation with the header x-codeleakguard-conversation. Ctrl+C stops it after the requests in flight (up to 10 s).")
        {
            listen, upstreams, upstreamProxy, mode, audit, policy, timeout, maxBody, concurrency, passThrough, remote,
        };

        command.SetAction(async (parseResult, cancellationToken) =>
        {
            GatewayOptions options;
            try
            {
                options = Options(parseResult.GetValue(listen)!, parseResult.GetValue(upstreams) ?? Array.Empty<string>(), parseResult.GetValue(mode)!,
                    parseResult.GetValue(audit), parseResult.GetValue(policy), parseResult.GetValue(timeout), parseResult.GetValue(maxBody),
                    parseResult.GetValue(concurrency), parseResult.GetValue(passThrough) ?? Array.Empty<string>(), parseResult.GetValue(remote),
                    parseResult.GetValue(upstreamProxy));
            }
            catch (ArgumentException ex)
            {
                stderr.WriteLine("codeleakguard proxy: " + ex.Message);
                return ExitCodes.UsageOrPolicyError;
            }

            return await RunAsync(options, stdout, stderr, cancellationToken);
        });
        return command;
    }

    internal static GatewayOptions Options(string listen, string[] upstreams, string mode, string? audit, string? policyPath, int timeoutSeconds, long maxBody, int concurrency, string[] passThrough, bool remote, string? upstreamProxy = null)
    {
        if (!Uri.TryCreate(listen, UriKind.Absolute, out var listenUri) || listenUri.Scheme != Uri.UriSchemeHttp)
        {
            throw new ArgumentException($"--listen '{listen}' must be an http:// URL such as http://127.0.0.1:8787");
        }

        if (timeoutSeconds < 1)
        {
            throw new ArgumentException($"--timeout {timeoutSeconds} must be at least 1 second");
        }

        if (maxBody < 1024)
        {
            throw new ArgumentException($"--max-body {maxBody} must be at least 1024 bytes");
        }

        if (concurrency < 1)
        {
            throw new ArgumentException($"--max-concurrent {concurrency} must be at least 1");
        }

        var maskingMode = mode.ToLowerInvariant() switch
        {
            "mask" => MaskingMode.Mask,
            "block" => MaskingMode.Block,
            _ => throw new ArgumentException($"--mode '{mode}' is not mask or block"),
        };

        var policy = LoadPolicy(policyPath);
        var hosts = passThrough.Select(h => h.Trim().ToLowerInvariant()).ToHashSet();
        return new GatewayOptions
        {
            Listen = listenUri,
            AllowRemoteClients = remote,
            Upstreams = upstreams.Select(UpstreamRouter.Parse).ToList(),
            UpstreamProxy = upstreamProxy is null ? null : UpstreamProxies.Parse(upstreamProxy),
            Mode = maskingMode,
            AuditPath = audit,
            UpstreamTimeout = TimeSpan.FromSeconds(timeoutSeconds),
            MaxRequestBodyBytes = maxBody,
            MaxConcurrentRequests = concurrency,
            NewSession = () => new SessionMasker(new MaskingSession(new MaskingOptions { Policy = policy })),
            AllowPassThrough = uri => hosts.Contains(uri.Host.ToLowerInvariant()) || policy.AllowsPassThrough(uri),
            Images = policy.Images,
        };
    }

    /// <summary><c>--policy</c>, else <c>codeleakguard.policy</c> / <c>*.clgpolicy</c> in the working directory, else the built-in catalog.</summary>
    private static AiPolicy LoadPolicy(string? path)
    {
        if (path is not null && !File.Exists(path))
        {
            throw new ArgumentException($"the policy file '{path}' does not exist");
        }

        var selection = PolicyLocator.Locate(Directory.GetCurrentDirectory(), path, out var error)
            ?? throw new ArgumentException(error);
        var policy = new AiPolicy(selection.Files.Select(f => PolicyParser.Parse(f.Text, f.FullPath)));
        var errors = policy.Diagnostics.Where(d => d.Severity == FindingSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            throw new ArgumentException("the policy has errors:" + Environment.NewLine + string.Join(Environment.NewLine, errors));
        }

        return policy;
    }

    private static async Task<int> RunAsync(GatewayOptions options, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        GatewayServer server;
        try
        {
            server = GatewayServer.Create(options);
        }
        catch (ArgumentException ex)
        {
            stderr.WriteLine("codeleakguard proxy: " + ex.Message);
            return ExitCodes.UsageOrPolicyError;
        }

        await using (server)
        {
            try
            {
                await server.StartAsync(cancellationToken);
            }
            catch (Exception ex) when (ex is IOException or InvalidOperationException)
            {
                stderr.WriteLine($"codeleakguard proxy: cannot listen on {options.Listen}: {ex.Message}");
                return ExitCodes.UsageOrPolicyError;
            }

            var via = options.UpstreamProxy is null ? string.Empty : " via " + UpstreamProxies.Redacted(options.UpstreamProxy);
            stdout.WriteLine($"CodeLeakGuard gateway on {server.Address} ({options.Mode.ToString().ToLowerInvariant()} mode) -> {string.Join(", ", options.Upstreams.Select(u => $"{u.Name}={u.BaseAddress}"))}{via}");
            if (options.AllowRemoteClients && !GatewayServer.IsLoopback(server.Address))
            {
                stderr.WriteLine($"codeleakguard proxy: warning: listening on {server.Address}, reachable from other machines: anyone who can reach it can use your upstreams and read what they answer");
            }

            stdout.WriteLine("Press Ctrl+C to stop.");
            try
            {
                await server.WaitForShutdownAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
            }

            stdout.WriteLine($"Stopping: the requests in flight get up to {GatewayServer.ShutdownTimeout.TotalSeconds:0} s to finish.");
        }

        stdout.WriteLine("Stopped.");
        return ExitCodes.Success;
    }
}
