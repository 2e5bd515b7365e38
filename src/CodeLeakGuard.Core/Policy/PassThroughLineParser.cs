using System;
using System.Collections.Generic;
using System.Linq;
using CodeLeakGuard.Matching;

namespace CodeLeakGuard.Policy;

/// <summary>
/// Parses <c>allow passthrough &lt;host[/path]&gt; [reason="..."]</c>. Pass-through is refused unless a line allows it,
/// so there is no <c>ban passthrough</c>; a pattern must name at least one concrete DNS label (never every host).
/// </summary>
internal static class PassThroughLineParser
{
    public const string Target = "passthrough";

    public static void Parse(PolicyDocument document, PolicyAction action, List<PolicyToken> tokens, string line, int lineNumber)
    {
        var words = tokens.Where(t => !t.IsOption).ToList();
        if (action != PolicyAction.Allow)
        {
            PolicyParser.Error(document, lineNumber, words[0].Column, words[1].Column + words[1].Length - words[0].Column,
                "requests the masking handler does not understand are blocked unless allowed: only 'allow passthrough <host[/path]>' exists");
            return;
        }

        if (words.Count < 3)
        {
            PolicyParser.Error(document, lineNumber, words[1].Column, words[1].Length, "'allow passthrough' needs an endpoint: a host with an optional path, e.g. api.anthropic.com/v1/models");
            return;
        }

        if (words.Count > 3)
        {
            PolicyParser.Error(document, lineNumber, words[3].Column, words[3].Length, $"unexpected '{words[3].Text}': one endpoint a line, then options such as reason=\"...\"");
            return;
        }

        var pattern = words[2];
        var endpoint = HostPattern.TryParse(pattern.Text, out var problem);
        if (endpoint is null)
        {
            PolicyParser.Error(document, lineNumber, pattern.Column, pattern.Length, problem!);
            return;
        }

        if (endpoint.Text.Split('/')[0].Split('.').All(label => label.Replace("*", string.Empty).Length == 0))
        {
            PolicyParser.Error(document, lineNumber, pattern.Column, pattern.Length, $"'{pattern.Text}' would let unmasked requests through to every host: name the host, e.g. api.anthropic.com or *.contoso.net");
            return;
        }

        string? reason = null;
        foreach (var option in tokens.Where(t => t.IsOption))
        {
            if (option.Key != "reason" || reason is not null)
            {
                PolicyParser.Error(document, lineNumber, option.Column, option.Length, option.Key == "reason" ? "option 'reason' is given twice" : $"unknown option '{option.Key}': passthrough lines take reason=");
                return;
            }

            reason = option.Text;
        }

        var first = document.PassThrough.FirstOrDefault(r => string.Equals(r.Endpoint.Text, endpoint.Text, StringComparison.Ordinal));
        if (first is not null)
        {
            PolicyParser.Report(document, PolicyDiagnostic.IneffectiveLineId, FindingSeverity.Warning, lineNumber, 1, line.Length,
                $"duplicate entry: '{first}' is already on line {first.Location.Line}");
            return;
        }

        document.PassThrough.Add(new PassThroughRule(endpoint, new SourceLocation(document.Path, lineNumber, pattern.Column, pattern.Length), reason));
    }
}
