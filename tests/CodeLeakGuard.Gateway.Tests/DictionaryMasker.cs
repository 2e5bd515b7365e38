using System.Text.RegularExpressions;
using CodeLeakGuard.Masking.Http;

namespace CodeLeakGuard.Gateway.Tests;

/// <summary>
/// A masking session over a fixed table of real names, for testing the HTTP boundary on its own: the handler and the
/// gateway only see <see cref="IConversationMasker"/>. Replacement is at identifier boundaries, longest first.
/// </summary>
internal sealed class DictionaryMasker(IReadOnlyDictionary<string, string> realToPseudonym) : IConversationMasker
{
    private readonly Dictionary<string, string> _reverse = realToPseudonym.ToDictionary(p => p.Value, p => p.Key);

    public static DictionaryMasker Contoso() => new(new Dictionary<string, string>
    {
        ["OrderPricingEngine"] = "Class1",
        ["ComputeMargin"] = "Method2",
        ["Contoso"] = "Namespace3",
        ["sk-ant-api03-REALKEY"] = "SECRET_1",
    });

    public MaskedPrompt Mask(string text)
    {
        var counts = new Dictionary<string, int>();
        foreach (var (real, pseudonym) in realToPseudonym.OrderByDescending(p => p.Key.Length))
        {
            var pattern = $@"(?<![A-Za-z0-9_]){Regex.Escape(real)}(?![A-Za-z0-9_])";
            var found = Regex.Matches(text, pattern).Count;
            if (found > 0)
            {
                var category = pseudonym.StartsWith("SECRET", StringComparison.Ordinal) ? "secret" : "identifier";
                counts[category] = counts.GetValueOrDefault(category) + found;
                text = Regex.Replace(text, pattern, pseudonym);
            }
        }

        return new MaskedPrompt(text, counts);
    }

    public string Unmask(string text)
    {
        foreach (var (pseudonym, real) in _reverse.OrderByDescending(p => p.Key.Length))
        {
            text = Regex.Replace(text, $@"(?<![A-Za-z0-9]){Regex.Escape(pseudonym)}(?![0-9])", real);
        }

        return text;
    }

    public int PendingTokenLength(string text)
    {
        var length = 0;
        while (length < text.Length && (char.IsLetterOrDigit(text[text.Length - 1 - length]) || text[text.Length - 1 - length] == '_'))
        {
            length++;
        }

        return length;
    }
}
