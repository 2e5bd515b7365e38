namespace CodeLeakGuard.Masking.Markdown;

internal enum MarkdownSegmentKind
{
    Prose,
    CSharpCode,
    OtherCode,
}

/// <summary>A run of a Markdown text: prose (fence lines included), the content of a fenced code block, or unfenced C#.</summary>
internal readonly struct MarkdownSegment
{
    public MarkdownSegment(MarkdownSegmentKind kind, int start, int end, bool numbered = false)
    {
        Kind = kind;
        Start = start;
        End = end;
        Numbered = numbered;
    }

    public MarkdownSegmentKind Kind { get; }

    public int Start { get; }

    public int End { get; }

    /// <summary>Unfenced code printed with a line number before each line (see <see cref="UnfencedCode"/>).</summary>
    public bool Numbered { get; }
}
