using System;
using System.Globalization;
using System.Text;

namespace Contoso.Commerce.Infrastructure;

public static class StringExtensions
{
    /// <summary>"Order Pricing Engine" → "order-pricing-engine", for URLs and cache keys.</summary>
    public static string ToKebabCase(this string text)
    {
        var builder = new StringBuilder(text.Length + 8);
        foreach (var c in text.Trim())
        {
            if (char.IsWhiteSpace(c) || c == '_')
            {
                if (builder.Length > 0 && builder[builder.Length - 1] != '-')
                {
                    builder.Append('-');
                }
            }
            else if (char.IsUpper(c) && builder.Length > 0 && builder[builder.Length - 1] != '-')
            {
                builder.Append('-').Append(char.ToLowerInvariant(c));
            }
            else
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString();
    }

    public static string Truncate(this string text, int maxLength, string ellipsis = "…") =>
        text.Length <= maxLength ? text : string.Concat(text.AsSpan(0, Math.Max(0, maxLength - ellipsis.Length)), ellipsis);

    public static string Mask(this string text, int visible = 4) =>
        text.Length <= visible ? new string('*', text.Length) : new string('*', text.Length - visible) + text[^visible..];

    public static bool EqualsIgnoreCase(this string? left, string? right) =>
        string.Equals(left, right, StringComparison.OrdinalIgnoreCase);

    public static string Format(this decimal amount, string currency) =>
        amount.ToString("N2", CultureInfo.GetCultureInfo("de-DE")) + " " + currency;
}
