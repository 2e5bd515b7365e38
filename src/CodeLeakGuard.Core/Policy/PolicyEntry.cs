using System.Collections.Generic;
using CodeLeakGuard.Matching;
using CodeLeakGuard.Versioning;

namespace CodeLeakGuard.Policy;

/// <summary>One <c>ban</c>, <c>allow</c> or <c>approve</c> line of a policy file.</summary>
public sealed class PolicyEntry
{
    internal PolicyEntry(
        PolicyAction action,
        PolicyTarget target,
        string pattern,
        SourceLocation location)
    {
        Action = action;
        Target = target;
        Pattern = pattern;
        Location = location;
    }

    public PolicyAction Action { get; }

    public PolicyTarget Target { get; }

    /// <summary>The pattern as written.</summary>
    public string Pattern { get; }

    public SourceLocation Location { get; }

    /// <summary>Name pattern for packages, assemblies, namespaces, types, members and environment variables.</summary>
    public WildcardPattern? Name { get; internal set; }

    /// <summary>For members: the containing type's pattern (<c>OpenAI.Chat.ChatClient</c> of <c>OpenAI.Chat.ChatClient.CompleteChat</c>).</summary>
    public WildcardPattern? MemberType { get; internal set; }

    /// <summary>For members: the member name (<c>#ctor</c> for constructors).</summary>
    public string? MemberName { get; internal set; }

    public HostPattern? Host { get; internal set; }

    /// <summary>Packages only: the versions the line applies to.</summary>
    public VersionRange Versions { get; internal set; } = VersionRange.All;

    public string? Reason { get; internal set; }

    public string? Instead { get; internal set; }

    public FindingSeverity? Severity { get; internal set; }

    /// <summary>Allowed wrapper packages only: the banned packages the wrapper may bring in.</summary>
    public IReadOnlyList<WildcardPattern> Wraps { get; internal set; } = System.Array.Empty<WildcardPattern>();

    /// <summary>Approve and allow lines: proprietary code may use this too (an approval for proprietary code is explicit).</summary>
    public bool ApprovedForProprietary { get; internal set; }

    /// <summary>The identity used to spot duplicate lines.</summary>
    internal string Key => $"{Action}|{Target}|{Pattern.ToLowerInvariant()}|{Versions.Text}";

    public override string ToString() => $"{Action.ToString().ToLowerInvariant()} {Target} {Pattern}";
}
