using System;
using System.Collections.Generic;
using System.Linq;
using CodeLeakGuard.Masking.Identifiers;
using CodeLeakGuard.Masking.Proprietary;
using CodeLeakGuard.Masking.Session;
using CodeLeakGuard.Masking.Text;
using CodeLeakGuard.Secrets;

namespace CodeLeakGuard.Masking;

/// <summary>
/// One masking call: the session it writes to, the rules it applies (which names to keep, which words are secrets)
/// and the counts it reports. Every masker of a call shares it, so a name gets one pseudonym everywhere.
/// </summary>
internal sealed class MaskContext
{
    private static readonly PseudonymRole[] Roles = (PseudonymRole[])Enum.GetValues(typeof(PseudonymRole));

    // Counted by role number (one increment per masked occurrence: the hottest count); named in the report.
    private readonly int[] _identifiersByRole = new int[Roles.Length];
    private readonly Dictionary<string, int> _secretsByKind = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _secretsByCategory = new(StringComparer.Ordinal);
    private readonly NameTable<string> _sensitiveTerms = new(ignoreCase: true); // "Contoso" is also "contoso" in a host name
    private readonly NameTable<PolicyName> _policyNames;
    private readonly List<string> _notes = new();
    private int _newPseudonyms;

    public MaskContext(MaskingOptions options, SessionState state, SecretScanner scanner, TagWords tags)
    {
        Options = options;
        State = state;
        Scanner = scanner;
        Tags = tags;
        _policyNames = PolicyNames.Of(options.Policy);
        foreach (var term in options.AllSensitiveTerms())
        {
            _sensitiveTerms.Add(term, term);
        }
    }

    public MaskingOptions Options { get; }

    public SessionState State { get; }

    public SecretScanner Scanner { get; }

    public TagWords Tags { get; }

    /// <summary>The secret scans of the text being masked, made while it was lexed (null: every region is scanned now).</summary>
    public PrescannedSecrets? Prescanned { get; set; }

    public int ProprietarySpans { get; set; }

    public int WithheldLiterals { get; set; }

    public void Note(string note)
    {
        if (!_notes.Contains(note))
        {
            _notes.Add(note);
        }
    }

    /// <summary>Reserves the numbers the input writes after tag words (<see cref="TagWords.NumbersIn"/>), before this call allocates any.</summary>
    public void ReserveInputNumbers(IReadOnlyList<int> numbers)
    {
        foreach (var number in numbers)
        {
            State.Reserve(number);
        }
    }

    /// <summary>
    /// Whether a name the code uses is masked. Without a compilation: everything except keywords, the framework and
    /// well-known library names, and names the options keep; a name the code declares as a type or namespace is kept
    /// only when the framework has a type or namespace of that name. Names the session masked before stay masked.
    /// </summary>
    public bool ShouldMask(string name, NameFacts? facts)
    {
        if (State.Names.TryGetValue(name, out _) || (_sensitiveTerms.Count > 0 && _sensitiveTerms.TryGetValue(name, out _)))
        {
            return true;
        }

        if ((facts?.IsKeyword ?? LanguageWords.IsKeyword(name)) || IsKeptName(name) || !HasLetter(name))
        {
            return false;
        }

        var known = facts?.Framework ?? FrameworkNames.Lookup(name);
        if (facts is { DeclaredAsType: true })
        {
            return (known & FrameworkNameKind.Type) == 0;
        }

        if (facts is { DeclaredAsNamespace: true } or { UsedAsType: true }) // System.Console: a qualifier may be a namespace
        {
            return (known & (FrameworkNameKind.Namespace | FrameworkNameKind.Type)) == 0;
        }

        return known == FrameworkNameKind.None;
    }

    /// <summary>A word kept in aggressive (code-ish) masking: keywords, framework names, numbers.</summary>
    public bool IsKeptWord(string word) =>
        !HasLetter(word) || Words.IsAsciiDigit(word[0]) || LanguageWords.IsKeyword(word) || IsKeptName(word)
        || FrameworkNames.Lookup(word) != FrameworkNameKind.None;

    /// <summary>A name the options keep, or one the session's client sends as it is (<see cref="SessionState.KeptNames"/>).</summary>
    public bool IsKeptName(string name) => Options.KeepNames.Contains(name) || (State.KeptNames.Count > 0 && State.KeptNames.Contains(name));

    public bool IsSensitiveTerm(string text, int start, int length) => _sensitiveTerms.Count > 0 && _sensitiveTerms.TryGetValue(text, start, length, out _);

