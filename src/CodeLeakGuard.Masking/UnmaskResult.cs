using System.Collections.Generic;
using System.Linq;

namespace CodeLeakGuard.Masking;

public enum UnmaskIssueKind
{
    /// <summary>Looks like a placeholder (<c>Class99</c>, <c>&lt;secret:OpenAIKey7&gt;</c>) but the session never made it: left as is.</summary>
    Unresolved,

    /// <summary>A placeholder the model changed (<c>Field6</c> for <c>field6</c>, a secret without its brackets), restored because it was unambiguous.</summary>
    AlteredRestored,

    /// <summary>A placeholder the model changed in a way that could mean something else, or a withheld stub it edited: left as is.</summary>
    AlteredLeft,
}

/// <summary>A placeholder that could not be restored exactly. <see cref="Text"/> is the placeholder as found, never a real value.</summary>
public sealed class UnmaskIssue
{
    internal UnmaskIssue(UnmaskIssueKind kind, int position, string text, string message)
    {
        Kind = kind;
        Position = position;
        Text = text;
        Message = message;
    }

    public UnmaskIssueKind Kind { get; }

    /// <summary>Offset in the text given to <see cref="MaskingSession.Unmask"/>.</summary>
    public int Position { get; }

    public string Text { get; }

    public string Message { get; }

    public override string ToString() => $"{Kind} at {Position}: {Text}: {Message}";
}

/// <summary>The text with the session's placeholders replaced by the real names, secrets and code.</summary>
public sealed class UnmaskResult
{
    internal UnmaskResult(string text, int restored, IReadOnlyList<UnmaskIssue> issues)
    {
        Text = text;
        Restored = restored;
        Issues = issues;
    }

    public string Text { get; }

    /// <summary>Placeholders replaced (each occurrence, derived names included).</summary>
    public int Restored { get; }

    public IReadOnlyList<UnmaskIssue> Issues { get; }

    public IEnumerable<UnmaskIssue> Unresolved => Issues.Where(i => i.Kind == UnmaskIssueKind.Unresolved);

    public IEnumerable<UnmaskIssue> Altered => Issues.Where(i => i.Kind != UnmaskIssueKind.Unresolved);

    public override string ToString() => Text;
}
