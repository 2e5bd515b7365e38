using System;
using System.Buffers;
using System.Collections.Generic;
using System.Linq;
using CodeLeakGuard.Analyzers.Proprietary;
using CodeLeakGuard.Masking.Identifiers;
using CodeLeakGuard.Masking.Proprietary;
using CodeLeakGuard.Masking.Text;
using CodeLeakGuard.Policy;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CodeLeakGuard.Masking.CSharp;

/// <summary>
/// Masks C# source in two passes over its tokens. Without a compilation the tokens come from the lexer alone (no
/// syntax tree: cheaper than parsing, and no parse recovery can hide a declaration, since every identifier that is
/// not a known framework name is masked by name). A syntax tree is built only when the file may hold proprietary
/// code, for the shared span finder. With a semantic model, each identifier is judged by the symbol it binds to.
/// </summary>
internal static class CSharpMasker
{
    /// <summary>Deeper nesting than this is not parsed for proprietary markers; such a file is withheld whole.</summary>
    private const int MaxNestingForParse = 1500;

    private static Tuple<CSharpParseOptions, CSharpParseOptions>? _lexingOptions;

    /// <summary>Off only to check that writing from the plan gives the same text as walking every token (tests, probes).</summary>
    internal static bool WritesFromPlan { get; set; } = true;

    public static string Mask(MaskContext context, string text, string? path, SemanticModel? model = null, bool assemblyIsProprietary = false)
    {
        // One call prepares and writes in turn, so its token list can be reused by the next (a batch keeps its lists).
        var buffer = TokenListPool.Rent();
        try
        {
            return Emit(context, Prepare(context, text, path, model, assemblyIsProprietary, buffer));
        }
        finally
        {
            TokenListPool.Return(buffer);
        }
    }

    /// <summary>The first pass: classify and decide every name (so prose around the code can use the same names).</summary>
    public static PreparedCSharp Prepare(MaskContext context, string text, string? path, SemanticModel? model = null, bool assemblyIsProprietary = false, CodeTokens? tokens = null) =>
        Decide(context, Lex(context.Options.ParseOptions, text, tokens ?? new CodeTokens(), model), path, model, assemblyIsProprietary);

    /// <summary>
    /// The half of the first pass that depends on no session: the tokens, what each name's declarations and uses say,
    /// the interpolated strings. It touches nothing shared, so it may run on another thread ahead of the masking.
    /// </summary>
    /// <param name="prescan">Where to scan, ahead, the literals and comments the writer will mask as text (optional).</param>
    /// <param name="written">
    /// The text the masked output is written from, when it is not <paramref name="text"/> itself: a numbered listing,
    /// lexed and parsed with its line numbers blanked out (same length), is written with them (optional).
    /// </param>
    public static LexedCSharp Lex(CSharpParseOptions options, string text, CodeTokens tokens, SemanticModel? model = null, PrescannedSecrets? prescan = null, string? written = null)
    {
        written ??= text;
        if (written.Length != text.Length)
        {
            throw new ArgumentException("the written text must be as long as the lexed one", nameof(written));
        }

        // About one token per 4-6 characters: sized once, so the list does not grow (and copy) while lexing.
        tokens.EnsureCapacity(text.Length / 4 + 16);
        if (model is not null)
        {
            tokens.AddRange(model.SyntaxTree.GetRoot().DescendantTokens(), text);
        }
        else if (!UsesOwnLexer(options) || !CodeLexer.TryLex(text, tokens))
        {
            tokens.Clear();
            if (InterpolationNesting.TooDeep(text))
            {
                // Roslyn's lexer would exhaust the stack: the whole text is one token it could not lex, masked word by word.
                tokens.Add(new CodeToken(SyntaxKind.BadToken, 0, 0, text.Length, text.Length, 0, 0, 0, containsDiagnostics: true));
                tokens.Add(new CodeToken(SyntaxKind.EndOfFileToken, text.Length, text.Length, text.Length, text.Length, 0, 0, 0, containsDiagnostics: false));
            }
            else
            {
                tokens.AddRange(SyntaxFactory.ParseTokens(text, 0, 0, LexingOptions(options)), text);
            }
        }

        var facts = new FactsCollector(expectedNames: tokens.Count / 16 + 16); // about one token in twenty is a new name
        var interpolations = new InterpolationCache(options);
        var names = ArrayPool<NameFacts?>.Shared.Rent(tokens.Count);
        try
        {
            new RoleClassifier(facts).Run(tokens, text, names);
            for (var i = 0; i < tokens.Count; i++)
            {
                if (tokens[i].Kind == SyntaxKind.InterpolatedStringToken && interpolations.Get(text, tokens[i]) is { } interpolation)
                {
                    RoleClassifier.RunFragment(facts, interpolation.Tokens, interpolation.Text);
                }
            }

            var plan = model is null ? EmitPlan.Build(tokens) : null;
            if (plan is not null && prescan is not null)
            {
                CSharpPrescan.Add(prescan, written, tokens, plan);
            }

            var lexed = new LexedCSharp(text, written, tokens, names, plan, facts, interpolations);
            names = null;
            return lexed;
        }
        finally
        {
            if (names is not null)
            {
                ArrayPool<NameFacts?>.Shared.Return(names, clearArray: true);
            }
        }
    }

