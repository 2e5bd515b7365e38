namespace CodeLeakGuard.Masking.Text;

/// <summary>Ranges of a text without the white space around them (no substring made).</summary>
internal static class WhiteSpace
{
    /// <summary><c>text[start..end)</c> without leading and trailing white space; empty (From == To) when it is all white space.</summary>
    public static (int From, int To) Trim(string text, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        return (start, end);
    }

    public static bool IsBlank(string text, int start, int end) => Trim(text, start, end) is var (from, to) && from == to;
}
