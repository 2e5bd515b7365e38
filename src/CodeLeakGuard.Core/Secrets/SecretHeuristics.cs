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

    private static readonly char[] PathCharacters = { '/', '\\', '*' };

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

        if (LastWordIs(name!, "pass") || LastWordIs(name!, "pat"))
        {
            return true; // DB_PASS, RABBITMQ_DEFAULT_PASS, AZURE_DEVOPS_EXT_PAT, openssl's pass:
        }

        var normalized = Normalize(name!);
        if (normalized.Length == 0 || !SensitiveWords.Any(w => normalized.Contains(w)) || normalized.Contains("public"))
        {
            return false; // PublicKeyToken, publicKey: public by definition
        }

        return !DescriptiveSuffixes.Any(s => normalized.EndsWith(s, StringComparison.Ordinal) && !SensitiveWords.Any(w => normalized.EndsWith(w, StringComparison.Ordinal)));
    }

    /// <summary>
    /// True when the value given to <paramref name="name"/> is one: a secret-like value for a sensitive name; for a
    /// password's name also a passphrase of lower-case words ("glacier-stumble-orbit-lantern"); for a name that is only
    /// a key (<c>Key</c> under <c>Jwt</c>, <c>JwtKey</c>, an Azure OpenAI resource's <c>Key</c>) a generated
    /// hex or base64 key (see <see cref="IsGeneratedKey"/>), since keys of other kinds (<c>PartitionKey</c>, a cache key) hold readable text.
    /// </summary>
    public static bool IsSecretAssignedTo(string? name, string value)
    {
        if (string.IsNullOrEmpty(name))
        {
            return false;
        }

        if (IsSensitiveName(name))
        {
            return IsLikelySecretValue(value) || (IsPasswordName(name!) && IsPassphrase(value));
        }

        return LastWordIs(name!, "key") && IsGeneratedKey(value);
    }

    /// <summary>
    /// What a generated key looks like: 32 or more hex digits (openssl rand -hex), or 24 or more characters of base64 or
    /// base62 with upper and lower case and digits that do not read as words; a cache key ("orders-2024-eu-west-1") does not.
    /// </summary>
    public static bool IsGeneratedKey(string value) => IsKeyMaterial(value) && !IsPlaceholder(value);

    private static bool IsKeyMaterial(string value)
    {
        if (value.Length >= 32 && value.All(Uri.IsHexDigit))
        {
            return value.Any(char.IsDigit) && value.Any(char.IsLetter);
        }

        return value.Length >= 24
            && value.All(c => c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' or '+' or '/' or '=' or '_' or '-')
            && value.Any(char.IsUpper) && value.Any(char.IsLower) && value.Any(char.IsDigit)
            && !IsWordLike(value) && ShannonEntropy.BitsPerChar(value.TrimEnd('=')) >= 4;
    }

    /// <summary>True when a value given to <paramref name="name"/> may be a secret (<see cref="IsSecretAssignedTo"/> may say yes).</summary>
    public static bool MayNameSecret(string? name) => IsSensitiveName(name) || (!string.IsNullOrEmpty(name) && LastWordIs(name!, "key"));

    /// <summary>True when <paramref name="name"/> names a password (<c>POSTGRES_PASSWORD</c>, <c>DB_PASS</c>, <c>pwd</c>), which may be short.</summary>
    public static bool IsPasswordName(string name)
    {
        var normalized = Normalize(name);
        return normalized.Contains("password") || normalized.Contains("passwd") || normalized.Contains("pwd") || normalized.Contains("passphrase") || LastWordIs(name, "pass");
    }

    // Three or more lower-case words joined by hyphens or spaces, as passphrase generators make them.
    private static bool IsPassphrase(string value)
    {
        var words = value.Trim().Split('-', ' ');
        return value.Length >= 12 && words.Length >= 3 && words.All(w => w.Length >= 3 && w.All(c => c is >= 'a' and <= 'z')) && !IsPlaceholder(value);
    }

    // Whether the name's last word is `word` (lower-case), without allocating: DB_PASS -> pass, AZURE_DEVOPS_EXT_PAT ->
    // pat, JwtKey -> key, Jwt:Key -> key. Words end at anything but a letter or digit and where lower case turns upper.
    private static bool LastWordIs(string name, string word)
    {
        var end = name.Length;
        while (end > 0 && !char.IsLetterOrDigit(name[end - 1]))
        {
            end--;
        }

        var start = end;
        while (start > 0 && char.IsLetterOrDigit(name[start - 1]) && !(start < end && char.IsUpper(name[start]) && char.IsLower(name[start - 1])))
        {
            start--;
        }

        return end - start == word.Length && string.Compare(name, start, word, 0, word.Length, StringComparison.OrdinalIgnoreCase) == 0;
    }

    private static bool MentionsSensitiveWord(string name) =>
        name.IndexOf("pass", StringComparison.OrdinalIgnoreCase) >= 0 || name.IndexOf("pwd", StringComparison.OrdinalIgnoreCase) >= 0
        || name.IndexOf("secret", StringComparison.OrdinalIgnoreCase) >= 0 || name.IndexOf("token", StringComparison.OrdinalIgnoreCase) >= 0
        || name.IndexOf("key", StringComparison.OrdinalIgnoreCase) >= 0 || name.IndexOf("credential", StringComparison.OrdinalIgnoreCase) >= 0
        || name.EndsWith("pat", StringComparison.OrdinalIgnoreCase);

    /// <summary>True for text that stands in for a secret: "your-api-key-here", "&lt;password&gt;", "${TOKEN}", "xxxx", "changeme".</summary>
    public static bool IsPlaceholder(string value)
    {
        var trimmed = value.Trim().Trim('"', '\'');
        if (trimmed.Length == 0)
        {
            return true;
        }

        var lower = trimmed.ToLowerInvariant();
        if (PlaceholderValues.Contains(lower) || PlaceholderMarkers.Any(m => ContainsMarker(lower, m)))
        {
            return true;
        }

        if (trimmed[0] == '{' || trimmed.Contains("{0}") || (trimmed[0] is '$' or '%' or '@' && trimmed.Length > 1 && (char.IsLetter(trimmed[1]) || trimmed[1] is '_' or '{' or '(')))
        {
            return true; // a variable ($DB_PASS, %TOKEN%, @Model.Key), a format item or a reference to another setting
        }

        return trimmed.Distinct().Count() <= 2; // "aaaaaaaa", "********", "0000-0000"
    }

    // A word marker counts where a word starts ("your-key-here", "yourApiKey"), not inside a word of a real password
    // ("Sphere7!Lakes9" holds "here"); brackets count as a bracketed placeholder ("<password>"), not as one symbol of many.
    private static bool ContainsMarker(string lower, string marker)
    {
        if (marker is "<" or ">")
        {
            var open = lower.IndexOf('<');
            return open >= 0 && lower.IndexOf('>', open + 1) > open + 1;
        }

        if (!char.IsLetter(marker[0]) || marker == "xxxx")
        {
            return lower.Contains(marker);
        }

        for (var at = lower.IndexOf(marker, StringComparison.Ordinal); at >= 0; at = lower.IndexOf(marker, at + 1, StringComparison.Ordinal))
        {
            if (at == 0 || !char.IsLetter(lower[at - 1]))
            {
                return true;
            }
        }

        return false;
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

        if (trimmed.IndexOfAny(PathCharacters) >= 0 && IsFileName(trimmed))
        {
            return false; // a file or a glob: "a/b/Keys.secret.cs", "*.secret.json"
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

    // Path characters only, ending in an extension of one to five letters or in a slash (a folder).
    private static bool IsFileName(string value)
    {
        var dot = value.LastIndexOf('.');
        var ending = value.EndsWith("/", StringComparison.Ordinal)
            || (dot > 0 && value.Length - dot - 1 is >= 1 and <= 5 && value.Substring(dot + 1).All(char.IsLetter));
        return ending && value.All(c => char.IsLetterOrDigit(c) || c is '/' or '\\' or '*' or '.' or '_' or '-');
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
