using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace CodeLeakGuard.Endpoints;

/// <summary>A URL or bare dotted host found in text.</summary>
public readonly struct HostMention
{
    public HostMention(int start, string text, string host, string path)
    {
        Start = start;
        Text = text;
        Host = host;
        Path = path;
    }

    public int Start { get; }

    /// <summary>The whole mention as written (scheme, user info, host, port, path).</summary>
    public string Text { get; }

    public string Host { get; }

    public string Path { get; }
}

/// <summary>
/// Finds URLs (with a scheme) and bare dotted hosts in text, with their paths. Bounded quantifiers and a timeout keep
/// hostile strings from stalling the compiler; text too hostile to scan yields what was found before the timeout.
/// </summary>
public static class HostMentions
{
    private static readonly Regex HostLike = new(
        @"(?<![\w.@-])(?:(?<scheme>[a-z][a-z0-9+.-]{0,15})://)?(?:[^\s/@""'<>]{1,256}@)?(?<host>(?:[a-z0-9_-]{1,63}\.){1,126}[a-z0-9-]{1,63}|\[[0-9a-f:.]{2,45}\])(?::\d{1,5})?(?<path>/[^\s""'<>?#]{0,2048})?",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled,
        TimeSpan.FromSeconds(1));

    public static IReadOnlyList<HostMention> Find(string text)
    {
        if (text.Length < 4 || text.IndexOf('.') < 0)
        {
            return Array.Empty<HostMention>();
        }

        // A timeout can be a descheduled thread on a loaded build machine rather than a hostile string: only a second
        // one in a row is taken as the text's fault (then what was found in time is kept rather than stall the build).
        var found = new List<HostMention>();
        for (var attempt = 0; attempt < 2; attempt++)
        {
            found.Clear();
            try
            {
                for (var match = HostLike.Match(text); match.Success; match = match.NextMatch())
                {
                    found.Add(new HostMention(match.Index, match.Value, match.Groups["host"].Value, match.Groups["path"].Value));
                }

                break;
            }
            catch (RegexMatchTimeoutException)
            {
                // try once more
            }
        }

        return found;
    }
}
