using System.Collections.Generic;
using System.Text.Json.Nodes;

namespace CodeLeakGuard.Masking.Http;

/// <summary>
/// A request's prose may name what a later text of the same request declares: the question first, then the file an
/// agent read ("Why does Consignment double-charge?", then <c>class Consignment</c>). Texts are masked in order, so
/// the question was masked before the session knew the name; it is masked again, knowing it, and put in the body in
/// place of its first form. History sent before keeps its first form: it went out so.
/// </summary>
public sealed partial class RequestMasker
{
    // The texts this request masked (not those remembered), in order: each with the file it holds (for proprietary
    // path rules), its masked form and the session's next placeholder number right after it.
    private List<(string Text, string? Path, MaskedPrompt Masked, int NextNumber)>? _maskedInOrder;

    /// <summary>False for a request masked again (<see cref="NeedsMaskingAgain"/>): it is not checked a second time.</summary>
    internal bool ChecksNameOrder { get; init; } = true;

    /// <summary>
    /// A text masked again is inside a value written as JSON text (a tool call's arguments), where its first form cannot
    /// be replaced: the request must be masked again from its original body. Its texts are all remembered by then, in
    /// their final forms, so that costs the walk only.
    /// </summary>
    internal bool NeedsMaskingAgain { get; private set; }

    private void StartNameOrderCheck() =>
        _maskedInOrder = ChecksNameOrder && _masker is SessionMasker ? new List<(string, string?, MaskedPrompt, int)>() : null;

    private void RecordMasked(SessionMasker session, string text, MaskedPrompt masked) =>
        _maskedInOrder?.Add((text, _path, masked, session.Session.NextPlaceholderNumber));

    private void RemaskTextsMaskedBeforeTheirNames(JsonObject body)
    {
        if (_maskedInOrder is null || _masker is not SessionMasker session)
        {
            return;
        }

        var next = session.Session.NextPlaceholderNumber;
        Dictionary<string, string>? replacements = null;
        foreach (var (text, path, masked, nextAfterIt) in _maskedInOrder)
        {
            if (nextAfterIt >= next || masked.KeptWords is null || !session.Session.HasNameSince(masked.KeptWords, nextAfterIt))
            {
                continue;
            }

            session.Forget(text);
            var again = session.Mask(text, ahead: null, path);
            Count(masked.Counts, sign: -1);
            Count(again.Counts);
            (replacements ??= new Dictionary<string, string>(StringReferenceComparer.Instance))[masked.Text] = again.Text;
        }

        if (replacements is not null && JsonValues.ReplaceStrings(body, replacements) < replacements.Count)
        {
            NeedsMaskingAgain = true;
        }
    }
}
