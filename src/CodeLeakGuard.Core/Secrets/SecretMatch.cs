namespace CodeLeakGuard.Secrets;

/// <summary>One secret found in a text: where it is and what it is. Never carries the value itself.</summary>
public readonly struct SecretMatch
{
    public SecretMatch(int start, int length, SecretFormat format)
    {
        Start = start;
        Length = length;
        Format = format;
    }

    /// <summary>Offset of the secret part in the scanned text (for <c>key=value</c> formats: of the value only).</summary>
    public int Start { get; }

    public int Length { get; }

    public int End => Start + Length;

    public SecretFormat Format { get; }

    /// <summary>A short name made of letters only, such as <c>OpenAIKey</c>: used in messages and in masking placeholders.</summary>
    public string Kind => Format.Kind;

    public SecretCategory Category => Format.Category;

    public override string ToString() => $"{Kind} at {Start}+{Length}";
}
