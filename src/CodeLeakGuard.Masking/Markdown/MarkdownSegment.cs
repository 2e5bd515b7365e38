namespace CodeLeakGuard.Masking.Markdown;

internal enum MarkdownSegmentKind
{
    Prose,
    CSharpCode,
    OtherCode,
}

/// <summary>A run of a Markdown text: prose (fence lines included), or the content of a fenced code block.</summary>
internal readonly struct MarkdownSegment
{
    public MarkdownSegment(MarkdownSegmentKind kind, int start, int end)
    {
        Kind = kind;
        Start = start;
        End = end;
    }

    public MarkdownSegmentKind Kind { get; }

    public int Start { get; }

    public int End { get; }
}
