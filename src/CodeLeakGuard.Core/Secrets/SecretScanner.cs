using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.RegularExpressions;
using CodeLeakGuard.Policy;

namespace CodeLeakGuard.Secrets;

/// <summary>
/// Finds secrets in text: the built-in formats, the policy's <c>secret</c> rules and internal host names. Pure text,
/// no Roslyn, so the analyzer, the masker and the CLI share it. Cheap on ordinary text: one pre-filter pass for the
/// formats' anchors decides which regexes run at all. Fails closed: a regex that times out turns the whole scanned
/// range into one <see cref="UnscannableKind"/> match, so a caller that masks matches masks all of it.
/// </summary>
public sealed class SecretScanner
{
    /// <summary>The kind reported for a range that could not be scanned in time (never reported by the analyzer).</summary>
    public const string UnscannableKind = "Unscannable";

    private static readonly ConditionalWeakTable<AiPolicy, SecretScanner> PerPolicy = new();

    private static readonly SecretFormat Unscannable = new(UnscannableKind, "text that could not be scanned in time", SecretCategory.PossibleCredential,
        SecretFormat.Compile("(?!)"), Array.Empty<string>(), check: SecretValueCheck.None);

    private readonly SecretFormat[] _formats;
    private readonly AnchorIndex _anchors;
    private readonly bool[] _alwaysRun;

    public SecretScanner(IEnumerable<SecretFormat> formats)
    {
        _formats = formats.ToArray();
        _alwaysRun = _formats.Select(f => f.Anchors.Count == 0).ToArray();
        _anchors = new AnchorIndex(_formats);
    }

    /// <summary>The built-in formats and the default internal host suffixes, without any policy.</summary>
    public static SecretScanner Default { get; } = new(BuiltInSecretFormats.All.Concat(new[] { InternalHostNames.CreateFormat(InternalHostNames.DefaultSuffixes) }));

    /// <summary>Every format, in priority order: policy rules, built-ins, internal hosts.</summary>
    public IReadOnlyList<SecretFormat> Formats => _formats;

    /// <summary>The scanner for a policy (built once per policy object): its secret rules first, then the built-ins.</summary>
    public static SecretScanner For(AiPolicy? policy)
    {
        if (policy is null || (policy.Secrets.Count == 0 && policy.InternalHostSuffixes.Count == 0))
        {
            return Default;
        }

        return PerPolicy.GetValue(policy, p => new SecretScanner(
            p.Secrets.Select(FromRule)
                .Concat(BuiltInSecretFormats.All)
                .Concat(new[] { InternalHostNames.CreateFormat(InternalHostNames.DefaultSuffixes.Concat(p.InternalHostSuffixes)) })));
    }

    /// <summary>A policy <c>secret</c> rule as a format; its name becomes the kind (letters only, e.g. ContosoDeployToken).</summary>
    public static SecretFormat FromRule(SecretRule rule)
    {
        var kind = new string(Words(rule.Name).SelectMany(w => char.ToUpperInvariant(w[0]) + w.Substring(1)).ToArray());
        return new SecretFormat(kind.Length == 0 ? "PolicySecret" : kind, rule.Reason ?? $"secret '{rule.Name}' of the policy", SecretCategory.Credential,
            rule.Pattern, Array.Empty<string>(), check: SecretValueCheck.None) { Severity = rule.Severity };
    }

    public IReadOnlyList<SecretMatch> Scan(string text) => Scan(text, 0, text?.Length ?? 0);

    /// <summary>Every secret in <c>text[start..start+length)</c>, non-overlapping, in text order.</summary>
    public IReadOnlyList<SecretMatch> Scan(string text, int start, int length)
    {
        if (text is null || length <= 0)
        {
            return Array.Empty<SecretMatch>();
        }

        if (start < 0 || length > text.Length - start)
        {
            throw new ArgumentOutOfRangeException(nameof(length));
        }

        // A timeout on a cold start (JIT under load) is no verdict on the text: only a second one fails closed.
        try
        {
            return ScanOnce(text, start, length);
        }
        catch (RegexMatchTimeoutException)
        {
            try
            {
                return ScanOnce(text, start, length);
            }
            catch (RegexMatchTimeoutException)
            {
                return new[] { new SecretMatch(start, length, Unscannable) };
            }
        }
    }

    private IReadOnlyList<SecretMatch> ScanOnce(string text, int start, int length)
    {
        var anchored = new bool[_formats.Length];
        _anchors.Find(text, start, length, anchored);
        List<(SecretMatch Match, int Priority)>? found = null;
        for (var f = 0; f < _formats.Length; f++)
        {
            var format = _formats[f];
            if (length < format.MinimumLength || !(anchored[f] || (_alwaysRun[f] && format.PassesGate(text, start, length))))
            {
                continue;
            }

            if (format.Finder is { } finder)
            {
                foreach (var match in finder(text, start, length) ?? Array.Empty<SecretMatch>())
                {
                    (found ??= new()).Add((match, f));
                }

                continue;
            }

            for (var m = format.Matcher.Match(text, start, length); m.Success; m = m.NextMatch())
            {
                if (Accept(format, text, m, out var secretStart, out var secretLength))
                {
                    (found ??= new()).Add((new SecretMatch(secretStart, secretLength, format), f));
                }

                if (m.Length == 0)
                {
                    break; // a policy regex that matches empty text at some position: never loop on it
                }
            }
        }

        return found is null ? Array.Empty<SecretMatch>() : Resolve(found);
    }

