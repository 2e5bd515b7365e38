using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace CodeLeakGuard.Analyzers.Tests.Verifiers;

/// <summary>
/// The markup of Microsoft.CodeAnalysis.Testing: <c>{|CLG1001:text|}</c> expects a diagnostic with that id on
/// <c>text</c>; <c>[|text|]</c> expects the analyzer's default id there. Markers may nest.
/// </summary>
internal static class DiagnosticMarkup
{
    public sealed record Expected(string? Id, TextSpan Span);

    public static (string Source, IReadOnlyList<Expected> Expected) Parse(string markup)
    {
        var source = new StringBuilder(markup.Length);
        var expected = new List<Expected>();
        var open = new Stack<(string? Id, int Start)>();
        for (var i = 0; i < markup.Length; i++)
        {
            if (Starts(markup, i, "{|"))
            {
                var colon = markup.IndexOf(':', i + 2);
                if (colon < 0)
                {
                    throw new FormatException($"'{{|' at {i} has no ':' after the diagnostic id");
                }

                open.Push((markup.Substring(i + 2, colon - i - 2), source.Length));
                i = colon;
            }
            else if (Starts(markup, i, "[|"))
            {
                open.Push((null, source.Length));
                i++;
            }
            else if (Starts(markup, i, "|}") || Starts(markup, i, "|]"))
            {
                if (open.Count == 0)
                {
                    throw new FormatException($"'{markup.Substring(i, 2)}' at {i} closes nothing");
                }

                var (id, start) = open.Pop();
                expected.Add(new Expected(id, TextSpan.FromBounds(start, source.Length)));
                i++;
            }
            else
            {
                source.Append(markup[i]);
            }
        }

        if (open.Count > 0)
        {
            throw new FormatException("a markup span is not closed");
        }

        return (source.ToString(), expected.OrderBy(e => e.Span.Start).ToList());
    }

    private static bool Starts(string text, int index, string token) =>
        index + token.Length <= text.Length && string.CompareOrdinal(text, index, token, 0, token.Length) == 0;
}
