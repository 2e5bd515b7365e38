using System.Text.Json;
using CodeLeakGuard.Masking.Http;

namespace CodeLeakGuard.Gateway;

/// <summary>
/// JSON lines, one per request: time, upstream, path, model, what was masked or why it was blocked (counts and
/// categories, never values), whether a policy pass-through let it go unmasked, status, why it failed if it did
/// (the upstream unreachable, slow or broken off; the client gone), and its duration to the answer's last byte. Headers —
/// credentials above all — are never written.
/// </summary>
public sealed class AuditLog : IDisposable
{
    private static readonly JsonSerializerOptions Options = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };
    private readonly StreamWriter? _writer;
    private readonly object _gate = new();

    public AuditLog(string? path)
    {
        if (path is not null)
        {
            try
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
                _writer = new StreamWriter(new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read)) { AutoFlush = true };
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException)
            {
                throw new ArgumentException($"the audit file '{path}' cannot be opened for appending: {ex.Message}", ex);
            }
        }
    }

    public void Write(MaskingAuditRecord record, string upstreamName, TimeSpan duration)
    {
        if (_writer is null)
        {
            return;
        }

        var line = JsonSerializer.Serialize(new
        {
            time = record.Time,
            upstream = upstreamName,
            path = record.Path,
            api = record.Api,
            model = record.Model,
            masked = record.Masked,
            blocked = record.Blocked,
            blockReason = record.BlockReason,
            status = record.Status,
            streamed = record.Streamed,
            passedThrough = record.PassedThrough,
            failure = record.Failure,
            durationMs = (long)duration.TotalMilliseconds,
        }, Options);
        lock (_gate)
        {
            _writer.WriteLine(line);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _writer?.Dispose();
        }
    }
}