    /// <summary>True when some format's anchor occurs in the range: the cheap question to ask before <see cref="Scan(string, int, int)"/>.</summary>
    public bool MightContainSecret(string text, int start, int length)
    {
        if (length <= 0)
        {
            return false;
        }

        for (var f = 0; f < _formats.Length; f++)
        {
            if (_alwaysRun[f] && length >= _formats[f].MinimumLength && _formats[f].PassesGate(text, start, length))
            {
                return true;
            }
        }

        var found = Scratch(_formats.Length);
        var any = _anchors.Find(text, start, length, found);
        Array.Clear(found, 0, found.Length);
        return any;
    }

    [ThreadStatic]
    private static bool[]? _scratch;

    // MightContainSecret runs on every literal and comment: no allocation there.
    private static bool[] Scratch(int length)
    {
        if (_scratch is null || _scratch.Length < length)
        {
            _scratch = new bool[length];
        }

        return _scratch;
    }

    private static bool Accept(SecretFormat format, string text, Match match, out int start, out int length)
    {
        var secret = format.SecretGroupNumber >= 0 && match.Groups[format.SecretGroupNumber].Success ? match.Groups[format.SecretGroupNumber] : (Group)match;
        start = secret.Index;
        length = secret.Length;
        if (length == 0)
        {
            return false;
        }

        var value = secret.Value;
        switch (format.Check)
        {
            case SecretValueCheck.Random:
                return SecretHeuristics.IsRandomToken(value);
            case SecretValueCheck.NotPlaceholder:
                var afterUser = value.IndexOf(':') is var colon and >= 0 && format.Kind == "UrlCredentials" ? value.Substring(colon + 1) : value;
                return !SecretHeuristics.IsPlaceholder(afterUser);
            case SecretValueCheck.SecretLike:
                return SecretHeuristics.IsLikelySecretValue(value);
            case SecretValueCheck.Assignment:
                var name = NameAround(text, match.Index);
                var quoted = start > 0 && text[start - 1] is '"' or '\'';
                return (quoted || length >= 8 || SecretHeuristics.IsPasswordName(name)) && SecretHeuristics.IsSecretAssignedTo(name, value);
            case SecretValueCheck.PrivateIpv4:
                return IsPrivateHostAddress(value);
            case SecretValueCheck.HighEntropyBlob:
                return SecretHeuristics.IsHighEntropyBlob(value);
            case SecretValueCheck.GeneratedKey:
                return SecretHeuristics.IsGeneratedKey(value);
            default:
                return true;
        }
    }

    // The assignment regex matches from the sensitive keyword on; the name it belongs to runs on both sides of it.
    private static string NameAround(string text, int keyword)
    {
        static bool IsNameChar(char c) => char.IsLetterOrDigit(c) || c is '_' or '.' or '-';
        var start = keyword;
        while (start > 0 && keyword - start < 40 && IsNameChar(text[start - 1]))
        {
            start--;
        }

        var end = keyword;
        while (end < text.Length && end - keyword < 60 && IsNameChar(text[end]))
        {
            end++;
        }

        return text.Substring(start, end - start);
    }

    private static bool IsPrivateHostAddress(string value)
    {
        var octets = value.Split('.');
        if (octets.Length != 4)
        {
            return false;
        }

        foreach (var octet in octets)
        {
            if (!int.TryParse(octet, out var number) || number > 255 || (octet.Length > 1 && octet[0] == '0'))
            {
                return false;
            }
        }

        return octets[3] is not ("0" or "255"); // network and broadcast addresses (and version numbers such as 10.0.0.0)
    }

    // Highest priority first, then leftmost; a match overlapping an accepted one is dropped.
    private static IReadOnlyList<SecretMatch> Resolve(List<(SecretMatch Match, int Priority)> found)
    {
        if (found.Count == 1)
        {
            return new[] { found[0].Match };
        }

        var accepted = new List<SecretMatch>();
        foreach (var (match, _) in found.OrderBy(f => f.Priority).ThenBy(f => f.Match.Start).ThenByDescending(f => f.Match.Length))
        {
            if (!accepted.Any(a => a.Start < match.End && match.Start < a.End))
            {
                accepted.Add(match);
            }
        }

        accepted.Sort((a, b) => a.Start.CompareTo(b.Start));
        return accepted;
    }

    private static IEnumerable<string> Words(string name) =>
        name.Split(name.Where(c => !(c is >= 'a' and <= 'z' or >= 'A' and <= 'Z')).Distinct().ToArray(), StringSplitOptions.RemoveEmptyEntries);
}
