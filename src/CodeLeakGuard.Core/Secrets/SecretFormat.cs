using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;
using System.Threading;
using CodeLeakGuard.Policy;

namespace CodeLeakGuard.Secrets;

/// <summary>
/// One recognisable kind of secret: a regex (with a <c>secret</c> group when only part of the match is the secret),
/// the literal anchors a text must contain before the regex is worth running, and the check a match must pass.
/// </summary>
public sealed class SecretFormat
{
    /// <summary>How long one regex match may take: a hostile input must not stall a build or a gateway.</summary>
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(250);

    internal const string SecretGroup = "secret";

    /// <summary>Runs of the interpreted <see cref="Pattern"/> before its compiled copy is built.</summary>
    internal const int RunsBeforeCompiling = 16;

    private Regex? _compiled;
    private int _runs;

    public SecretFormat(
        string kind,
        string description,
        SecretCategory category,
        Regex pattern,
        IReadOnlyList<string> anchors,
        bool anchorsIgnoreCase = false,
        SecretValueCheck check = SecretValueCheck.Random,
        int minimumLength = 1)
    {
        if (string.IsNullOrEmpty(kind) || !IsLettersOnly(kind))
        {
            throw new ArgumentException("a secret kind is a non-empty word of ASCII letters (it becomes part of a placeholder)", nameof(kind));
        }

        Kind = kind;
        Description = description;
        Category = category;
        Pattern = pattern ?? throw new ArgumentNullException(nameof(pattern));
        Anchors = anchors ?? Array.Empty<string>();
        AnchorsIgnoreCase = anchorsIgnoreCase;
        Check = check;
        MinimumLength = minimumLength;
        SecretGroupNumber = pattern.GroupNumberFromName(SecretGroup);
    }

    /// <summary>ASCII letters only, e.g. <c>OpenAIKey</c>: shown in diagnostics, audit counts and placeholders.</summary>
    public string Kind { get; }

    /// <summary>What it is, for people: "OpenAI API key".</summary>
    public string Description { get; }

    public SecretCategory Category { get; }

    public Regex Pattern { get; }

    /// <summary>Literal strings one of which every match contains; empty means the regex always runs.</summary>
    public IReadOnlyList<string> Anchors { get; }

    public bool AnchorsIgnoreCase { get; }

    public SecretValueCheck Check { get; }

    /// <summary>Texts shorter than this cannot hold a match, so the regex is not run on them.</summary>
    public int MinimumLength { get; }

    /// <summary>The severity a policy <c>secret</c> rule asks for; null for the built-in formats (the rule's default applies).</summary>
    public FindingSeverity? Severity { get; internal set; }

    /// <summary>Reported by the hard-coded secret analyzer (credentials); every category is masked.</summary>
    public bool IsCredential => Category == SecretCategory.Credential;

    /// <summary>For formats without anchors: a cheap test the text must pass before the regex runs.</summary>
    internal Func<string, int, int, bool>? Gate { get; init; }

    internal bool PassesGate(string text, int start, int length) => Gate is null || Gate(text, start, length);

    /// <summary>
    /// For a format no regex can express (a table's column, judged by a header lines above): finds its matches in
    /// <c>text[start..start+length)</c> in place of <see cref="Pattern"/>, which then never matches; null when none.
    /// </summary>
    internal Func<string, int, int, IReadOnlyList<SecretMatch>?>? Finder { get; init; }

    internal int SecretGroupNumber { get; }

    /// <summary>
    /// The regex to match with: <see cref="Pattern"/> itself until this format has run often enough to be worth
    /// compiling (building a compiled regex costs milliseconds; matching with one is two to three times faster), then
    /// its compiled copy, built on the thread pool so no scan waits for it. Both find the same matches.
    /// </summary>
    internal Regex Matcher
    {
        get
        {
            if (Volatile.Read(ref _compiled) is { } compiled)
            {
                return compiled;
            }

            if (Interlocked.Increment(ref _runs) == RunsBeforeCompiling)
            {
                ThreadPool.QueueUserWorkItem(_ => CompilePattern());
            }

            return Pattern;
        }
    }

    /// <summary>True once <see cref="Matcher"/> is the compiled copy (tests).</summary>
    internal bool IsCompiled => Volatile.Read(ref _compiled) is not null;

    private void CompilePattern()
    {
        try
        {
            Volatile.Write(ref _compiled, new Regex(Pattern.ToString(), Pattern.Options | RegexOptions.Compiled, Pattern.MatchTimeout));
        }
        catch (Exception)
        {
            // A runtime that cannot compile regexes keeps the interpreted one: slower, never different.
        }
    }


    public override string ToString() => Kind;

    internal static Regex Compile(string pattern, RegexOptions extra = RegexOptions.None) =>
        new(pattern, RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture | extra, MatchTimeout);

    internal static bool IsLettersOnly(string text)
    {
        foreach (var c in text)
        {
            if (!(c is >= 'a' and <= 'z' or >= 'A' and <= 'Z'))
            {
                return false;
            }
        }

        return true;
    }
}
