using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using CodeLeakGuard.Policy;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace CodeLeakGuard.Analyzers.Infrastructure;

/// <summary>
/// Finds the policy among the additional files (<c>codeleakguard.policy</c>, or any <c>*.clgpolicy</c>, e.g. one an
/// internal policy package adds) and parses it once per distinct content, however many compilations ask.
/// </summary>
internal static class PolicyFiles
{
    private static readonly ConcurrentDictionary<string, AiPolicy> Cache = new(StringComparer.Ordinal);

    public static bool IsPolicyFile(string path) => PolicyFileNames.IsPolicyFile(path);

    public static IEnumerable<AdditionalText> Find(AnalyzerOptions options) =>
        options.AdditionalFiles.Where(f => IsPolicyFile(f.Path)).OrderBy(f => f.Path, StringComparer.Ordinal);

    public static AiPolicy Load(AnalyzerOptions options, CancellationToken cancellationToken)
    {
        var files = Find(options).Select(f => (f.Path, Text: f.GetText(cancellationToken))).ToList();
        if (files.Count == 0)
        {
            return AiPolicy.Default;
        }

        var key = string.Join("|", files.Select(f => f.Path + "#" + Checksum(f.Text)));
        if (Cache.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var policy = new AiPolicy(files.Select(f => PolicyParser.Parse(f.Text?.ToString() ?? string.Empty, f.Path)));
        if (Cache.Count > 64)
        {
            Cache.Clear(); // bounded: an IDE session edits the policy many times
        }

        Cache[key] = policy;
        return policy;
    }

    /// <summary>Location of a policy diagnostic inside its additional file, for a clickable error.</summary>
    public static Location ToLocation(SourceLocation location, SourceText? text)
    {
        if (text is null || location.Line < 1 || location.Line > text.Lines.Count)
        {
            var position = new LinePosition(Math.Max(0, location.Line - 1), Math.Max(0, location.Column - 1));
            return Location.Create(location.Path, default, new LinePositionSpan(position, position));
        }

        var line = text.Lines[location.Line - 1];
        var start = Math.Min(line.End, line.Start + Math.Max(0, location.Column - 1));
        var end = Math.Min(line.End, start + Math.Max(0, location.Length));
        var span = TextSpan.FromBounds(start, end);
        return Location.Create(location.Path, span, text.Lines.GetLinePositionSpan(span));
    }

    private static string Checksum(SourceText? text)
    {
        if (text is null)
        {
            return "null";
        }

        var bytes = text.GetChecksum();
        return BitConverter.ToString(bytes.ToArray()) + ":" + text.Length;
    }
}
