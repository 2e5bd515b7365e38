namespace CodeLeakGuard.Secrets;

/// <summary>The second look a format's regex match gets before it counts, so documentation examples do not.</summary>
public enum SecretValueCheck
{
    /// <summary>The format is specific enough on its own (a private key block, a webhook URL, a policy rule).</summary>
    None,

    /// <summary>A generated token: not a placeholder ("your-key-here", "xxxx", "EXAMPLE") and not low-entropy.</summary>
    Random,

    /// <summary>A <c>password/secret/token/apiKey = value</c> assignment: the name must be sensitive and the value secret-like.</summary>
    Assignment,

    /// <summary>A value after <c>Password=</c> or <c>user:</c> in a URL: anything but a placeholder.</summary>
    NotPlaceholder,

    /// <summary>A private IPv4 address: every octet 0-255, not a network or broadcast address.</summary>
    PrivateIpv4,

    /// <summary>A long blob of key material: high entropy, upper and lower case and digits, not plain hex.</summary>
    HighEntropyBlob,

    /// <summary>A value that looks secret on its own (a command line's password): as an assignment's value, with no name to judge.</summary>
    SecretLike,

    /// <summary>A generated key: 32 or more hex digits, or 24 or more mixed-case base64 characters that do not read as words.</summary>
    GeneratedKey,
}
