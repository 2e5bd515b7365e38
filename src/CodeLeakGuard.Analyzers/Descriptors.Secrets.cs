using Microsoft.CodeAnalysis;

namespace CodeLeakGuard.Analyzers;

internal static partial class Descriptors
{
    // The message names the kind of secret and never its value: diagnostics end up in build logs and SARIF files.
    public static readonly DiagnosticDescriptor HardcodedSecret = Create(
        RuleIdentifiers.HardcodedSecret,
        "Hard-coded secret",
        "A hard-coded {0} is in the source code: move it to a secret store or configuration outside the repository and revoke it [{1}]",
        RuleCategories.Secrets,
        DiagnosticSeverity.Error,
        "A credential written into source code is readable by everyone with the code, and by every AI assistant the code is shown to.");
}
