namespace CodeLeakGuard.Masking.Text;

/// <summary>Which words of a text region are replaced (secrets are replaced in every mode).</summary>
internal enum WordMode
{
    /// <summary>Secrets only: directive arguments such as <c>#pragma</c> and <c>#line</c>.</summary>
    None,

    /// <summary>Prose, comments and strings: the session's names, except lower-case parameter and local names (ordinary words).</summary>
    Prose,

    /// <summary>Code in word form (a doc comment's <c>name="..."</c>): every name the session masks.</summary>
    Code,

    /// <summary>Markdown inline code: the session's names, and unknown names that look like identifiers (<c>InvoiceSplitter</c>).</summary>
    InlineCode,

    /// <summary>Code that was not parsed (disabled <c>#if</c> branches, bad tokens): every word but keywords and framework names.</summary>
    Aggressive,
}
