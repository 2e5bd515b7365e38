namespace CodeLeakGuard.Masking;

/// <summary>The masked text, safe to send, and what was masked in it.</summary>
public sealed class MaskResult
{
    internal MaskResult(string text, MaskReport report)
    {
        Text = text;
        Report = report;
    }

    public string Text { get; }

    public MaskReport Report { get; }

    public override string ToString() => Text;
}
