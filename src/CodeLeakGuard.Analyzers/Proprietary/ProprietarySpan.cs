using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace CodeLeakGuard.Analyzers.Proprietary;

/// <summary>How a piece of code was marked proprietary.</summary>
public enum ProprietaryMarkerKind
{
    /// <summary><c>[Proprietary]</c> on a type or member.</summary>
    Attribute,

    /// <summary><c>[assembly: Proprietary]</c>: every file of the compilation.</summary>
    AssemblyAttribute,

    /// <summary><c>#region Proprietary ...</c> to its <c>#endregion</c>.</summary>
    Region,

    /// <summary><c>// codeleakguard:proprietary-begin</c> to <c>// codeleakguard:proprietary-end</c>.</summary>
    CommentPair,

    /// <summary>A <c>proprietary path</c> glob in the policy: the whole file.</summary>
    PolicyPath,

    /// <summary>A <c>proprietary namespace|type|member</c> pattern in the policy.</summary>
    PolicySymbol,

    /// <summary>
    /// Code the C# parser gave up on (nested too deeply for its stack, CS8078) in a file that may hold markers: its
    /// tree is skipped text in which none can be found, so the whole file is proprietary.
    /// </summary>
    Unreadable,
}

/// <summary>One proprietary piece of a document.</summary>
public sealed class ProprietarySpan
{
    public ProprietarySpan(ProprietaryMarkerKind kind, TextSpan span, TextSpan markerSpan, string? reason, SyntaxNode? declaration)
    {
        Kind = kind;
        Span = span;
        MarkerSpan = markerSpan;
        Reason = reason;
        Declaration = declaration;
    }

    public ProprietaryMarkerKind Kind { get; }

    /// <summary>The proprietary code itself (a declaration including its attributes, or a region including its directives).</summary>
    public TextSpan Span { get; }

    /// <summary>The marker that made it proprietary: the attribute, the directive or comment, or the start of the file.</summary>
    public TextSpan MarkerSpan { get; }

    public string? Reason { get; }

    /// <summary>The type or member declaration for attribute and policy-symbol marks; null for regions and whole files.</summary>
    public SyntaxNode? Declaration { get; }

    public override string ToString() => $"{Kind} {Span}";
}

/// <summary>A marker that is malformed: unbalanced, nested or overlapping, or placed where it cannot apply.</summary>
public sealed class ProprietaryMarkerProblem
{
    public ProprietaryMarkerProblem(TextSpan span, string message, bool isUnclosedBegin = false)
    {
        Span = span;
        Message = message;
        IsUnclosedBegin = isUnclosedBegin;
    }

    public TextSpan Span { get; }

    public string Message { get; }

    /// <summary>A begin marker without its end (the code fix can close it).</summary>
    public bool IsUnclosedBegin { get; }
}
