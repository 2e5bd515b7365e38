using CodeLeakGuard.Catalog;

namespace CodeLeakGuard.Policy;

/// <summary>Why something is banned: what matched, where the rule comes from, and what to use instead.</summary>
public sealed class Verdict
{
    public Verdict(string subject, string reason, string instead, FindingSeverity severity, string origin, AiProvider? provider, PolicyEntry? entry)
    {
        Subject = subject;
        Reason = reason;
        Instead = instead;
        Severity = severity;
        Origin = origin;
        Provider = provider;
        Entry = entry;
    }

    /// <summary>The rule that matched, e.g. "namespace 'OpenAI'".</summary>
    public string Subject { get; }

    public string Reason { get; }

    public string Instead { get; }

    public FindingSeverity Severity { get; }

    /// <summary>"built-in catalog (OpenAI)" or "codeleakguard.policy:12" (file name only, so logs and SARIF stay portable).</summary>
    public string Origin { get; }

    public AiProvider? Provider { get; }

    public PolicyEntry? Entry { get; }

    public override string ToString() => $"{Subject}: {Reason}; use {Instead} instead [{Origin}]";
}
