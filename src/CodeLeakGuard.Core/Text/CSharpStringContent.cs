using System;
using System.Text;

namespace CodeLeakGuard.Text;

/// <summary>How the characters of a C# string's content are written.</summary>
public enum CSharpStringStyle
{
    /// <summary><c>"..."</c>: backslash escapes.</summary>
    Regular,

    /// <summary><c>@"..."</c>: <c>""</c> is a quote, nothing else is escaped.</summary>
    Verbatim,

    /// <summary><c>"""..."""</c>: nothing is escaped.</summary>
    Raw,
}

/// <summary>
/// The value of the content of a C# string literal (or of the text part of an interpolated string), with the offset
/// in the source of every value character. Scanners search the value (so <c>\n</c> before a key is a line break, not
/// the letter n) and map what they find back to the exact source span. Pure text: no Roslyn, never throws.
/// </summary>
public sealed class CSharpStringContent
{
    private readonly int[] _offsets;

    private CSharpStringContent(string value, int[] offsets)
    {
        Value = value;
        _offsets = offsets;
    }

    public string Value { get; }

    /// <summary>True when the value is the source text as written (no escapes): offsets are then a plain shift.</summary>
    public bool IsVerbatimCopy { get; private set; }

    /// <summary>Source offset of value character <paramref name="index"/>; <c>index == Value.Length</c> gives the end of the content.</summary>
    public int SourceOffset(int index) => _offsets[index];

    /// <summary>The source span written for <c>Value[start..start+length)</c>, escapes included.</summary>
    public (int Start, int End) SourceSpan(int start, int length) => (_offsets[start], _offsets[start + length]);

    /// <summary>Decodes <c>text[start..end)</c> written in <paramref name="style"/>; <paramref name="interpolated"/> makes <c>{{</c> and <c>}}</c> one brace.</summary>
    public static CSharpStringContent Decode(string text, int start, int end, CSharpStringStyle style, bool interpolated)
    {
        if (start < 0 || end > text.Length || start > end)
        {
            throw new ArgumentOutOfRangeException(nameof(start));
        }

        var value = new StringBuilder(end - start);
        var offsets = new int[end - start + 1];
        var copy = true;
        var i = start;
        while (i < end)
        {
            var c = text[i];
            var width = 1;
            if (style == CSharpStringStyle.Regular && c == '\\' && i + 1 < end)
            {
                width = EscapeWidth(text, i, end, out var decoded);
                Add(value, ref offsets, i, decoded);
                copy = false;
            }
            else if (style == CSharpStringStyle.Verbatim && c == '"' && i + 1 < end && text[i + 1] == '"')
            {
                width = 2;
                Add(value, ref offsets, i, "\"");
                copy = false;
            }
            else if (interpolated && style != CSharpStringStyle.Raw && c is '{' or '}' && i + 1 < end && text[i + 1] == c)
            {
                width = 2;
                Add(value, ref offsets, i, c.ToString());
                copy = false;
            }
            else
            {
                Add(value, ref offsets, i, c.ToString());
            }

            i += width;
        }

        if (offsets.Length < value.Length + 1)
        {
            Array.Resize(ref offsets, value.Length + 1);
        }

        offsets[value.Length] = end;
        return new CSharpStringContent(value.ToString(), offsets) { IsVerbatimCopy = copy };
    }

    /// <summary>
    /// The content range and style of a whole literal token: <c>"..."</c>, <c>@"..."</c>, <c>"""..."""</c>, with an
    /// optional <c>u8</c> suffix; an unterminated literal runs to the end of its text. False for anything else.
    /// </summary>
    public static bool TryGetLiteralContent(string token, out int start, out int end, out CSharpStringStyle style) =>
        TryGetLiteralContent(token, 0, token.Length, out start, out end, out style);

    /// <summary>As <see cref="TryGetLiteralContent(string, out int, out int, out CSharpStringStyle)"/>, for the token at <c>text[tokenStart..tokenEnd)</c>: positions in <paramref name="text"/>.</summary>
    public static bool TryGetLiteralContent(string text, int tokenStart, int tokenEnd, out int start, out int end, out CSharpStringStyle style)
    {
        start = end = tokenStart;
        style = CSharpStringStyle.Regular;
        var i = tokenStart;
        var verbatim = false;
        while (i < tokenEnd && text[i] is '@' or '$')
        {
            verbatim |= text[i] == '@';
            i++;
        }

        if (i >= tokenEnd || text[i] != '"')
        {
            return false;
        }

        var quotes = 0;
        while (i + quotes < tokenEnd && text[i + quotes] == '"')
        {
            quotes++;
        }

        var close = tokenEnd;
        if (close - tokenStart >= 2 && text[close - 1] is '8' && text[close - 2] is 'u' or 'U')
        {
            close -= 2;
        }

        if (quotes >= 3 && !verbatim)
        {
            style = CSharpStringStyle.Raw;
            start = i + quotes;
            var closing = 0;
            while (closing < quotes && close - closing - 1 >= start && text[close - closing - 1] == '"')
            {
                closing++;
            }

            end = close - closing;
            return true;
        }

        style = verbatim ? CSharpStringStyle.Verbatim : CSharpStringStyle.Regular;
        start = i + 1;
        end = close > start && text[close - 1] == '"' && !EndsWithEscapedQuote(text, start, close - 1, style) ? close - 1 : tokenEnd;
        if (quotes == 2 && tokenEnd == i + 2)
        {
            end = start; // ""
        }

        return true;
    }

    private static bool EndsWithEscapedQuote(string token, int start, int quote, CSharpStringStyle style)
    {
        if (style != CSharpStringStyle.Regular)
        {
            return false;
        }

        var backslashes = 0;
        for (var j = quote - 1; j >= start && token[j] == '\\'; j--)
        {
            backslashes++;
        }

        return backslashes % 2 == 1;
    }

    private static void Add(StringBuilder value, ref int[] offsets, int sourceOffset, string decoded)
    {
        foreach (var ch in decoded)
        {
            if (value.Length + 1 >= offsets.Length)
            {
                Array.Resize(ref offsets, offsets.Length * 2 + 2);
            }

            offsets[value.Length] = sourceOffset;
            value.Append(ch);
        }
    }

    private static int EscapeWidth(string text, int i, int end, out string decoded)
    {
        var kind = text[i + 1];
        switch (kind)
        {
            case 'u':
                return Hex(text, i, end, 4, 4, out decoded);
            case 'U':
                return Hex(text, i, end, 8, 8, out decoded);
            case 'x':
                return Hex(text, i, end, 1, 4, out decoded);
            default:
                decoded = kind switch
                {
                    'n' => "\n", 'r' => "\r", 't' => "\t", '0' => "\0", 'a' => "\a", 'b' => "\b", 'f' => "\f", 'v' => "\v", 'e' => "\u001b",
                    _ => kind.ToString(),
                };
                return 2;
        }
    }

    private static int Hex(string text, int i, int end, int min, int max, out string decoded)
    {
        var digits = 0;
        var code = 0L;
        while (digits < max && i + 2 + digits < end && Uri.IsHexDigit(text[i + 2 + digits]))
        {
            code = code * 16 + Convert.ToInt32(text[i + 2 + digits].ToString(), 16);
            digits++;
        }

        if (digits < min)
        {
            decoded = text[i + 1].ToString(); // malformed: keep the letter, the compiler reports the error
            return 2;
        }

        decoded = code <= 0xFFFF ? ((char)code).ToString() : code <= 0x10FFFF ? char.ConvertFromUtf32((int)code) : "?";
        return 2 + digits;
    }
}
