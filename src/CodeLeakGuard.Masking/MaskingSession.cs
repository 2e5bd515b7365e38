using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using CodeLeakGuard.Analyzers.Proprietary;
using CodeLeakGuard.Masking.CSharp;
using CodeLeakGuard.Masking.Markdown;
using CodeLeakGuard.Masking.Proprietary;
using CodeLeakGuard.Masking.Session;
using CodeLeakGuard.Masking.Text;
using CodeLeakGuard.Masking.Unmasking;
using CodeLeakGuard.Secrets;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CodeLeakGuard.Masking;

/// <summary>
/// One conversation with an AI service: <see cref="Mask(string, MaskKind, string?)"/> every text before it is sent,
/// <see cref="Unmask"/> every answer. The same real name gets the same pseudonym in every call, so the model can
/// follow the conversation. Thread-safe (calls are serialised). A session that is <see cref="Save(Stream)"/>d is as
/// sensitive as the code and secrets it masked: see <see cref="Save(Stream)"/>.
/// </summary>
public sealed class MaskingSession
{
    // The tag words depend only on the scanner's formats (one scanner per policy), and are only read: built once,
    // not for every session (a gateway starts one per conversation).
    private static readonly ConditionalWeakTable<SecretScanner, TagWords> TagsPerScanner = new();

    private readonly object _gate = new();
    private readonly SessionState _state;
    private readonly SecretScanner _scanner;
    private readonly TagWords _tags;

    public MaskingSession(MaskingOptions? options = null)
        : this(options ?? new MaskingOptions(), new SessionState())
    {
    }

    private MaskingSession(MaskingOptions options, SessionState state)
    {
        Options = options;
        _state = state;
        _scanner = SecretScanner.For(options.Policy);
        _tags = TagsPerScanner.GetValue(_scanner, scanner => new TagWords(Enum.GetNames(typeof(PseudonymRole))
            .Concat(scanner.Formats.Select(f => f.Kind))
            .Concat(new[] { SecretScanner.UnscannableKind, "Proprietary", "Literal" })));
    }

    public MaskingOptions Options { get; }

    /// <summary>
    /// Keeps <paramref name="name"/> as it is in every text masked from now on, unless the session masked it before: the
    /// handler calls it for the names a request sends unmasked (its tools'), so a prompt names the tools the model is given.
    /// </summary>
    internal void KeepName(string name)
    {
        lock (_gate)
        {
            _state.KeptNames.Add(name);
        }
    }

    /// <summary>The number the next placeholder gets: every placeholder made from now on has it or a higher one.</summary>
    internal int NextPlaceholderNumber
    {
        get
        {
            lock (_gate)
            {
                return _state.NextNumber;
            }
        }
    }

    /// <summary>
    /// Writes into <paramref name="masked"/>, a text masked before the session knew them, the pseudonyms of the names
    /// among its <paramref name="keptWords"/> first masked at or after placeholder number <paramref name="since"/>: what
    /// masking it now would write for them, since prose masks a known name wherever it stands. Null when there are none.
    /// </summary>
    internal (string Text, int Named)? NameWordsLearntSince(string masked, IEnumerable<string> keptWords, int since)
    {
        lock (_gate)
        {
            return _state.NamesSince(keptWords, since) is { } names ? WholeWords.Replace(masked, names) : null;
        }
    }

    /// <summary>How many names, secrets and withheld pieces the session holds.</summary>
    public int PlaceholderCount
    {
        get
        {
            lock (_gate)
            {
                return _state.Names.Count + _state.Secrets.Count + _state.Withheld.Count;
            }
        }
    }

    /// <param name="text">The text to send.</param>
    /// <param name="kind">C# source, a Markdown prompt, or plain text.</param>
    /// <param name="path">
    /// The file the text holds, for the policy's <c>proprietary path</c> rules (repository-relative, or absolute: any
    /// tail of it a rule covers counts). C# under such a rule is sent as stubs; other text of such a file is withheld.
    /// </param>
    /// <exception cref="MaskingException">The text cannot be masked with certainty; nothing of it may be sent.</exception>
    public MaskResult Mask(string text, MaskKind kind, string? path = null) => Run(text, context => MaskOne(context, text, kind, path));