    /// <summary>Off only to compare the two lexers (tests, benchmarks).</summary>
    internal static bool OwnLexerEnabled { get; set; } = true;

    // The own lexer reads C# 11 and later (u8 strings without a diagnostic); older language versions get Roslyn's.
    internal static bool UsesOwnLexer(CSharpParseOptions options) =>
        OwnLexerEnabled && options.LanguageVersion.MapSpecifiedToEffectiveVersion() >= LanguageVersion.CSharp11;

    /// <summary>
    /// The options to lex with: documentation comments are not parsed (their XML made lexing documented code about
    /// half as slow again, and nothing here reads it); each <c>///</c> line comes as a comment, which
    /// <see cref="TriviaRegions"/> puts together again. Made once for the options last given (usually the only ones).
    /// </summary>
    private static CSharpParseOptions LexingOptions(CSharpParseOptions options)
    {
        if (options.DocumentationMode == DocumentationMode.None)
        {
            return options;
        }

        var last = _lexingOptions;
        if (last is null || !ReferenceEquals(last.Item1, options))
        {
            _lexingOptions = last = Tuple.Create(options, options.WithDocumentationMode(DocumentationMode.None));
        }

        return last.Item2;
    }

    /// <summary>The half of the first pass that needs the session: how each name is masked, and the proprietary pieces.</summary>
    public static PreparedCSharp Decide(MaskContext context, LexedCSharp lexed, string? path, SemanticModel? model = null, bool assemblyIsProprietary = false)
    {
        if (model is not null && lexed.TakeNames() is { } unused)
        {
            ArrayPool<NameFacts?>.Shared.Return(unused.Names, clearArray: true); // the semantic decisions bind instead
            unused.Plan?.Return();
        }

        IIdentifierDecisions decisions = model is null
            ? new NameDecisions(context, lexed.Facts)
            : new SemanticDecisions(context, model, model.SyntaxTree.GetRoot().DescendantTokens(), lexed.Facts);
        var pieces = ProprietaryPieces(context, lexed.Text, path, model?.SyntaxTree, assemblyIsProprietary, lexed.Tokens, lexed.Facts);
        return new PreparedCSharp(lexed, decisions, pieces);
    }

    public static string Emit(MaskContext context, PreparedCSharp prepared) => EmitText(context, prepared).ToString();

    /// <summary>The masked code, as a <see cref="MaskedText"/> to take whole (<see cref="MaskedText.ToString"/>) or copy into another.</summary>
    public static MaskedText EmitText(MaskContext context, PreparedCSharp prepared)
    {
        var output = new MaskedText(prepared.Written, 0, prepared.Written.Length);
        var names = prepared.TakeTokenNames();
        try
        {
            var emitter = new TokenEmitter(context, prepared.Decisions, output, prepared.Interpolations, prepared.Pieces);
            if (names is { Plan: { } plan } && prepared.Pieces.Count == 0 && WritesFromPlan)
            {
                emitter.Emit(prepared.Tokens, names.Value.Names, plan);
            }
            else
            {
                emitter.Emit(prepared.Tokens, names?.Names);
            }
        }
        finally
        {
            if (names is not null)
            {
                ArrayPool<NameFacts?>.Shared.Return(names.Value.Names, clearArray: true);
                names.Value.Plan?.Return();
            }
        }

        return output;
    }

