using System;
using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using CodeLeakGuard.Analyzers;
using CodeLeakGuard.Analyzers.Endpoints;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;

namespace CodeLeakGuard.CodeFixes;

/// <summary>
/// Replaces a banned AI endpoint inside a string literal with the policy's approved endpoint (CLG1003), keeping the
/// request path: <c>https://api.openai.com/v1/chat/completions</c> becomes <c>https://ai.contoso.internal/v1/chat/completions</c>.
/// Offered only when the policy names an approved endpoint and the URL sits whole in one literal.
/// </summary>
[ExportCodeFixProvider(Microsoft.CodeAnalysis.LanguageNames.CSharp, Name = nameof(ReplaceBannedEndpointCodeFixProvider)), Shared]
public sealed class ReplaceBannedEndpointCodeFixProvider : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.AiEndpoint);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var text = await context.Document.GetTextAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(AiEndpointAnalyzer.ApprovedEndpointProperty, out var approved) || string.IsNullOrEmpty(approved)
                || !diagnostic.Properties.TryGetValue(AiEndpointAnalyzer.MatchedUrlProperty, out var matched) || matched is null)
            {
                continue;
            }

            var span = diagnostic.Location.SourceSpan;
            if (text.ToString(span) != matched)
            {
                continue; // the URL is split across a concatenation or written with escapes: no safe textual edit
            }

            var replacement = Replace(matched, approved!);
            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Use the approved endpoint '{approved}'",
                    _ => Task.FromResult(context.Document.WithText(text.WithChanges(new TextChange(span, replacement)))),
                    equivalenceKey: nameof(ReplaceBannedEndpointCodeFixProvider)),
                diagnostic);
        }
    }

    internal static string Replace(string bannedUrl, string approved)
    {
        var scheme = bannedUrl.IndexOf("://", StringComparison.Ordinal);
        var afterScheme = scheme >= 0 ? scheme + 3 : 0;
        var slash = bannedUrl.IndexOf('/', afterScheme);
        var path = slash >= 0 ? bannedUrl.Substring(slash) : string.Empty;
        var approvedHasScheme = approved.IndexOf("://", StringComparison.Ordinal) >= 0;
        if (scheme < 0 && path.Length == 0)
        {
            // A bare host stays a bare host.
            return approvedHasScheme ? new Uri(approved).Authority : approved.TrimEnd('/');
        }

        var baseUrl = approvedHasScheme ? approved.TrimEnd('/') : "https://" + approved.TrimEnd('/');
        return baseUrl + path;
    }
}
