using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace CodeLeakGuard.Secrets;

/// <summary>
/// Host names that reveal the company's internal network: the reserved private suffixes (<c>*.corp</c>,
/// <c>*.internal</c>, <c>*.local</c>, ...) plus the suffixes a policy adds with <c>set internal-hosts="*.contoso.net"</c>.
/// </summary>
public static class InternalHostNames
{
    public const string Kind = "InternalHost";

    public static IReadOnlyList<string> DefaultSuffixes { get; } = new[] { "corp", "internal", "intranet", "lan", "local", "localdomain", "home.arpa" };

    /// <summary>Normalises <c>*.contoso.net</c>, <c>.contoso.net</c> or <c>contoso.net</c> to <c>contoso.net</c>; null when it is no DNS suffix.</summary>
    public static string? NormalizeSuffix(string text)
    {
        var suffix = text.Trim().TrimStart('*').TrimStart('.').TrimEnd('.').ToLowerInvariant();
        if (suffix.Length == 0 || suffix.Length > 253)
        {
            return null;
        }

        foreach (var label in suffix.Split('.'))
        {
            if (label.Length == 0 || label.Length > 63 || label[0] == '-' || label[label.Length - 1] == '-'
                || label.Any(c => !(c is >= 'a' and <= 'z' or >= '0' and <= '9' or '-')))
            {
                return null;
            }
        }

        return suffix;
    }

    /// <summary>The format matching a host name under any of <paramref name="suffixes"/> (at least one label before it).</summary>
    public static SecretFormat CreateFormat(IEnumerable<string> suffixes)
    {
        var normalized = suffixes.Select(NormalizeSuffix).Where(s => s is not null).Distinct(StringComparer.Ordinal)
            .OrderByDescending(s => s!.Length).ToArray();
        var alternation = string.Join("|", normalized.Select(s => Regex.Escape(s!)));
        var pattern = @"(?<![A-Za-z0-9.-])(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.){1,10}(?i:" + alternation + @")(?![A-Za-z0-9-]|\.[A-Za-z0-9])";
        return new SecretFormat(Kind, "internal host name", SecretCategory.InternalInfrastructure, SecretFormat.Compile(pattern),
            normalized.Select(s => "." + s).ToArray()!, anchorsIgnoreCase: true, SecretValueCheck.None, minimumLength: 3);
    }
}
