using System;
using System.Collections.Generic;

namespace CodeLeakGuard.Masking.Http;

/// <summary>What the handler needs from one conversation's masking session.</summary>
public interface IConversationMasker
{
    /// <summary>Masks text the model will read; throws <see cref="MaskingRefusedException"/> when it cannot be masked safely.</summary>
    MaskedPrompt Mask(string text);

    /// <summary>Restores real names in text the model wrote.</summary>
    string Unmask(string text);

    /// <summary>How many trailing characters of a stream may still be the start of a pseudonym or placeholder.</summary>
    int PendingTokenLength(string text);
}

/// <summary>Masked text and what was masked, by category (never the values).</summary>
public sealed class MaskedPrompt
{
    public MaskedPrompt(string text, IReadOnlyDictionary<string, int> counts)
    {
        Text = text;
        Counts = counts;
    }

    public string Text { get; }

    public IReadOnlyDictionary<string, int> Counts { get; }

    /// <summary>Capitalised words its prose kept as they are (null if none), to find a name a later text declares.</summary>
    internal IReadOnlyCollection<string>? KeptWords { get; init; }
}

/// <summary>Masking could not be done with certainty: the request must not be sent.</summary>
public sealed class MaskingRefusedException : Exception
{
    public MaskingRefusedException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}