    private static IReadOnlyList<ProprietaryPiece> ProprietaryPieces(
        MaskContext context, string text, string? path, SyntaxTree? tree, bool assemblyIsProprietary, CodeTokens tokens, FactsCollector facts)
    {
        var policy = context.Options.Policy;
        var mayBeProprietary = assemblyIsProprietary
            || MayHoldMarker(text, facts)
            || (path is not null && policy.FindProprietaryPath(path) is not null)
            || policy.Proprietary.Any(rule => rule.Scope != ProprietaryScope.Path && MayDeclare(rule, facts));
        if (!mayBeProprietary)
        {
            return Array.Empty<ProprietaryPiece>();
        }

        if (tree is not null)
        {
            return Plan(context, text, tree, path, assemblyIsProprietary);
        }

        if (MaxNesting(tokens) > MaxNestingForParse || InterpolationNesting.TooDeep(text) || text.Length > LargeStackParse.MaxChars)
        {
            context.Note("the code nests too deeply to find its proprietary parts with certainty, so all of it was withheld");
            return ProprietaryPlanner.WholeText(context, text.Length);
        }

        return LargeStackParse.Run(text.Length, () =>
        {
            var parsed = CSharpSyntaxTree.ParseText(text, context.Options.ParseOptions, path ?? string.Empty);
            return Plan(context, text, parsed, path, assemblyIsProprietary || ProprietarySpanFinder.HasAssemblyMarker(parsed));
        });
    }

    private static IReadOnlyList<ProprietaryPiece> Plan(MaskContext context, string text, SyntaxTree tree, string? path, bool assemblyIsProprietary)
    {
        // An expression too deep for the parser's stack leaves a tree of skipped text in which no marker or declaration
        // is found: all of it is withheld rather than sent as if nothing in it were proprietary. Asked here as well as
        // in the finder because the masker parses on weaker hints (a name written with a Unicode escape).
        if (ProprietarySpanFinder.TooDeepToRead(tree))
        {
            context.Note("the code is too complex for the compiler to read, so its proprietary parts cannot be found and all of it was withheld");
            return ProprietaryPlanner.WholeText(context, text.Length);
        }

        return ProprietaryPlanner.Plan(context, tree, path, assemblyIsProprietary);
    }

    // Whether the code may hold a proprietary marker, so its syntax tree must be read to find them: an identifier
    // `Proprietary` or `ProprietaryAttribute` (the attribute, however qualified), the comment marker, or a
    // `#region Proprietary`. A mere mention of the word ("Proprietary and confidential" in a licence header, which
    // company code often carries on every file) does not make a file pay for a parse. Names are kept as written, so
    // one written with a Unicode escape (`Propr\u0069etary`) could be the attribute: such code is parsed, to be safe.
    private static bool MayHoldMarker(string text, FactsCollector facts)
    {
        if (facts.Contains(ProprietaryMarkers.AttributeName) || facts.Contains(ProprietaryMarkers.AttributeFullName)
            || facts.HasEscapedName)
        {
            return true;
        }

        return text.IndexOf("roprietary", StringComparison.OrdinalIgnoreCase) >= 0
            && (text.IndexOf("codeleakguard:proprietary", StringComparison.OrdinalIgnoreCase) >= 0 || HasProprietaryRegion(text));
    }