    /// <summary>The first sensitive term inside <c>text[start..end)</c>, ignoring case (the earliest, then the longest).</summary>
    public (int Start, int End)? FindSensitiveTerm(string text, int start, int end)
    {
        (int Start, int End)? best = null;
        if (_sensitiveTerms.Count == 0)
        {
            return best; // no terms: no enumerator either (this runs for every word of prose)
        }

        foreach (var term in _sensitiveTerms.Values)
        {
            var at = text.IndexOf(term, start, end - start, StringComparison.OrdinalIgnoreCase);
            if (at >= 0 && (best is null || at < best.Value.Start || (at == best.Value.Start && at + term.Length > best.Value.End)))
            {
                best = (at, at + term.Length);
            }
        }

        return best;
    }

    /// <summary>
    /// The role of a word a proprietary rule of the policy spells out (<see cref="PolicyNames"/>); null for any other
    /// word, and for a framework name a rule happens to contain (<c>Core</c>), which code keeps too.
    /// </summary>
    public PseudonymRole? PolicyNameRole(string text, int start, int length) =>
        _policyNames.Count > 0 && _policyNames.TryGetValue(text, start, length, out var name) && !IsKeptWord(text.Substring(start, length)) ? name.Role : null;

    public NameEntry? Lookup(string text, int start, int length) =>
        State.Names.TryGetValue(text, start, length, out var entry) ? entry : null;

    public NameEntry MaskName(string name, PseudonymRole role)
    {
        var count = State.Names.Count;
        var entry = State.GetOrAddName(name, _sensitiveTerms.Count > 0 && _sensitiveTerms.TryGetValue(name, out _) ? PseudonymRole.Term : role);
        _newPseudonyms += State.Names.Count - count;
        return entry;
    }

    /// <summary>
    /// True when a word that is about to be left as it is would read as one of the session's placeholders
    /// (the user wrote <c>Class7</c> and the session already made a <c>Class7</c>): such a word is masked too.
    /// </summary>
    public bool CollidesWithPlaceholder(string text, int start, int end)
    {
        var collides = false;
        var position = start;
        while (Tags.NextTaggedNumber(text, ref position, end, start, out var digitsStart, out var number, out _))
        {
            var entry = State.Find(number);
            if (entry is null)
            {
                State.Reserve(number);
                continue;
            }

            var tagStart = digitsStart - entry.Tag.Length;
            collides |= tagStart >= start && string.Compare(text, tagStart, entry.Tag, 0, entry.Tag.Length, StringComparison.OrdinalIgnoreCase) == 0;
        }

        return collides;
    }

    /// <summary>Whether <see cref="KeptCapitalisedWords"/> are noted: only the handler, which masks a request's texts one by one, asks.</summary>
    public bool NotesKeptWords { get; set; }

    /// <summary>
    /// Capitalised words prose kept as they are ("Why does Consignment ..."): if a later text of the same request
    /// masks one as a name, the handler writes its pseudonym into this text too (see <see cref="Http.RequestMasker"/>).
    /// Null until there is one.
    /// </summary>
    public HashSet<string>? KeptCapitalisedWords { get; private set; }

    public void NoteKeptWord(string text, int start, int end)
    {
        if (NotesKeptWords && char.IsUpper(text[start]))
        {
            (KeptCapitalisedWords ??= new HashSet<string>(StringComparer.Ordinal)).Add(text.Substring(start, end - start));
        }
    }

    public void CountIdentifier(NameEntry entry) => _identifiersByRole[(int)entry.Role]++;

    /// <summary>The placeholder for a secret written as <paramref name="rawValue"/> in the source; counts it.</summary>
    public string SecretPlaceholder(string rawValue, SecretFormat format)
    {
        var entry = State.GetOrAddSecret(rawValue, format.Kind);
        Increment(_secretsByKind, format.Kind);
        Increment(_secretsByCategory, format.Category.ToString());
        return entry.Placeholder;
    }

    public MaskReport BuildReport() =>
        new(IdentifierCounts(), Copy(_secretsByKind), Copy(_secretsByCategory), _newPseudonyms, ProprietarySpans, WithheldLiterals, _notes.ToArray());

    private IReadOnlyDictionary<string, int> IdentifierCounts()
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var role in Roles)
        {
            if (_identifiersByRole[(int)role] > 0)
            {
                counts.Add(PseudonymRoles.Word(role), _identifiersByRole[(int)role]);
            }
        }

        return counts;
    }

    private static IReadOnlyDictionary<string, int> Copy(Dictionary<string, int> counts) => new Dictionary<string, int>(counts, StringComparer.Ordinal);

    private static void Increment(Dictionary<string, int> counts, string key)
    {
        counts.TryGetValue(key, out var count);
        counts[key] = count + 1;
    }

    private static bool HasLetter(string name)
    {
        foreach (var c in name)
        {
            if (char.IsLetter(c) || char.IsSurrogate(c))
            {
                return true;
            }
        }

        return false;
    }
}
