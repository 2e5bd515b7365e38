using System.Collections.Generic;
using System.Linq;
using CodeLeakGuard.Masking.Session;
using Microsoft.CodeAnalysis.Text;

namespace CodeLeakGuard.Masking.Proprietary;

/// <summary>One withheld part of a proprietary piece (a body, an initializer, statements) and the text sent instead.</summary>
internal readonly struct WithheldRange
{
    public WithheldRange(TextSpan span, string replacement)
    {
        Span = span;
        Replacement = replacement;
    }

    public TextSpan Span { get; }

    public string Replacement { get; }
}

/// <summary>
/// A proprietary part of a document and how it is sent: its declarations' signatures (masked like any code) with
/// every body and initializer withheld, comments dropped. The session keeps the original under <see cref="Entry"/>,
/// so an answer that repeats the stub unchanged is restored to the real code.
/// </summary>
internal sealed class ProprietaryPiece
{
    public ProprietaryPiece(TextSpan span, WithheldEntry entry, IReadOnlyList<WithheldRange> withheld, IReadOnlyList<TextSpan> keptComments)
    {
        Span = span;
        Entry = entry;
        Withheld = withheld;
        KeptComments = keptComments;
    }

    public TextSpan Span { get; set; }

    public WithheldEntry Entry { get; }

    /// <summary>Sorted, inside <see cref="Span"/>, not overlapping.</summary>
    public IReadOnlyList<WithheldRange> Withheld { get; }

    /// <summary>Comments inside the piece that stay: the <c>codeleakguard:proprietary-begin/end</c> markers.</summary>
    public IReadOnlyList<TextSpan> KeptComments { get; }

    /// <summary>No withheld range carries the marker (nothing withheld, or only initializers), so the stub ends with a comment holding it.</summary>
    public bool NeedsTrailingMarker => Withheld.All(w => w.Replacement.IndexOf(Entry.Marker, System.StringComparison.Ordinal) < 0);
}
