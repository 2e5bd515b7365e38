using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using CodeLeakGuard.Catalog;
using CodeLeakGuard.Matching;
using CodeLeakGuard.Versioning;

namespace CodeLeakGuard.Policy;

/// <summary>
/// Parses a CodeLeakGuard policy file (see docs/policy.md). Total: every line either becomes part of the model or a
/// <see cref="PolicyDiagnostic"/> at its file:line; no input makes it throw.
/// </summary>
public static class PolicyParser
{
    private static readonly Regex BannedSymbolsLine = new(@"^[A-Za-z]:", RegexOptions.CultureInvariant);

    private static readonly string[] Targets = { "provider", "package", "assembly", "namespace", "type", "member", "endpoint", "env" };

    public static PolicyDocument Parse(string? text, string path)
    {
        var document = new PolicyDocument(path);
        var lines = (text ?? string.Empty).Split('\n');
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var index = 0; index < lines.Length; index++)
        {
            var lineNumber = index + 1;
            var line = lines[index].TrimEnd('\r');
            try
            {
                var before = document.Entries.Count;
                ParseLine(document, line, lineNumber);
                for (var e = before; e < document.Entries.Count; e++)
                {
                    var entry = document.Entries[e];
                    if (seen.TryGetValue(entry.Key, out var first))
                    {
                        Report(document, PolicyDiagnostic.IneffectiveLineId, FindingSeverity.Warning, lineNumber, 1, line.Length,
                            $"duplicate entry: '{entry}' is already on line {first}");
                    }
                    else
                    {
                        seen[entry.Key] = lineNumber;
                    }
                }
            }
            catch (Exception ex)
            {
                // Defence in depth: the parser must stay total even if a rule above has a bug.
                Report(document, PolicyDiagnostic.MalformedLineId, FindingSeverity.Error, lineNumber, 1, line.Length,
                    $"this line could not be read ({ex.GetType().Name}); the policy is not applied as written");
            }
        }

