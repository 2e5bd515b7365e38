using System;
using System.Linq;

namespace CodeLeakGuard.Secrets;

/// <summary>
/// The judgement calls shared by the analyzer and the masker: which names hold secrets, which values are only
/// placeholders, and whether a value is random enough to be a generated key.
/// </summary>
public static class SecretHeuristics
{
    private static readonly string[] SensitiveWords =
    {
        "password", "passwd", "pwd", "passphrase", "secret", "token", "apikey", "accesskey", "privatekey", "authkey",
        "signingkey", "encryptionkey", "masterkey", "sharedkey", "subscriptionkey", "hmackey", "credential", "credentials",
    };

    // A name ending in one of these describes a secret without holding one: secretName, tokenUrl, passwordHint.
    private static readonly string[] DescriptiveSuffixes =
    {
        "name", "names", "id", "ids", "field", "label", "prompt", "hint", "path", "file", "url", "uri", "endpoint",
        "header", "type", "format", "pattern", "regex", "policy", "length", "count", "param", "parameter", "placeholder",
        "message", "text", "description", "title", "key" + "name", "provider", "store", "vault", "env", "variable",
        "setting", "section", "expiry", "expiration", "lifetime", "timeout", "kind", "version", "scheme", "prefix",
        "validator", "generator", "handler", "service", "manager", "options",
    };

    private static readonly string[] PlaceholderMarkers =
    {
        "your", "example", "sample", "placeholder", "changeme", "change_me", "change-me", "dummy", "fake", "redacted",
        "xxxx", "****", "....", "----", "____", "todo", "insert", "replace", "<", ">", "${", "{{", "%(", "$(",
        "here",
    };

    private static readonly string[] PlaceholderValues =
    {
        "password", "passw0rd", "pass", "secret", "token", "apikey", "api-key", "api_key", "key", "null", "none", "empty",
        "test", "testing", "string", "value", "default", "admin", "root", "guest", "user", "username", "changeit",
    };

    /// <summary>True when an identifier or configuration key names a credential (<c>dbPassword</c>, <c>API_KEY</c>, <c>client_secret</c>).</summary>
    public static bool IsSensitiveName(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return false;
        }

        if (!MentionsSensitiveWord(name!))
        {
            return false; // the common case, decided without allocating: analyzers ask this of every variable
        }

        var normalized = Normalize(name!);
        if (normalized.Length == 0 || !SensitiveWords.Any(w => normalized.Contains(w)) || normalized.Contains("public"))
        {
            return false; // PublicKeyToken, publicKey: public by definition
        }

        return !DescriptiveSuffixes.Any(s => normalized.EndsWith(s, StringComparison.Ordinal) && !SensitiveWords.Any(w => normalized.EndsWith(w, StringComparison.Ordinal)));
    }

    private static bool MentionsSensitiveWord(string name) =>
        name.IndexOf("pass", StringComparison.OrdinalIgnoreCase) >= 0 || name.IndexOf("pwd", StringComparison.OrdinalIgnoreCase) >= 0
        || name.IndexOf("secret", StringComparison.OrdinalIgnoreCase) >= 0 || name.IndexOf("token", StringComparison.OrdinalIgnoreCase) >= 0
        || name.IndexOf("key", StringComparison.OrdinalIgnoreCase) >= 0 || name.IndexOf("credential", StringComparison.OrdinalIgnoreCase) >= 0;

    /// <summary>True for text that stands in for a secret: "your-api-key-here", "&lt;password&gt;", "${TOKEN}", "xxxx", "changeme".</summary>
    public static bool IsPlaceholder(string value)
    {
        var trimmed = value.Trim().Trim('"', '\'');
        if (trimmed.Length == 0)
        {
            return true;
        }

        var lower = trimmed.ToLowerInvariant();
        if (PlaceholderValues.Contains(lower) || PlaceholderMarkers.Any(m => lower.Contains(m)))
        {
            return true;
        }

        if (trimmed[0] is '$' or '%' or '@' or '{' || trimmed.Contains("{0}"))
        {
            return true; // a variable, a format item or a reference to another setting
        }

        return trimmed.Distinct().Count() <= 2; // "aaaaaaaa", "********", "0000-0000"
    }

    /// <summary>A generated token: not a placeholder and at least 3 bits of entropy per character.</summary>
    public static bool IsRandomToken(string value) =>
        !IsPlaceholder(value) && ShannonEntropy.BitsPerChar(value) >= 3.0;

    /// <summary>
    /// A value assigned to a sensitive name that is itself secret-like: long enough, not a placeholder, not a URL or a
    /// path, not just a word or a key name (some digit or symbol), and not monotonous.
    /// </summary>
    public static bool IsLikelySecretValue(string? value)
    {
        if (value is null)
        {
            return false;
        }

        var trimmed = value.Trim();
        if (trimmed.Length < 6 || trimmed.Length > 512 || IsPlaceholder(trimmed) || trimmed.Contains("://") || LooksLikePath(trimmed))
        {
            return false;
        }

        if (trimmed.All(c => char.IsLetter(c) || c is '_' or '.' or '-' or ':' or ' '))
        {
            return false; // a word, a setting name or a sentence: "Bearer", "Auth:ApiKey", "client_secret"
        }

        return ShannonEntropy.BitsPerChar(trimmed) >= 2.5;
    }

    /// <summary>Key material without a known prefix: long, high entropy, mixed case with digits, not hex.</summary>
    public static bool IsHighEntropyBlob(string value)
    {
        if (value.Length < 40 || IsPlaceholder(value))
        {
            return false;
        }

        bool upper = false, lower = false, digit = false, nonHex = false;
        foreach (var c in value)
        {
            upper |= c is >= 'A' and <= 'Z';
            lower |= c is >= 'a' and <= 'z';
            digit |= c is >= '0' and <= '9';
            nonHex |= c is (>= 'g' and <= 'z') or (>= 'G' and <= 'Z');
        }

        return upper && lower && digit && nonHex && !IsWordLike(value) && ShannonEntropy.BitsPerChar(value.TrimEnd('=')) >= 4.5;
    }

    // "DecompileC10PublicUnsafeFixedIntArr10Members" is words run together, not key material: random text rarely has
    // runs of four lower-case letters, words are made of them.
    private static bool IsWordLike(string value)
    {
        int inRuns = 0, run = 0;
        foreach (var c in value)
        {
            if (c is >= 'a' and <= 'z')
            {
                run++;
                continue;
            }

            inRuns += run >= 4 ? run : 0;
            run = 0;
        }

        inRuns += run >= 4 ? run : 0;
        return inRuns * 2 >= value.Length;
    }

    private static bool LooksLikePath(string value) =>
        value.StartsWith("/", StringComparison.Ordinal) || value.StartsWith("~/", StringComparison.Ordinal)
        || (value.Length > 2 && value[1] == ':' && value[2] is '\\' or '/');

    private static string Normalize(string name)
    {
        var chars = new char[name.Length];
        var length = 0;
        foreach (var c in name)
        {
            if (char.IsLetterOrDigit(c))
            {
                chars[length++] = char.ToLowerInvariant(c);
            }
        }

        return new string(chars, 0, length);
    }
}
