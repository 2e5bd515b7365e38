using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace CodeLeakGuard.Masking;

/// <summary>
/// What one call masked, as counts by category: safe for audit logs, because it holds no name, secret or code.
/// </summary>
public sealed class MaskReport
{
    internal MaskReport(
        IReadOnlyDictionary<string, int> identifiersByRole,
        IReadOnlyDictionary<string, int> secretsByKind,
        IReadOnlyDictionary<string, int> secretsByCategory,
        int newPseudonyms,
        int proprietarySpans,
        int withheldLiterals,
        IReadOnlyList<string> notes)
    {
        IdentifiersByRole = identifiersByRole;
        SecretsByKind = secretsByKind;
        SecretsByCategory = secretsByCategory;
        NewPseudonyms = newPseudonyms;
        ProprietarySpans = proprietarySpans;
        WithheldLiterals = withheldLiterals;
        Notes = notes;
    }

    /// <summary>Identifier occurrences replaced (in code, comments, strings and prose).</summary>
    public int Identifiers => IdentifiersByRole.Values.Sum();

    /// <summary>Occurrences by pseudonym role: <c>Class</c>, <c>Method</c>, <c>param</c>, ...</summary>
    public IReadOnlyDictionary<string, int> IdentifiersByRole { get; }

    /// <summary>Names masked for the first time in the session by this call.</summary>
    public int NewPseudonyms { get; }

    /// <summary>Secrets, e-mail addresses, internal hosts and private IPs replaced.</summary>
    public int Secrets => SecretsByKind.Values.Sum();

    /// <summary>By kind: <c>OpenAIKey</c>, <c>EmailAddress</c>, <c>InternalHost</c>, ...</summary>
    public IReadOnlyDictionary<string, int> SecretsByKind { get; }

    /// <summary>By category: <c>Credential</c>, <c>PersonalData</c>, <c>InternalInfrastructure</c>, <c>PossibleCredential</c>.</summary>
    public IReadOnlyDictionary<string, int> SecretsByCategory { get; }

    /// <summary>Proprietary declarations, regions and files replaced by stubs.</summary>
    public int ProprietarySpans { get; }

    /// <summary>String literals withheld whole because they could not be masked in place (fail-closed fallback).</summary>
    public int WithheldLiterals { get; }

    /// <summary>How the text was handled where it was out of the ordinary (e.g. code masked word by word); never content.</summary>
    public IReadOnlyList<string> Notes { get; }

    /// <summary>Counts by category in one place, e.g. for a metrics sink.</summary>
    public IReadOnlyDictionary<string, int> Counts =>
        new Dictionary<string, int>
        {
            ["identifiers"] = Identifiers,
            ["secrets"] = Secrets,
            ["proprietary"] = ProprietarySpans,
            ["withheld-literals"] = WithheldLiterals,
        };

    /// <summary>One audit line, e.g. <c>identifiers=42 (Class=7, Method=12, ...) secrets=2 (OpenAIKey=1, EmailAddress=1) proprietary=1</c>.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append("identifiers=").Append(Identifiers).Append(Details(IdentifiersByRole));
        text.Append(" secrets=").Append(Secrets).Append(Details(SecretsByKind));
        text.Append(" proprietary=").Append(ProprietarySpans);
        if (WithheldLiterals > 0)
        {
            text.Append(" withheld-literals=").Append(WithheldLiterals);
        }

        return text.ToString();
    }

    private static string Details(IReadOnlyDictionary<string, int> counts) =>
        counts.Count == 0 ? string.Empty : " (" + string.Join(", ", counts.OrderBy(c => c.Key, System.StringComparer.Ordinal).Select(c => $"{c.Key}={c.Value}")) + ")";
}
