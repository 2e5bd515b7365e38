using System.Collections.Generic;

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

    /// <summary>Capitalised words prose kept as they are (<see cref="MaskContext.KeptCapitalisedWords"/>); null if none.</summary>
    internal IReadOnlyCollection<string>? KeptWords { get; init; }

    public override string ToString() => Text;
}