        IneffectiveEntryCheck.Run(document);
        return document;
    }

    private static void ParseLine(PolicyDocument document, string line, int lineNumber)
    {
        var trimmed = line.Trim();
        if (trimmed.Length == 0 || trimmed[0] == '#')
        {
            return;
        }

        if (trimmed.IndexOf('\0') >= 0)
        {
            Error(document, lineNumber, 1, line.Length, "the line holds a NUL character: is this a binary file?");
            return;
        }

        if (BannedSymbolsLine.IsMatch(trimmed))
        {
            BannedSymbolsLineParser.Parse(document, line, lineNumber);
            return;
        }

        var tokens = PolicyLineTokenizer.Tokenize(line, out var tokenError, out var errorColumn);
        if (tokenError is not null)
        {
            Error(document, lineNumber, errorColumn, 1, tokenError);
            return;
        }

        var verb = tokens[0];
        if (verb.IsOption)
        {
            Error(document, lineNumber, verb.Column, verb.Length, "a line starts with ban, allow, approve, proprietary, secret or set");
            return;
        }

        switch (verb.Text.ToLowerInvariant())
        {
            case "ban":
                ParseBanOrAllow(document, PolicyAction.Ban, tokens, line, lineNumber);
                break;
            case "allow":
                ParseBanOrAllow(document, PolicyAction.Allow, tokens, line, lineNumber);
                break;
            case "approve":
                ParseApprove(document, tokens, line, lineNumber);
                break;
            case "proprietary":
                ParseProprietary(document, tokens, line, lineNumber);
                break;
            case "secret":
                ParseSecret(document, tokens, line, lineNumber);
                break;
            case "set":
                ParseSet(document, tokens, lineNumber);
                break;
            default:
                Error(document, lineNumber, verb.Column, verb.Length,
                    $"unknown keyword '{verb.Text}': a line starts with ban, allow, approve, proprietary, secret or set, or is a BannedSymbols.txt line such as 'T:Vendor.Type;message'");
                break;
        }
    }

    private static void ParseBanOrAllow(PolicyDocument document, PolicyAction action, List<PolicyToken> tokens, string line, int lineNumber)
    {
        var verb = action.ToString().ToLowerInvariant();
        var words = tokens.Where(t => !t.IsOption).ToList();
        if (words.Count < 2)
        {
            Error(document, lineNumber, 1, line.Length, $"'{verb}' needs what to {verb}: one of {string.Join(", ", Targets)}");
            return;
        }

        var targetToken = words[1];
        if (string.Equals(targetToken.Text, PassThroughLineParser.Target, StringComparison.OrdinalIgnoreCase))
        {
            PassThroughLineParser.Parse(document, action, tokens, line, lineNumber);
            return;
        }

        if (!TryParseTarget(targetToken.Text, out var target))
        {
            Error(document, lineNumber, targetToken.Column, targetToken.Length,
                $"'{targetToken.Text}' is not something to {verb}: use one of {string.Join(", ", Targets)}");
            return;
        }

        if (words.Count < 3)
        {
            Error(document, lineNumber, targetToken.Column, targetToken.Length, $"'{verb} {targetToken.Text}' needs a name or pattern");
            return;
        }

        var patternToken = words[2];
        var entry = new PolicyEntry(action, target, patternToken.Text, Location(document, lineNumber, patternToken));
        if (!ApplyPattern(document, entry, patternToken, lineNumber))
        {
            return;
        }

        for (var w = 3; w < words.Count; w++)
        {
            var extra = words[w];
            if (target == PolicyTarget.Package && w == 3)
            {
                var range = VersionRange.TryParse(extra.Text, out var rangeError);
                if (range is null)
                {
                    Error(document, lineNumber, extra.Column, extra.Length, rangeError!);
                    return;
                }

                entry.Versions = range;
                continue;
            }

            Error(document, lineNumber, extra.Column, extra.Length,
                target == PolicyTarget.Package
                    ? $"unexpected '{extra.Text}': after the package id comes one version range, then options such as reason=\"...\""
                    : $"unexpected '{extra.Text}': options are written key=value, e.g. reason=\"...\" instead=\"...\"");
            return;
        }

        if (!ApplyOptions(document, entry, tokens, lineNumber))
        {
            return;
        }

        document.Entries.Add(entry);
    }

    private static bool ApplyPattern(PolicyDocument document, PolicyEntry entry, PolicyToken token, int lineNumber)
    {
        var text = token.Text;
        string? problem = null;
        switch (entry.Target)
        {
            case PolicyTarget.Provider:
                if (BuiltInCatalog.Find(text) is null)
                {
                    problem = $"unknown provider '{text}'; the catalog knows: {string.Join(", ", BuiltInCatalog.Providers.Select(p => p.Name))}";
                }

                break;
            case PolicyTarget.Package:
            case PolicyTarget.Assembly:
                if (!SymbolNameSyntax.IsPackageOrAssembly(text))
                {
                    problem = $"'{text}' is not a valid {(entry.Target == PolicyTarget.Package ? "package id" : "assembly name")} (letters, digits, '.', '-', '_', and '*' or '?' as wildcards)";
                }
                else
                {
                    entry.Name = new WildcardPattern(text);
                }

                break;
            case PolicyTarget.Namespace:
            case PolicyTarget.Type:
                var name = SymbolNameSyntax.Normalize(text);
                if (!SymbolNameSyntax.IsDottedName(name))
                {
                    problem = $"'{text}' is not a valid {entry.Target.ToString().ToLowerInvariant()} name (dotted C# identifiers, '*' as a wildcard)";
                }
                else
                {
                    entry.Name = new WildcardPattern(name, ignoreCase: false);
                }

                break;
            case PolicyTarget.Member:
                var member = SymbolNameSyntax.Normalize(text);
                var lastDot = member.LastIndexOf('.');
                var memberName = lastDot > 0 ? member.Substring(lastDot + 1) : string.Empty;
                var isConstructor = memberName is "#ctor" or "#cctor";
                if (lastDot <= 0 || !SymbolNameSyntax.IsDottedName(member.Substring(0, lastDot)) ||
                    !(isConstructor || SymbolNameSyntax.IsDottedName(memberName)))
                {
                    problem = $"'{text}' is not a member name: write Namespace.Type.Member, e.g. OpenAI.Chat.ChatClient.CompleteChat";
                }
                else
                {
                    entry.Name = new WildcardPattern(member, ignoreCase: false);
                    entry.MemberType = new WildcardPattern(member.Substring(0, lastDot), ignoreCase: false);
                    entry.MemberName = memberName;
                }

                break;
            case PolicyTarget.Endpoint:
                entry.Host = HostPattern.TryParse(text, out problem);
                break;
            case PolicyTarget.EnvironmentVariable:
                if (!SymbolNameSyntax.IsEnvironmentVariable(text))
                {
                    problem = $"'{text}' is not an environment variable name (letters, digits and '_')";
                }
                else
                {
                    entry.Name = new WildcardPattern(text);
                }

                break;
        }

        if (problem is not null)
        {
            Error(document, lineNumber, token.Column, token.Length, problem);
            return false;
        }

        return true;
    }

    private static bool ApplyOptions(PolicyDocument document, PolicyEntry entry, List<PolicyToken> tokens, int lineNumber)
    {
        var seenKeys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var option in tokens.Where(t => t.IsOption))
        {
            if (!seenKeys.Add(option.Key!))
            {
                Error(document, lineNumber, option.Column, option.Length, $"option '{option.Key}' is given twice");
                return false;
            }

            switch (option.Key)
            {
                case "reason":
                    entry.Reason = NonEmpty(option.Text);
                    break;
                case "instead":
                    entry.Instead = NonEmpty(option.Text);
                    break;
                case "severity":
                    if (!TryParseSeverity(option.Text, out var severity))
                    {
                        Error(document, lineNumber, option.Column, option.Length, $"severity '{option.Text}' is not error, warning or info");
                        return false;
                    }

                    entry.Severity = severity;
                    break;
                case "wraps" when entry.Action == PolicyAction.Allow && entry.Target == PolicyTarget.Package:
                    var wrapped = option.Text.Split(new[] { ',' }, StringSplitOptions.RemoveEmptyEntries).Select(w => w.Trim()).ToArray();
                    var bad = wrapped.FirstOrDefault(w => !SymbolNameSyntax.IsPackageOrAssembly(w));
                    if (wrapped.Length == 0 || bad is not null)
                    {
                        Error(document, lineNumber, option.Column, option.Length, "wraps= takes a comma-separated list of package ids, e.g. wraps=OpenAI,Anthropic");
                        return false;
                    }

                    entry.Wraps = wrapped.Select(w => new WildcardPattern(w)).ToArray();
                    break;
                case "proprietary" when entry.Action is PolicyAction.Approve or PolicyAction.Allow:
                    if (!bool.TryParse(option.Text, out var approvedForProprietary))
                    {
                        Error(document, lineNumber, option.Column, option.Length, "proprietary= takes true or false");
                        return false;
                    }

                    entry.ApprovedForProprietary = approvedForProprietary;
                    break;
                default:
                    Error(document, lineNumber, option.Column, option.Length, UnknownOption(option.Key!, entry));
                    return false;
            }
        }

        return true;
    }

    private static string UnknownOption(string key, PolicyEntry entry) => key switch
    {
        "wraps" => "wraps= belongs on 'allow package' lines (an approved wrapper package)",
        "proprietary" => "proprietary= belongs on 'approve endpoint' and 'allow' lines",
        _ => $"unknown option '{key}': use reason=, instead=, severity=" +
             (entry.Action == PolicyAction.Allow && entry.Target == PolicyTarget.Package ? ", wraps=" : string.Empty) +
             (entry.Action is PolicyAction.Approve or PolicyAction.Allow ? ", proprietary=" : string.Empty),
    };

    private static void ParseApprove(PolicyDocument document, List<PolicyToken> tokens, string line, int lineNumber)
    {
        var words = tokens.Where(t => !t.IsOption).ToList();
        if (words.Count < 3 || !string.Equals(words[1].Text, "endpoint", StringComparison.OrdinalIgnoreCase))
        {
            Error(document, lineNumber, 1, line.Length, "write 'approve endpoint <url>' to name an approved internal AI endpoint");
            return;
        }

        if (words.Count > 3)
        {
            Error(document, lineNumber, words[3].Column, words[3].Length, $"unexpected '{words[3].Text}' after the endpoint");
            return;
        }

        var entry = new PolicyEntry(PolicyAction.Approve, PolicyTarget.Endpoint, words[2].Text, Location(document, lineNumber, words[2]));
        if (ApplyPattern(document, entry, words[2], lineNumber) && ApplyOptions(document, entry, tokens, lineNumber))
        {
            if (entry.Host!.Text.Contains("*"))
            {
                Error(document, lineNumber, words[2].Column, words[2].Length, "an approved endpoint must be one concrete URL or host (no '*'): code fixes offer it as the replacement");
                return;
            }

            document.Entries.Add(entry);
        }
    }

    private static void ParseProprietary(PolicyDocument document, List<PolicyToken> tokens, string line, int lineNumber)
    {
        var words = tokens.Where(t => !t.IsOption).ToList();
        ProprietaryScope scope = default;
        if (words.Count < 3 || !TryParseScope(words[1].Text, out scope))
        {
            Error(document, lineNumber, 1, line.Length, "write 'proprietary path|namespace|type|member <pattern>'");
            return;
        }

        if (words.Count > 3)
        {
            Error(document, lineNumber, words[3].Column, words[3].Length, $"unexpected '{words[3].Text}': quote patterns that contain spaces");
            return;
        }

        string? reason = null;
        foreach (var option in tokens.Where(t => t.IsOption))
        {
            if (option.Key != "reason")
            {
                Error(document, lineNumber, option.Column, option.Length, $"unknown option '{option.Key}': proprietary lines take reason=");
                return;
            }

            reason = NonEmpty(option.Text);
        }

        var pattern = words[2].Text;
        if (scope != ProprietaryScope.Path && !SymbolNameSyntax.IsDottedName(SymbolNameSyntax.Normalize(pattern)))
        {
            Error(document, lineNumber, words[2].Column, words[2].Length, $"'{pattern}' is not a valid {scope.ToString().ToLowerInvariant()} pattern");
            return;
        }

        if (scope == ProprietaryScope.Path && pattern.IndexOfAny(new[] { '\0', '"', '<', '>', '|' }) >= 0)
        {
            Error(document, lineNumber, words[2].Column, words[2].Length, $"'{pattern}' is not a valid path glob");
            return;
        }

        var normalized = scope == ProprietaryScope.Path ? pattern : SymbolNameSyntax.Normalize(pattern);
        document.Proprietary.Add(new ProprietaryRule(scope, normalized, Location(document, lineNumber, words[2]), reason));
    }

    private static void ParseSecret(PolicyDocument document, List<PolicyToken> tokens, string line, int lineNumber)
    {
        var words = tokens.Where(t => !t.IsOption).ToList();
        if (words.Count != 2)
        {
            Error(document, lineNumber, 1, line.Length, "write 'secret <name> pattern=\"<regex>\"' (quote the name if it has spaces)");
            return;
        }

        string? pattern = null, reason = null;
        var severity = FindingSeverity.Error;
        PolicyToken patternToken = default;
        foreach (var option in tokens.Where(t => t.IsOption))
        {
            switch (option.Key)
            {
                case "pattern":
                    pattern = option.Text;
                    patternToken = option;
                    break;
                case "reason":
                    reason = NonEmpty(option.Text);
                    break;
                case "severity" when TryParseSeverity(option.Text, out severity):
                    break;
                case "severity":
                    Error(document, lineNumber, option.Column, option.Length, $"severity '{option.Text}' is not error, warning or info");
                    return;
                default:
                    Error(document, lineNumber, option.Column, option.Length, $"unknown option '{option.Key}': secret lines take pattern=, reason=, severity=");
                    return;
            }
        }

        if (string.IsNullOrEmpty(pattern))
        {
            Error(document, lineNumber, words[1].Column, words[1].Length, "a secret rule needs pattern=\"<regex>\"");
            return;
        }

        Regex regex;
        try
        {
            regex = new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(250));
        }
        catch (ArgumentException ex)
        {
            Error(document, lineNumber, patternToken.Column, patternToken.Length, $"pattern is not a valid regular expression: {ex.Message}");
            return;
        }

        if (regex.IsMatch(string.Empty))
        {
            Error(document, lineNumber, patternToken.Column, patternToken.Length, "pattern matches empty text, so it would flag everything");
            return;
        }

        document.Secrets.Add(new SecretRule(words[1].Text, regex, Location(document, lineNumber, words[1]), reason, severity));
    }

    private static void ParseSet(PolicyDocument document, List<PolicyToken> tokens, int lineNumber)
    {
        if (tokens.Count < 2)
        {
            Error(document, lineNumber, 1, 3, "write 'set mode=allowlist', 'set instead=\"...\"' or 'set reason=\"...\"'");
            return;
        }

        foreach (var token in tokens.Skip(1))
        {
            switch (token.Key)
            {
                case "mode" when string.Equals(token.Text, "allowlist", StringComparison.OrdinalIgnoreCase):
                    document.PackageMode = PackageMode.Allowlist;
                    break;
                case "mode" when string.Equals(token.Text, "denylist", StringComparison.OrdinalIgnoreCase):
                    document.PackageMode = PackageMode.Denylist;
                    break;
                case "mode":
                    Error(document, lineNumber, token.Column, token.Length, $"mode '{token.Text}' is not allowlist or denylist");
                    return;
                case "instead":
                    document.DefaultInstead = NonEmpty(token.Text);
                    break;
                case "reason":
                    document.DefaultReason = NonEmpty(token.Text);
                    break;
                case "images":
                    document.Images = token.Text.Trim().ToLowerInvariant() switch
                    {
                        "refuse" => ImageHandling.Refuse,
                        "withhold" => ImageHandling.Withhold,
                        "pass" => ImageHandling.Pass,
                        _ => null,
                    };
                    if (document.Images is null)
                    {
                        Error(document, lineNumber, token.Column, token.Length, $"images '{token.Text}' is not refuse, withhold or pass");
                        return;
                    }

                    break;
                case "internal-hosts" or "sensitive-terms":
                    if (!PolicyMaskingSettings.TryApply(document, token.Key, token.Text, out var settingError))
                    {
                        Error(document, lineNumber, token.Column, token.Length, settingError!);
                        return;
                    }

                    break;
                default:
                    Error(document, lineNumber, token.Column, token.Length,
                        token.IsOption ? $"unknown setting '{token.Key}': use mode=, instead=, reason=, internal-hosts=, sensitive-terms= or images=" : $"'{token.Text}' is not a setting: write key=value");
                    return;
            }
        }
    }

    internal static bool TryParseSeverity(string text, out FindingSeverity severity)
    {
        switch (text.ToLowerInvariant())
        {
            case "error":
                severity = FindingSeverity.Error;
                return true;
            case "warning":
            case "warn":
                severity = FindingSeverity.Warning;
                return true;
            case "info":
            case "suggestion":
                severity = FindingSeverity.Info;
                return true;
            default:
                severity = FindingSeverity.Error;
                return false;
        }
    }

    private static bool TryParseTarget(string text, out PolicyTarget target)
    {
        switch (text.ToLowerInvariant())
        {
            case "provider": target = PolicyTarget.Provider; return true;
            case "package": target = PolicyTarget.Package; return true;
            case "assembly": target = PolicyTarget.Assembly; return true;
            case "namespace": target = PolicyTarget.Namespace; return true;
            case "type": target = PolicyTarget.Type; return true;
            case "member": target = PolicyTarget.Member; return true;
            case "endpoint":
            case "host": target = PolicyTarget.Endpoint; return true;
            case "env":
            case "environment": target = PolicyTarget.EnvironmentVariable; return true;
            default: target = default; return false;
        }
    }

    private static bool TryParseScope(string text, out ProprietaryScope scope)
    {
        switch (text.ToLowerInvariant())
        {
            case "path": scope = ProprietaryScope.Path; return true;
            case "namespace": scope = ProprietaryScope.Namespace; return true;
            case "type": scope = ProprietaryScope.Type; return true;
            case "member": scope = ProprietaryScope.Member; return true;
            default: scope = default; return false;
        }
    }

    private static string? NonEmpty(string text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static SourceLocation Location(PolicyDocument document, int line, PolicyToken token) =>
        new(document.Path, line, token.Column, token.Length);

    internal static void Error(PolicyDocument document, int line, int column, int length, string message) =>
        Report(document, PolicyDiagnostic.MalformedLineId, FindingSeverity.Error, line, column, length, message);

    internal static void Report(PolicyDocument document, string id, FindingSeverity severity, int line, int column, int length, string message) =>
        document.Diagnostics.Add(new PolicyDiagnostic(id, severity, message, new SourceLocation(document.Path, line, Math.Max(1, column), Math.Max(0, length))));
}
