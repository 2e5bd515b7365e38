using System.Linq;
using System.Text.RegularExpressions;

namespace CodeLeakGuard.Masking.Http;

/// <summary>
/// A refusal's reason as the audit log may hold it. Reasons quote what they refused ("content of type 'x'"), and a
/// request can put anything there — a secret, a class name — so a quoted fragment stays only when it reads as an API
/// word (lower case, a few digits at most: 'image', 'tool_reference', 'web_search_20250305'); any other becomes '…'.
/// The caller's own error keeps the whole reason: it is the caller's text.
/// </summary>
public static class AuditText
{
    private static readonly Regex Quoted = new("'([^']*)'", RegexOptions.CultureInvariant);

    public static string Redact(string reason) => Quoted.Replace(reason, match => IsApiWord(match.Groups[1].Value) ? match.Value : "'…'");

    private static bool IsApiWord(string text) =>
        text.Length is > 0 and <= 40
        && text.All(c => c is >= 'a' and <= 'z' or >= '0' and <= '9' or '_' or '.' or '-' or '/')
        && (text.Count(char.IsDigit) <= 4 || text.Length - text.TrimEnd("0123456789".ToCharArray()).Length == text.Count(char.IsDigit));
}
