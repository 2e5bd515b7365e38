namespace CodeLeakGuard.Masking;

/// <summary>What a text is, which decides how it is masked.</summary>
public enum MaskKind
{
    /// <summary>C# source: identifiers by role, secrets in literals and comments, proprietary code as stubs.</summary>
    CSharp,

    /// <summary>A chat prompt or answer: C# (and unlabelled) fenced blocks as code, inline code and other blocks word by word, prose word by word.</summary>
    Markdown,

    /// <summary>Anything else (logs, configuration, other languages): secrets, and the session's names word by word.</summary>
    PlainText,
}
