using System.Collections.Generic;
using System.Text;

namespace CodeLeakGuard.Policy;

/// <summary>A word, a version range or a <c>key=value</c> option of a policy line, with its 1-based column.</summary>
internal readonly struct PolicyToken
{
    public PolicyToken(string text, int column, int length, string? key = null)
    {
        Text = text;
        Column = column;
        Length = length;
        Key = key;
    }

    /// <summary>The word, or an option's value (quotes removed, escapes resolved).</summary>
    public string Text { get; }

    public int Column { get; }

    public int Length { get; }

    /// <summary>The option's key, or null for a plain word.</summary>
    public string? Key { get; }

    public bool IsOption => Key is not null;
}

/// <summary>
/// Splits a policy line into words, bracketed version ranges (which may hold spaces) and <c>key=value</c> /
/// <c>key="quoted value"</c> options. A word starting with '#' ends the line. Never throws: problems come back as text.
/// </summary>
internal static class PolicyLineTokenizer
{
    public static List<PolicyToken> Tokenize(string line, out string? error, out int errorColumn)
    {
        error = null;
        errorColumn = 0;
        var tokens = new List<PolicyToken>();
        var i = 0;
        while (i < line.Length)
        {
            if (char.IsWhiteSpace(line[i]))
            {
                i++;
                continue;
            }

            if (line[i] == '#')
            {
                break;
            }

            var start = i;
            if (line[i] == '[' || line[i] == '(')
            {
                var close = line.IndexOfAny(new[] { ']', ')' }, i + 1);
                if (close < 0)
                {
                    error = "version range is not closed with ']' or ')'";
                    errorColumn = start + 1;
                    return tokens;
                }

                tokens.Add(new PolicyToken(line.Substring(start, close - start + 1), start + 1, close - start + 1));
                i = close + 1;
                continue;
            }

            if (line[i] == '"')
            {
                var quoted = ReadQuoted(line, ref i, out error);
                if (error is not null)
                {
                    errorColumn = start + 1;
                    return tokens;
                }

                tokens.Add(new PolicyToken(quoted, start + 1, i - start));
                continue;
            }

            while (i < line.Length && !char.IsWhiteSpace(line[i]) && line[i] != '=')
            {
                i++;
            }

            var word = line.Substring(start, i - start);
            if (i < line.Length && line[i] == '=')
            {
                i++;
                string value;
                if (i < line.Length && line[i] == '"')
                {
                    value = ReadQuoted(line, ref i, out error);
                    if (error is not null)
                    {
                        errorColumn = start + 1;
                        return tokens;
                    }
                }
                else
                {
                    var valueStart = i;
                    while (i < line.Length && !char.IsWhiteSpace(line[i]))
                    {
                        i++;
                    }

                    value = line.Substring(valueStart, i - valueStart);
                }

                if (word.Length == 0)
                {
                    error = "'=' without an option name before it";
                    errorColumn = start + 1;
                    return tokens;
                }

                tokens.Add(new PolicyToken(value, start + 1, i - start, word.ToLowerInvariant()));
                continue;
            }

            tokens.Add(new PolicyToken(word, start + 1, word.Length));
        }

        return tokens;
    }

    private static string ReadQuoted(string line, ref int i, out string? error)
    {
        error = null;
        var text = new StringBuilder();
        i++; // opening quote
        while (i < line.Length)
        {
            var c = line[i++];
            if (c == '"')
            {
                return text.ToString();
            }

            if (c == '\\' && i < line.Length && (line[i] == '"' || line[i] == '\\'))
            {
                text.Append(line[i++]);
                continue;
            }

            text.Append(c);
        }

        error = "quoted text is not closed with '\"'";
        return text.ToString();
    }
}
