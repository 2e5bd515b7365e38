using System;
using System.Collections.Generic;

namespace CodeLeakGuard.Secrets;

/// <summary>
/// Secrets in a Markdown table's column whose header names them (<c>| Env | User | Password |</c>, then
/// <c>| staging | svc_orders | ... |</c>): the cell has no name beside it for an assignment to see, only the header
/// lines above. Each cell is judged as a value given to its header (<see cref="SecretHeuristics.IsSecretAssignedTo"/>).
/// A range may start inside the table (a cell's inline code is scanned on its own), so the header is looked for above
/// the range too; only cells inside the range are reported.
/// </summary>
internal static class TableColumnSecrets
{
    public static readonly SecretFormat Format = new(
        "SecretTableCell", "password, secret, token or key in a table column named so", SecretCategory.Credential,
        SecretFormat.Compile("(?!)"), Array.Empty<string>(), check: SecretValueCheck.None)
    {
        Gate = MayHold,
        Finder = Find,
    };

    // Rows above a cell searched for its table's header: tables in chats are short, and this bounds the cost.
    private const int MaxRowsAbove = 200;

    /// <summary>True when some line of <c>text[start..start+length)</c> is a table row: only then is <see cref="Find"/> worth running.</summary>
    public static bool MayHold(string text, int start, int length)
    {
        var end = start + length;
        for (var lineStart = LineStart(text, start); lineStart < end; lineStart = NextLine(text, lineStart))
        {
            if (IsRow(text, lineStart, LineEnd(text, lineStart)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The secret cells of <c>text[start..start+length)</c>, in text order (null when there are none).</summary>
    public static IReadOnlyList<SecretMatch>? Find(string text, int start, int length)
    {
        var end = start + length;
        List<SecretMatch>? found = null;

        for (var lineStart = LineStart(text, start); lineStart < end;)
        {
            var lineEnd = LineEnd(text, lineStart);
            if (IsRow(text, lineStart, lineEnd) && !IsDelimiterRow(text, lineStart, lineEnd) && HeaderAbove(text, lineStart) is { } header)
            {
                var column = 0;
                foreach (var (cellStart, cellEnd) in Cells(text, lineStart, lineEnd))
                {
                    var (valueStart, valueEnd) = Unquoted(text, cellStart, cellEnd);
                    if (column < header.Count && header[column] is { } name && valueStart >= start && valueEnd <= end)
                    {
                        if (IsValue(text, valueStart, valueEnd) && SecretHeuristics.IsSecretAssignedTo(name, text.Substring(valueStart, valueEnd - valueStart)))
                        {
                            (found ??= new List<SecretMatch>()).Add(new SecretMatch(valueStart, valueEnd - valueStart, Format));
                        }
                    }

                    column++;
                }
            }

            lineStart = NextLine(text, lineEnd);
        }

        return found;
    }

    // A cell with spaces holds words ("from Key Vault", "see below"), not a value.
    private static bool IsValue(string text, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                return false;
            }
        }

        return end > start;
    }

    // The names of a table's columns that may name a secret (null for the others), when the row at `rowStart` is in a
    // table: rows up to a header row followed by a delimiter row (|---|---|).
    private static List<string?>? HeaderAbove(string text, int rowStart)
    {
        var below = rowStart;
        for (var rows = 0; rows < MaxRowsAbove && below > 0; rows++)
        {
            var above = LineStart(text, below - 1);
            var aboveEnd = LineEnd(text, above);
            if (!IsRow(text, above, aboveEnd))
            {
                return null;
            }

            if (IsDelimiterRow(text, above, aboveEnd))
            {
                if (above == 0)
                {
                    return null;
                }

                var headerStart = LineStart(text, above - 1);
                var headerEnd = LineEnd(text, headerStart);
                return IsRow(text, headerStart, headerEnd) ? SecretColumns(text, headerStart, headerEnd) : null;
            }

            below = above;
        }

        return null;
    }

    private static List<string?>? SecretColumns(string text, int start, int end)
    {
        List<string?>? names = null;
        var any = false;
        foreach (var (cellStart, cellEnd) in Cells(text, start, end))
        {
            var (nameStart, nameEnd) = Unquoted(text, cellStart, cellEnd);
            var name = text.Substring(nameStart, nameEnd - nameStart).Trim('*', '_', ' ');
            var secret = SecretHeuristics.MayNameSecret(name);
            any |= secret;
            (names ??= new List<string?>()).Add(secret ? name : null);
        }

        return any ? names : null;
    }

    // A row: its first character that is not a space is a pipe, and it has another.
    private static bool IsRow(string text, int start, int end)
    {
        var first = start;
        while (first < end && text[first] is ' ' or '\t')
        {
            first++;
        }

        return first < end && text[first] == '|' && text.IndexOf('|', first + 1, end - first - 1) > 0;
    }

    // |---|:--:| : only pipes, dashes, colons and spaces, with at least one dash.
    private static bool IsDelimiterRow(string text, int start, int end)
    {
        var dash = false;
        for (var i = start; i < end; i++)
        {
            switch (text[i])
            {
                case '-':
                    dash = true;
                    break;
                case '|' or ':' or ' ' or '\t':
                    break;
                default:
                    return false;
            }
        }

        return dash;
    }

    // The cells between a row's pipes (a backslash-escaped pipe is text), trimmed of spaces.
    private static IEnumerable<(int Start, int End)> Cells(string text, int start, int end)
    {
        var open = text.IndexOf('|', start, end - start);
        for (var i = open + 1; i < end; i++)
        {
            if (text[i] != '|' || text[i - 1] == '\\')
            {
                continue;
            }

            var cellStart = open + 1;
            var cellEnd = i;
            while (cellStart < cellEnd && char.IsWhiteSpace(text[cellStart]))
            {
                cellStart++;
            }

            while (cellEnd > cellStart && char.IsWhiteSpace(text[cellEnd - 1]))
            {
                cellEnd--;
            }

            yield return (cellStart, cellEnd);
            open = i;
        }
    }

    // A cell's value without the backticks or quotes around it.
    private static (int Start, int End) Unquoted(string text, int start, int end)
    {
        while (end - start >= 2 && text[start] == text[end - 1] && text[start] is '`' or '"' or '\'')
        {
            start++;
            end--;
        }

        return (start, end);
    }

    private static int LineStart(string text, int position)
    {
        var newline = position <= 0 ? -1 : text.LastIndexOf('\n', Math.Min(position, text.Length) - 1);
        return newline + 1;
    }

    private static int LineEnd(string text, int lineStart)
    {
        var newline = text.IndexOf('\n', lineStart);
        var end = newline < 0 ? text.Length : newline;
        return end > lineStart && text[end - 1] == '\r' ? end - 1 : end;
    }

    private static int NextLine(string text, int lineEnd)
    {
        var newline = text.IndexOf('\n', lineEnd);
        return newline < 0 ? text.Length : newline + 1;
    }
}