    // `#region Proprietary...`, with any spaces around the `#`, as the compiler reads a directive: first on its line.
    private static bool HasProprietaryRegion(string text)
    {
        for (var at = text.IndexOf("region", StringComparison.Ordinal); at >= 0; at = text.IndexOf("region", at + 1, StringComparison.Ordinal))
        {
            var hash = at - 1;
            while (hash >= 0 && SyntaxFacts.IsWhitespace(text[hash]))
            {
                hash--;
            }

            var lineStart = hash - 1;
            while (lineStart >= 0 && SyntaxFacts.IsWhitespace(text[lineStart]))
            {
                lineStart--;
            }

            if (hash < 0 || text[hash] != '#' || (lineStart >= 0 && !SyntaxFacts.IsNewLine(text[lineStart])))
            {
                continue;
            }

            var nameStart = at + "region".Length;
            var lineEnd = nameStart;
            while (lineEnd < text.Length && !SyntaxFacts.IsNewLine(text[lineEnd]))
            {
                lineEnd++;
            }

            if (lineEnd > nameStart && SyntaxFacts.IsWhitespace(text[nameStart])
                && ProprietaryMarkers.IsProprietaryRegionName(text.Substring(nameStart, lineEnd - nameStart)))
            {
                return true;
            }
        }

        return false;
    }

    // A namespace, type or member rule can only match a file that declares every literal part of its pattern.
    private static bool MayDeclare(ProprietaryRule rule, FactsCollector facts) =>
        rule.Pattern.Split('.', '+').All(part => part.IndexOfAny(new[] { '*', '?' }) >= 0 || part.Length == 0 || facts.Contains(part));

    private static int MaxNesting(CodeTokens tokens)
    {
        int depth = 0, max = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            switch (tokens[i].Kind)
            {
                case SyntaxKind.OpenBraceToken or SyntaxKind.OpenParenToken or SyntaxKind.OpenBracketToken:
                    max = Math.Max(max, ++depth);
                    break;
                case SyntaxKind.CloseBraceToken or SyntaxKind.CloseParenToken or SyntaxKind.CloseBracketToken:
                    depth = Math.Max(0, depth - 1);
                    break;
            }
        }

        return max;
    }
}

/// <summary>
/// C# after lexing: its tokens, the facts of each identifier token (by token index), the tokens the writer must
/// visit, its interpolations.
/// </summary>
internal sealed class LexedCSharp
{
    private NameFacts?[]? _names;
    private EmitPlan? _plan;

    public LexedCSharp(string text, string written, CodeTokens tokens, NameFacts?[] names, EmitPlan? plan, FactsCollector facts, InterpolationCache interpolations)
    {
        Text = text;
        Written = written;
        Tokens = tokens;
        _names = names;
        _plan = plan;
        Facts = facts;
        Interpolations = interpolations;
    }

    /// <summary>What was lexed (and is parsed, for proprietary code).</summary>
    public string Text { get; }

    /// <summary>What the masked output is written from: <see cref="Text"/>, or the same with the line numbers it was lexed without.</summary>
    public string Written { get; }

    public CodeTokens Tokens { get; }

    public FactsCollector Facts { get; }

    public InterpolationCache Interpolations { get; }

    /// <summary>The pooled facts-by-token array and plan; the first caller owns them (and returns them to the pool).</summary>
    public (NameFacts?[] Names, EmitPlan? Plan)? TakeNames()
    {
        var names = _names;
        var plan = _plan;
        _names = null;
        _plan = null;
        return names is null ? null : (names, plan);
    }
}

/// <summary>C# after the first pass: the lexed code, how each name is decided, and the proprietary pieces to stub.</summary>
internal sealed class PreparedCSharp
{
    private readonly LexedCSharp _lexed;

    public PreparedCSharp(LexedCSharp lexed, IIdentifierDecisions decisions, IReadOnlyList<ProprietaryPiece> pieces)
    {
        _lexed = lexed;
        Decisions = decisions;
        Pieces = pieces;
    }

    public string Text => _lexed.Text;

    public string Written => _lexed.Written;

    public CodeTokens Tokens => _lexed.Tokens;

    /// <summary>
    /// By-name decisions only: the facts of each identifier token, by token index (a pooled array, so the first
    /// writer takes it; a later one decides by name, with the same result).
    /// </summary>
    public (NameFacts?[] Names, EmitPlan? Plan)? TakeTokenNames() => _lexed.TakeNames();

    public IIdentifierDecisions Decisions { get; }

    public InterpolationCache Interpolations => _lexed.Interpolations;

    public IReadOnlyList<ProprietaryPiece> Pieces { get; }
}
