using Microsoft.CodeAnalysis;

namespace CodeLeakGuard.Analyzers;

internal static partial class Descriptors
{
    public static readonly DiagnosticDescriptor ProprietaryMarkerMalformed = Create(
        RuleIdentifiers.ProprietaryMarkerMalformed,
        "Malformed proprietary marker",
        "{0}",
        RuleCategories.Proprietary,
        DiagnosticSeverity.Warning,
        "A proprietary marker is unbalanced, nested, overlapping, or placed where it cannot apply; CodeLeakGuard protects the rest of the file when in doubt.");

    public static readonly DiagnosticDescriptor AiUseInProprietaryCode = Create(
        RuleIdentifiers.AiUseInProprietaryCode,
        "AI service used inside proprietary code",
        "Proprietary code uses '{0}' ({1}): {2}. Use {3} instead. [{4}]",
        RuleCategories.Proprietary,
        DiagnosticSeverity.Error,
        "Proprietary code must not call AI services; an approval for ordinary code does not extend to proprietary code unless the policy says proprietary=true.");

    public static readonly DiagnosticDescriptor ProprietaryDataToAi = Create(
        RuleIdentifiers.ProprietaryDataToAi,
        "Proprietary data reaches an AI call",
        "{0} reaches the AI call '{1}'{2}",
        RuleCategories.Proprietary,
        DiagnosticSeverity.Error,
        "The value of a proprietary member, or the text of a proprietary file, flows into an argument of an AI SDK method or an HTTP call to an AI endpoint.");

    public static readonly DiagnosticDescriptor ProprietaryRegion = Create(
        RuleIdentifiers.ProprietaryRegion,
        "Proprietary code",
        "Proprietary code ({0}){1}",
        RuleCategories.Proprietary,
        DiagnosticSeverity.Hidden,
        "Marks where proprietary code starts, so the IDE can show it; hidden by default.");
}
