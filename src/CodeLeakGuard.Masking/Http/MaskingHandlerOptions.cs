using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text.Json.Nodes;
using CodeLeakGuard.Policy;

namespace CodeLeakGuard.Masking.Http;

/// <summary>Mask every request (default) or refuse requests that carry proprietary code or secrets.</summary>
public enum MaskingMode
{
    Mask,
    Block,
}

/// <summary>One request as the audit log sees it: counts, never values.</summary>
public sealed class MaskingAuditRecord
{
    public DateTimeOffset Time { get; set; } = DateTimeOffset.UtcNow;

    public string Upstream { get; set; } = string.Empty;

    public string Path { get; set; } = string.Empty;

    public string? Model { get; set; }

    public string Api { get; set; } = string.Empty;

    public IReadOnlyDictionary<string, int> Masked { get; set; } = new Dictionary<string, int>();

    public bool Blocked { get; set; }

    public string? BlockReason { get; set; }

    public int? Status { get; set; }

    public bool Streamed { get; set; }

    /// <summary>Forwarded unmasked because the policy allows pass-through for its endpoint.</summary>
    public bool PassedThrough { get; set; }

    /// <summary>Why no whole answer came back (see <see cref="UpstreamFailures"/>), or null: unreachable, timed out, broke off.</summary>
    public string? Failure { get; set; }
}

public sealed class MaskingHandlerOptions
{
    /// <summary>
    /// Options that mask every request with one session (an application's single conversation) and let through the
    /// endpoints its policy allows with <c>allow passthrough</c>.
    /// </summary>
    public static MaskingHandlerOptions ForSession(MaskingSession session)
    {
        var masker = new SessionMasker(session);
        var policy = session.Options.Policy;
        return new MaskingHandlerOptions { SessionFor = (_, _) => masker, SessionOfResponse = _ => masker, AllowPassThrough = policy.AllowsPassThrough, Images = policy.Images };
    }

    /// <summary>The masking session of the conversation a request belongs to (the body can be read during this call only: do not keep it).</summary>
    public Func<HttpRequestMessage, JsonObject, IConversationMasker> SessionFor { get; set; } = (_, _) => throw new InvalidOperationException("no masking session configured");

    /// <summary>
    /// The session that masked the request which made a stored Responses API response, for reading it back; null when
    /// unknown (its answer then reaches the client as the provider sent it, in pseudonyms: nothing leaves either way).
    /// </summary>
    public Func<string, IConversationMasker?> SessionOfResponse { get; set; } = _ => null;

    public MaskingMode Mode { get; set; } = MaskingMode.Mask;

    /// <summary>
    /// The most a compressed request body may decompress to (default 64 MiB): a larger one is refused with 413, so a
    /// few kilobytes of gzip cannot make the handler allocate gigabytes.
    /// </summary>
    public long MaxDecodedRequestBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>
    /// Requests whose shape is not understood are blocked unless this says the endpoint may pass through; the
    /// policy's <c>allow passthrough</c> lines, as <c>policy.AllowsPassThrough</c>.
    /// </summary>
    public Func<Uri, bool> AllowPassThrough { get; set; } = _ => false;

    /// <summary>
    /// What to do with an image in a request, which cannot be masked: refuse the request (default), send it with each
    /// image replaced by a short text, or pass images as they are; the policy's <c>set images=</c>.
    /// </summary>
    public ImageHandling Images { get; set; } = ImageHandling.Refuse;

    /// <summary>Block mode refuses a request when any of these categories was found (case-insensitive substring).</summary>
    public IReadOnlyList<string> BlockingCategories { get; set; } = new[] { "secret", "proprietary", "credential", "key", "token", "password" };

    public Action<MaskingAuditRecord>? Audit { get; set; }

    /// <summary>
    /// Called with the id of every answer that can be read back or continued later — a Responses API response, an
    /// OpenAI conversation, a chat completion, an Anthropic message (a server-held thread continues from it) or message
    /// batch — and the session that masked its request.
    /// </summary>
    public Action<string, IConversationMasker>? ResponseIdObserved { get; set; }

    internal bool ShouldBlock(IReadOnlyDictionary<string, int> counts, out string? category)
    {
        category = counts.Where(c => c.Value > 0)
            .Select(c => c.Key)
            .FirstOrDefault(k => BlockingCategories.Any(b => k.IndexOf(b, StringComparison.OrdinalIgnoreCase) >= 0));
        return category is not null;
    }
}
