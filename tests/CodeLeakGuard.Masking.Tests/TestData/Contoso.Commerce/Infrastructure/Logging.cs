using System;
using System.Collections.Generic;
using System.IO;

namespace Contoso.Commerce.Infrastructure;

public enum LogLevel
{
    Debug,
    Info,
    Warning,
    Error,
}

/// <summary>The shop's minimal logging abstraction (the host plugs in its own sink).</summary>
public interface ILog
{
    void Write(LogLevel level, string message, Exception? exception = null);
}

public static class LogExtensions
{
    public static void Info(this ILog log, string message) => log.Write(LogLevel.Info, message);

    public static void Warn(this ILog log, string message) => log.Write(LogLevel.Warning, message);

    public static void Error(this ILog log, string message, Exception exception) => log.Write(LogLevel.Error, message, exception);
}

/// <summary>Writes to a <see cref="TextWriter"/>, one line per entry, e.g. "2024-03-01T10:00:00Z INFO OrderService: placed".</summary>
public sealed class TextLog : ILog
{
    private readonly TextWriter _writer;
    private readonly string _category;
    private readonly Func<DateTimeOffset> _now;

    public TextLog(TextWriter writer, string category, Func<DateTimeOffset>? now = null)
    {
        _writer = writer;
        _category = category;
        _now = now ?? (() => DateTimeOffset.UtcNow);
    }

    public List<string> Recent { get; } = new();

    public void Write(LogLevel level, string message, Exception? exception = null)
    {
        var line = $"{_now():O} {level.ToString().ToUpperInvariant()} {_category}: {message}";
        if (exception is not null)
        {
            line += $" ({exception.GetType().Name}: {exception.Message})";
        }

        Recent.Add(line);
        _writer.WriteLine(line);
    }
}
