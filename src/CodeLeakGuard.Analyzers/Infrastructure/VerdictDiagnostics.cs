using System.Collections.Immutable;
using CodeLeakGuard.Policy;
using Microsoft.CodeAnalysis;

namespace CodeLeakGuard.Analyzers.Infrastructure;

/// <summary>Turns a policy verdict into a diagnostic: its message arguments and the severity the policy line asks for.</summary>
internal static class VerdictDiagnostics
{
    public static Diagnostic Create(DiagnosticDescriptor descriptor, Location location, string subjectText, Verdict verdict, ImmutableDictionary<string, string?>? properties = null)
    {
        var severity = verdict.Entry?.Severity is { } entrySeverity ? ToRoslyn(entrySeverity) : descriptor.DefaultSeverity;
        return Diagnostic.Create(
            descriptor,
            location,
            severity,
            additionalLocations: null,
            properties: properties,
            subjectText, verdict.Subject, verdict.Reason, verdict.Instead, verdict.Origin);
    }

    public static DiagnosticSeverity ToRoslyn(FindingSeverity severity) => severity switch
    {
        FindingSeverity.Warning => DiagnosticSeverity.Warning,
        FindingSeverity.Info => DiagnosticSeverity.Info,
        _ => DiagnosticSeverity.Error,
    };
}
