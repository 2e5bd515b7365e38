using System.Collections.Generic;
using System.Text;

namespace CodeLeakGuard.Masking.Http;

/// <summary>One server-sent event: its optional name and its data (lines joined by '\n'), plus any other fields kept as written.</summary>
public sealed class SseEvent
{
    public string? Event { get; set; }

    public string? Data { get; set; }

    public List<string> OtherLines { get; } = new();

    public string Serialize()
    {
        var text = new StringBuilder(16 + (Event?.Length ?? 0) + (Data?.Length ?? 0) + 16);
        WriteTo(text);
        return text.ToString();
    }

    /// <summary>Appends the event as <see cref="Serialize"/> writes it.</summary>
    internal void WriteTo(StringBuilder text)
    {
        foreach (var line in OtherLines)
        {
            text.Append(line).Append('\n');
        }

        if (Event is not null)
        {
            text.Append("event: ").Append(Event).Append('\n');
        }

        if (Data is not null)
        {
            // Line by line, without splitting a copy of the data (most events' data is one line).
            for (var start = 0; ;)
            {
                var end = Data.IndexOf('\n', start);
                text.Append("data: ").Append(Data, start, (end < 0 ? Data.Length : end) - start).Append('\n');
                if (end < 0)
                {
                    break;
                }

                start = end + 1;
            }
        }

        text.Append('\n');
    }

    /// <summary>Parses the lines of one event block (between blank lines).</summary>
    public static SseEvent Parse(IReadOnlyList<string> lines)
    {
        var parsed = new SseEvent();
        var data = new List<string>();
        foreach (var line in lines)
        {
            if (line.StartsWith("data:", System.StringComparison.Ordinal))
            {
                data.Add(TrimField(line, 5));
            }
            else if (line.StartsWith("event:", System.StringComparison.Ordinal))
            {
                parsed.Event = TrimField(line, 6);
            }
            else
            {
                parsed.OtherLines.Add(line);
            }
        }

        parsed.Data = data.Count switch { 0 => null, 1 => data[0], _ => string.Join("\n", data) };
        return parsed;
    }

    private static string TrimField(string line, int prefix) =>
        line.Length > prefix && line[prefix] == ' ' ? line.Substring(prefix + 1) : line.Substring(prefix);
}
