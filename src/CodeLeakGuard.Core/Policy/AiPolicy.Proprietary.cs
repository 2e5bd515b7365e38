using System.Linq;

namespace CodeLeakGuard.Policy;

public sealed partial class AiPolicy
{
    /// <summary>
    /// The <c>proprietary path</c> rule that covers a file, if any: an absolute path relative to the policy file's
    /// folder, a relative path as given (repository-relative).
    /// </summary>
    public ProprietaryRule? FindProprietaryPath(string filePath) =>
        Proprietary.FirstOrDefault(r => r.Scope == ProprietaryScope.Path && r.CoversFile(filePath));

    /// <summary>The <c>proprietary namespace</c> rule that covers a namespace (and everything below it), if any.</summary>
    public ProprietaryRule? FindProprietaryNamespace(string @namespace) =>
        @namespace.Length == 0 ? null : Proprietary.FirstOrDefault(r => r.Scope == ProprietaryScope.Namespace && r.Name!.IsMatchOrParentOf(@namespace));

    /// <summary>The <c>proprietary type</c> rule that covers a dotted type name (nested types included), if any.</summary>
    public ProprietaryRule? FindProprietaryType(string fullTypeName) =>
        Proprietary.FirstOrDefault(r => r.Scope == ProprietaryScope.Type && r.Name!.IsMatchOrParentOf(fullTypeName));

    /// <summary>The <c>proprietary member</c> rule for <c>Type.Member</c>, if any.</summary>
    public ProprietaryRule? FindProprietaryMember(string fullTypeName, string memberName) =>
        Proprietary.FirstOrDefault(r => r.Scope == ProprietaryScope.Member && r.Name!.IsMatch(fullTypeName + "." + memberName));

    /// <summary>True when the policy names proprietary code at all (so analyzers with nothing to guard can stay idle).</summary>
    public bool HasProprietaryRules => Proprietary.Count > 0;
}
