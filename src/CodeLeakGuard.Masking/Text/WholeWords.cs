using System.Collections.Generic;
using System.Text;
using CodeLeakGuard.Masking.Session;

namespace CodeLeakGuard.Masking.Text;

/// <summary>Puts pseudonyms in place of whole words of a text, as prose masking writes a known name.</summary>
internal static class WholeWords
{
    /// <summary>The text with each whole word that is one of <paramref name="names"/> written as its pseudonym, and how many were.</summary>
    /// <remarks>The names are few (those a later text of one request taught): each is searched for (vectorised), not every word looked up.</remarks>
    public static (string Text, int Named) Replace(string text, List<NameEntry> names)
    {
        List<(int Start, NameEntry Entry)>? found = null;
        foreach (var entry in names)
        {
            var word = entry.Real;
            for (var at = text.IndexOf(word, System.StringComparison.Ordinal); at >= 0; at = text.IndexOf(word, at + word.Length, System.StringComparison.Ordinal))
            {
                if ((at == 0 || !Words.IsWordChar(text[at - 1])) && (at + word.Length == text.Length || !Words.IsWordChar(text[at + word.Length])))
                {
                    (found ??= new List<(int Start, NameEntry Entry)>()).Add((at, entry));
                }
            }
        }

        if (found is null)
        {
            return (text, 0);
        }

        found.Sort((a, b) => a.Start.CompareTo(b.Start)); // whole words never overlap
        var output = new StringBuilder(text.Length);
        var copied = 0;
        foreach (var (start, entry) in found)
        {
            output.Append(text, copied, start - copied).Append(entry.Emitted);
            copied = start + entry.Real.Length;
        }

        return (output.Append(text, copied, text.Length - copied).ToString(), found.Count);
    }
}
