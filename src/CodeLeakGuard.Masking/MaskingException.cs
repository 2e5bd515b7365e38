using System;

namespace CodeLeakGuard.Masking;

/// <summary>Why masking refused a text. The caller gets this instead of output: never the raw text.</summary>
public enum MaskingFailure
{
    /// <summary>The text is longer than <see cref="MaskingOptions.MaxInputLength"/>.</summary>
    InputTooLarge,

    /// <summary>The text holds an unpaired UTF-16 surrogate: it cannot be encoded faithfully, so it is not masked.</summary>
    InvalidUtf16,

    /// <summary>The arguments do not fit together (e.g. a compilation for a Markdown text).</summary>
    InvalidRequest,

    /// <summary>The masker could not finish with certainty; the message says where, never what.</summary>
    Internal,
}

/// <summary>
/// Masking was refused: the text could not be masked with certainty. Messages name positions and reasons, never
/// the content, so they are safe to log.
/// </summary>
public sealed class MaskingException : Exception
{
    public MaskingException(MaskingFailure failure, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Failure = failure;
    }

    public MaskingFailure Failure { get; }
}
