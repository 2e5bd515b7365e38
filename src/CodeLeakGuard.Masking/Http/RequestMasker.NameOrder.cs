using System;
using System.Collections.Generic;

namespace CodeLeakGuard.Masking.Http;

/// <summary>
/// A request's prose may name what a later text of the same request declares: the question first, then the file an
/// agent read ("Why does Consignment double-charge?", then <c>class Consignment</c>). Texts are masked in order, so
/// the question was masked before the session knew the name; it gets the name's pseudonym, as masking it now would
/// write it, in the body in place of its first form. History sent before keeps its first form: it went out so.
/// </summary>
public sealed partial class RequestMasker
{
    // The texts this request masked (not those remembered), in order: each with its masked form, the session's next
    // placeholder number right after it, and how to put another form where that one went (null: inside a value
    // written back whole as JSON text).
    private List<(string Text, MaskedPrompt Masked, int NextNumber, Action<string>? Place)>? _maskedInOrder;

    // Above 0 while texts are masked inside a copy that is written back whole (a tool call's JSON arguments).
    private int _indirect;

    /// <summary>False for a request masked again (<see cref="NeedsMaskingAgain"/>): it is not checked a second time.</summary>
    internal bool ChecksNameOrder { get; init; } = true;

    /// <summary>
    /// A text given a name's pseudonym is inside a value written as JSON text (a tool call's arguments), where its first
    /// form cannot be replaced: the request must be masked again from its original body. Its texts are all remembered
    /// by then, in their final forms, so that costs the walk only.
    /// </summary>
    internal bool NeedsMaskingAgain { get; private set; }

    private void StartNameOrderCheck() =>
        _maskedInOrder = ChecksNameOrder && _masker is SessionMasker ? new List<(string, MaskedPrompt, int, Action<string>?)>() : null;

    private void RecordMasked(SessionMasker session, string text, MaskedPrompt masked, Action<string>? place) =>
        _maskedInOrder?.Add((text, masked, session.Session.NextPlaceholderNumber, _indirect == 0 ? place : null));

    private void Indirectly(Action mask)
    {
        _indirect++;
        try
        {
            mask();
        }
        finally
        {
            _indirect--;
        }
    }

    private void NameWordsLaterTextsTaught()
    {
        if (_maskedInOrder is null || _masker is not SessionMasker session)
        {
            return;
        }

        var next = session.Session.NextPlaceholderNumber;
        foreach (var (text, masked, nextAfterIt, place) in _maskedInOrder)
        {
            if (nextAfterIt >= next || session.NameWordsLearntSince(text, masked, nextAfterIt) is not { } again)
            {
                continue;
            }

            Count(masked.Counts, sign: -1);
            Count(again.Counts);
            if (place is null)
            {
                NeedsMaskingAgain = true;
            }
            else
            {
                place(again.Text);
            }
        }
    }
}