    /// <summary>
    /// Masks several texts as one code base: every C# text's names are decided before any text is written, so a name
    /// one file declares is masked in the comments and strings of every other file too. Results are in request order.
    /// All or nothing: if one text cannot be masked, a <see cref="MaskingException"/> is thrown and no result is returned.
    /// </summary>
    public IReadOnlyList<MaskResult> Mask(IEnumerable<MaskRequest> requests)
    {
        if (requests is null)
        {
            throw new ArgumentNullException(nameof(requests));
        }

        var batch = requests.ToList();
        foreach (var request in batch)
        {
            Validate(request.Text);
        }

        lock (_gate)
        {
            var contexts = batch.Select(_ => new MaskContext(Options, _state, _scanner, _tags)).ToList();
            foreach (var request in batch)
            {
                contexts[0].ReserveInputNumbers(_tags.NumbersIn(request.Text));
            }

            return Guarded(() =>
            {
                var prepared = batch.Select((request, i) => request.Kind == MaskKind.CSharp ? CSharpMasker.Prepare(contexts[i], request.Text, request.Path) : null).ToList();
                return batch.Select((request, i) => new MaskResult(
                    prepared[i] is { } code ? CSharpMasker.Emit(contexts[i], code) : MaskOne(contexts[i], request.Text, request.Kind, request.Path),
                    contexts[i].BuildReport())).ToList();
            });
        }
    }

    /// <summary>
    /// Masks C# with its compilation: names from referenced assemblies are kept exactly, the code's own are masked,
    /// and the masked code compiles as the original did. The text is found among the compilation's trees, or added.
    /// </summary>
    public MaskResult Mask(string text, Compilation compilation, string? path = null)
    {
        if (compilation is null)
        {
            throw new ArgumentNullException(nameof(compilation));
        }

        if (compilation is not CSharpCompilation)
        {
            throw new MaskingException(MaskingFailure.InvalidRequest, "only C# compilations can be used to mask C#");
        }

        return Run(text, context =>
        {
            var tree = compilation.SyntaxTrees.FirstOrDefault(t => t.Length == text.Length && t.GetText().ToString() == text);
            if (tree is null)
            {
                tree = CSharpSyntaxTree.ParseText(text, (compilation.SyntaxTrees.FirstOrDefault()?.Options as CSharpParseOptions) ?? context.Options.ParseOptions, path ?? string.Empty);
                compilation = compilation.AddSyntaxTrees(tree);
            }

            var assemblyIsProprietary = compilation.SyntaxTrees.Any(t => ProprietarySpanFinder.HasAssemblyMarker(t));
            return CSharpMasker.Mask(context, text, path, compilation.GetSemanticModel(tree), assemblyIsProprietary);
        });
    }

    /// <summary>Masks the text of <paramref name="semanticModel"/>'s tree, judging names by its symbols.</summary>
    public MaskResult Mask(SemanticModel semanticModel, string? path = null)
    {
        if (semanticModel is null)
        {
            throw new ArgumentNullException(nameof(semanticModel));
        }

        var text = semanticModel.SyntaxTree.GetText().ToString();
        return Run(text, context => CSharpMasker.Mask(context, text, path, semanticModel,
            semanticModel.Compilation.SyntaxTrees.Any(t => ProprietarySpanFinder.HasAssemblyMarker(t))));
    }

    /// <summary>
    /// Puts the real names, secrets and withheld code back. Exact for what the session sent; names the model derived
    /// (<c>Method3Async</c>, <c>IClass2</c>) are restored too; placeholders it changed are restored when unambiguous,
    /// otherwise left and reported. A text with no placeholder comes back unchanged.
    /// </summary>
    public UnmaskResult Unmask(string text)
    {
        if (text is null)
        {
            throw new ArgumentNullException(nameof(text));
        }

        lock (_gate)
        {
            return Unmasker.Unmask(_state, _tags, text);
        }
    }

    /// <summary>
    /// Writes the session as JSON. SENSITIVE: the file maps every pseudonym to the real name and holds every masked
    /// secret and withheld piece of proprietary code in clear text. Store it like the source code itself, never send it
    /// to an AI service, and delete it when the conversation is over.
    /// </summary>
    public void Save(Stream stream)
    {
        if (stream is null)
        {
            throw new ArgumentNullException(nameof(stream));
        }

        lock (_gate)
        {
            SessionJson.Write(_state, stream);
        }
    }

