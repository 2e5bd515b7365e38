namespace CodeLeakGuard.Masking;

/// <summary>One text of a batch (e.g. the files of a directory): what it is, and for C# its repository-relative path.</summary>
public sealed class MaskRequest
{
    public MaskRequest(string text, MaskKind kind, string? path = null)
    {
        Text = text;
        Kind = kind;
        Path = path;
    }

    public string Text { get; }

    public MaskKind Kind { get; }

    public string? Path { get; }
}
