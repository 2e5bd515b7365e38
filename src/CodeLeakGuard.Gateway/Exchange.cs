using System.Diagnostics;
using CodeLeakGuard.Masking.Http;
using Microsoft.AspNetCore.Http;

namespace CodeLeakGuard.Gateway;

/// <summary>
/// One client request as the audit log sees it, from its arrival to its last byte: the masking handler's record
/// (what was masked or blocked) when the request reached it, and how the exchange ended. Written once, at the end,
/// so a stream that stalls or breaks off after its first event is logged as such, and so is every request the
/// gateway refuses or fails before the handler sees it.
/// </summary>
internal sealed class Exchange(HttpContext context)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private MaskingAuditRecord? _record;
    private string? _refusal;
    private string? _failure;

    public AiApi Api { get; } = AiApiDetector.Detect(new HttpMethod(context.Request.Method), context.Request.Path.Value ?? "/");

    public string Upstream { get; set; } = string.Empty;

    /// <summary>The masking handler's record of the request (it calls this once, when the answer's headers are in or the exchange failed).</summary>
    public void Handled(MaskingAuditRecord record) => _record = record;

    /// <summary>The gateway refused the request: nothing was sent.</summary>
    public void Refused(string reason) => _refusal = AuditText.Redact(reason);

    /// <summary>The exchange failed after the gateway took it on (fixed text, never a value).</summary>
    public void Failed(string reason) => _failure = reason;

    public void Finish(AuditLog audit)
    {
        var record = _record ?? new MaskingAuditRecord
        {
            Path = context.Request.Path.Value ?? "/",
            Api = Api.ToString(),
        };
        if (_refusal is not null)
        {
            record.Blocked = true;
            record.BlockReason = _refusal;
        }

        record.Failure = _failure ?? record.Failure
            ?? (context.RequestAborted.IsCancellationRequested ? "the client disconnected before the answer's end" : null);
        record.Status = context.Response.HasStarted ? context.Response.StatusCode : record.Status;
        audit.Write(record, Upstream, _clock.Elapsed);
    }
}
