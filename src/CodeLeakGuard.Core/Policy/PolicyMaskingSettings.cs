using System;
using System.Linq;
using CodeLeakGuard.Secrets;

namespace CodeLeakGuard.Policy;

/// <summary>
/// The masking settings of a policy: <c>set internal-hosts="*.contoso.net,*.corp"</c> (host names under these suffixes
/// are masked as internal infrastructure) and <c>set sensitive-terms="Contoso,ContosoPay"</c> (company and product
/// names the masker always replaces, even in prose).
/// </summary>
internal static class PolicyMaskingSettings
{
    public static bool TryApply(PolicyDocument document, string key, string value, out string? error)
    {
        error = null;
        var items = value.Split(new[] { ',', ';' }, StringSplitOptions.RemoveEmptyEntries).Select(i => i.Trim()).Where(i => i.Length > 0).ToArray();
        if (items.Length == 0)
        {
            error = $"{key}= takes a comma-separated list, e.g. {(key == "internal-hosts" ? "internal-hosts=\"*.contoso.net,*.corp\"" : "sensitive-terms=\"Contoso,ContosoPay\"")}";
            return false;
        }

        if (key == "internal-hosts")
        {
            var bad = items.FirstOrDefault(i => InternalHostNames.NormalizeSuffix(i) is null);
            if (bad is not null)
            {
                error = $"'{bad}' is not a DNS suffix: write *.contoso.net or .corp";
                return false;
            }

            document.InternalHostSuffixes.AddRange(items.Select(i => InternalHostNames.NormalizeSuffix(i)!));
            return true;
        }

        var notWord = items.FirstOrDefault(i => !i.All(c => char.IsLetterOrDigit(c) || c == '_') || char.IsDigit(i[0]));
        if (notWord is not null)
        {
            error = $"'{notWord}' is not a single word: sensitive terms are names such as Contoso or ContosoPay";
            return false;
        }

        document.SensitiveTerms.AddRange(items);
        return true;
    }
}