    /// <inheritdoc cref="Save(Stream)"/>
    public void Save(string path)
    {
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None);
        Save(stream);
    }

    /// <summary>Reads a session written by <see cref="Save(Stream)"/>; masking continues with the same pseudonyms.</summary>
    /// <exception cref="FormatException">The stream is not a valid masking session.</exception>
    public static MaskingSession Load(Stream stream, MaskingOptions? options = null)
    {
        if (stream is null)
        {
            throw new ArgumentNullException(nameof(stream));
        }

        return new MaskingSession(options ?? new MaskingOptions(), SessionJson.Read(stream));
    }

    /// <inheritdoc cref="Load(Stream, MaskingOptions?)"/>
    public static MaskingSession Load(string path, MaskingOptions? options = null)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        return Load(stream, options);
    }

    /// <summary>Masks Markdown whose code blocks were lexed ahead (<see cref="LexMarkdown"/>): the same result as <c>Mask(text, MaskKind.Markdown)</c>.</summary>
    /// <param name="path">The file the text holds, when known (see <see cref="MarkdownMasker.Mask"/>).</param>
    internal MaskResult MaskMarkdown(string text, LexedMarkdown? lexed, string? path = null)
    {
        var usable = lexed is not null && string.Equals(lexed.Text, text, StringComparison.Ordinal) ? lexed : null;
        return Run(
            text,
            context =>
            {
                context.NotesKeptWords = true; // for the handler's check of names a later text of the request teaches
                return MarkdownMasker.Mask(context, text, usable, path);
            },
            usable?.InputNumbers);
    }

    /// <summary>The session-independent part of masking Markdown, safe to run on any thread before <see cref="MaskMarkdown"/>.</summary>
    internal LexedMarkdown LexMarkdown(string text) => MarkdownMasker.Lex(Options.ParseOptions, _scanner, text, _tags);

    /// <param name="inputNumbers">The text's tagged numbers when found ahead (<see cref="LexedMarkdown.InputNumbers"/>); null: found here.</param>
    private MaskResult Run(string text, Func<MaskContext, string> mask, IReadOnlyList<int>? inputNumbers = null)
    {
        Validate(text);
        lock (_gate)
        {
            var context = new MaskContext(Options, _state, _scanner, _tags);
            context.ReserveInputNumbers(inputNumbers ?? _tags.NumbersIn(text));
            var masked = Guarded(() => mask(context));
            return new MaskResult(masked, context.BuildReport()) { KeptWords = context.KeptCapitalisedWords };
        }
    }

    private void Validate(string text)
    {
        if (text is null)
        {
            throw new ArgumentNullException(nameof(text));
        }

        if (text.Length > Options.MaxInputLength)
        {
            throw new MaskingException(MaskingFailure.InputTooLarge, $"the text has {text.Length} characters; the limit is {Options.MaxInputLength}");
        }

        var unpaired = Utf16.FindUnpairedSurrogate(text);
        if (unpaired >= 0)
        {
            throw new MaskingException(MaskingFailure.InvalidUtf16, $"the text holds an unpaired UTF-16 surrogate at offset {unpaired}; it cannot be masked faithfully");
        }
    }

    // Fail closed: whatever goes wrong while masking, the caller gets no text at all.
    private static T Guarded<T>(Func<T> mask)
    {
        try
        {
            return mask();
        }
        catch (Exception ex) when (ex is not (MaskingException or OutOfMemoryException or ThreadAbortException))
        {
            throw new MaskingException(MaskingFailure.Internal, $"masking stopped with {ex.GetType().Name}; nothing of the text may be sent", ex);
        }
    }

    private static string MaskOne(MaskContext context, string text, MaskKind kind, string? path) => kind switch
    {
        MaskKind.CSharp => CSharpMasker.Mask(context, text, ProprietaryPaths.Covering(context.Options.Policy, path) ?? path),
        MaskKind.Markdown => MarkdownMasker.Mask(context, text, path: path),
        MaskKind.PlainText => PlainText(context, text, path),
        _ => throw new MaskingException(MaskingFailure.InvalidRequest, $"unknown mask kind {kind}"),
    };

    private static string PlainText(MaskContext context, string text, string? path)
    {
        var output = new MaskedText(text, 0, text.Length);
        if (ProprietaryPaths.Covering(context.Options.Policy, path) is not null)
        {
            ProprietaryPlanner.WithholdText(context, output, 0, text.Length);
        }
        else
        {
            RegionMasker.Mask(context, text, 0, text.Length, WordMode.Prose, new SourceSink(context, output));
        }

        return output.ToString();
    }
}
