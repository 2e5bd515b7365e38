using Microsoft.CodeAnalysis;

namespace CodeLeakGuard.Analyzers;

/// <summary>The descriptors of every rule; messages name the banned thing, why, and what to use instead.</summary>
internal static partial class Descriptors
{
    public static readonly DiagnosticDescriptor BannedSdkUsage = Create(
        RuleIdentifiers.BannedSdkUsage,
        "Banned AI SDK used",
        "'{0}' belongs to a banned AI SDK ({1}): {2}. Use {3} instead. [{4}]",
        RuleCategories.BannedAi,
        DiagnosticSeverity.Error,
        "Code that uses an AI SDK the policy bans can send source code and data to a third-party AI service.");

    public static readonly DiagnosticDescriptor BannedAssemblyReference = Create(
        RuleIdentifiers.BannedAssemblyReference,
        "Banned AI assembly referenced",
        "The compilation references the banned assembly '{0}' ({1}): {2}. Use {3} instead. [{4}]",
        RuleCategories.BannedAi,
        DiagnosticSeverity.Error,
        "A banned AI SDK assembly is referenced, whether through NuGet or as a raw DLL that bypasses package checks.",
        WellKnownDiagnosticTags.CompilationEnd);

    public static readonly DiagnosticDescriptor AiEndpoint = Create(
        RuleIdentifiers.AiEndpoint,
        "Banned AI API endpoint in code",
        "'{0}' is the API endpoint of a banned AI service ({1}): {2}. Use {3} instead. [{4}]",
        RuleCategories.BannedAi,
        DiagnosticSeverity.Error,
        "A string in code names the API host of a banned AI service; a plain HttpClient call to it bypasses any SDK ban.");

    public static readonly DiagnosticDescriptor AiReflectionLoad = Create(
        RuleIdentifiers.AiReflectionLoad,
        "Banned AI SDK loaded by reflection",
        "Reflection loads '{0}', which belongs to a banned AI SDK ({1}): {2}. Use {3} instead. [{4}]",
        RuleCategories.BannedAi,
        DiagnosticSeverity.Error,
        "Type.GetType, Assembly.Load and Activator.CreateInstance with a constant name reach a banned AI SDK without a compile-time reference.");

    public static readonly DiagnosticDescriptor AiApiKeyVariable = Create(
        RuleIdentifiers.AiApiKeyVariable,
        "API key of a banned AI service read",
        "'{0}' holds the API key of a banned AI service ({1}): {2}. Use {3} instead. [{4}]",
        RuleCategories.BannedAi,
        DiagnosticSeverity.Warning,
        "Reading a banned AI provider's API-key environment variable or configuration key means the code is about to call that provider.");

    public static readonly DiagnosticDescriptor BannedPackage = Create(
        RuleIdentifiers.BannedPackage,
        "Banned AI package in the dependency graph",
        "{0}",
        RuleCategories.BannedAi,
        DiagnosticSeverity.Error,
        "A banned AI SDK package is referenced directly or pulled in by another package; the message shows the dependency path.");

    public static readonly DiagnosticDescriptor PolicyMalformedLine = Create(
        RuleIdentifiers.PolicyMalformedLine,
        "Malformed policy line",
        "{0}",
        RuleCategories.Policy,
        DiagnosticSeverity.Error,
        "A line of the CodeLeakGuard policy file cannot be understood, so the policy is not applied as written.");

    public static readonly DiagnosticDescriptor PolicyIneffectiveLine = Create(
        RuleIdentifiers.PolicyIneffectiveLine,
        "Policy line has no effect",
        "{0}",
        RuleCategories.Policy,
        DiagnosticSeverity.Warning,
        "A line of the CodeLeakGuard policy file duplicates another line or can never match anything.");

    public static readonly DiagnosticDescriptor PolicyFileMissing = Create(
        RuleIdentifiers.PolicyFileMissing,
        "Policy file not found",
        "The CodeLeakGuard policy file '{0}' was named by the CodeLeakGuardPolicyFile property but is not among the additional files; the build must not pass without the policy it was given",
        RuleCategories.Policy,
        DiagnosticSeverity.Error,
        "A policy file that was named but cannot be found is an error, never a silent pass.",
        WellKnownDiagnosticTags.CompilationEnd);

    internal static DiagnosticDescriptor Create(string id, string title, string message, string category, DiagnosticSeverity severity, string description, params string[] tags) =>
        new(id, title, message, category, severity, isEnabledByDefault: true, description, RuleIdentifiers.GetHelpUri(id), tags);
}
