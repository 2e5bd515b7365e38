using System;
using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CodeLeakGuard.Analyzers.Infrastructure;

/// <summary>
/// Shares each file's <see cref="SyntaxCensus"/> between the rules of one compilation: the first rule to reach a
/// file walks it (the others wait for that walk), and the census is dropped once every rule has visited the file.
/// </summary>
/// <remarks>
/// Why not keep it as long as the tree: the census holds red nodes, and a node holds its whole tree. The IDE keeps
/// syntax trees whose roots it may drop and re-create to save memory; a census kept per tree would pin every
/// analysed file's nodes. Scoped to the compilation, the worst case (a rule that never visits, e.g. disabled by
/// .editorconfig) is a census that lives as long as that compilation.
/// </remarks>
internal sealed class SyntaxCensusCache
{
    private static readonly ConditionalWeakTable<Compilation, SyntaxCensusCache> Caches = new();

    private readonly ConcurrentDictionary<SyntaxTree, Entry> _entries = new();
    private int _rules;
    private int _walks;

    /// <summary>Called by each rule at compilation start: one more rule will visit every file.</summary>
    private static SyntaxCensusCache Join(Compilation compilation)
    {
        var cache = Caches.GetValue(compilation, static _ => new SyntaxCensusCache());
        Interlocked.Increment(ref cache._rules);
        return cache;
    }

    /// <summary>
    /// What a source rule registers: one semantic-model action that gets the file's census (shared with the other
    /// rules of the compilation) along with the file.
    /// </summary>
    public static void RegisterVisit(CompilationStartAnalysisContext context, Action<SemanticModelAnalysisContext, SyntaxCensus> visit)
    {
        var cache = Join(context.Compilation);
        context.RegisterSemanticModelAction(file => cache.Visit(file, census => visit(file, census)));
    }

    /// <summary>Gives <paramref name="visit"/> the census of the file being analysed.</summary>
    private void Visit(SemanticModelAnalysisContext file, Action<SyntaxCensus> visit)
    {
        var tree = file.SemanticModel.SyntaxTree;
        // An entry that loses the race is dropped unused: its walk never starts (the Lazy is not read).
        var entry = _entries.TryGetValue(tree, out var existing) ? existing : _entries.GetOrAdd(tree, new Entry(tree, this));
        try
        {
            visit(entry.Census);
        }
        finally
        {
            // A rule that comes later (another analysis of the same compilation) just walks the file again.
            if (entry.CountVisit() >= Volatile.Read(ref _rules))
            {
                _entries.TryRemove(tree, out _);
            }
        }
    }

    /// <summary>The number of files whose census is held now (for tests).</summary>
    internal int HeldFiles => _entries.Count;

    /// <summary>How many walks were made: one per file unless a rule came after the others had dropped it (for tests).</summary>
    internal int Walks => Volatile.Read(ref _walks);

    internal static SyntaxCensusCache? Find(Compilation compilation) => Caches.TryGetValue(compilation, out var cache) ? cache : null;

    private sealed class Entry
    {
        private readonly Lazy<SyntaxCensus> _census;
        private int _visits;

        public Entry(SyntaxTree tree, SyntaxCensusCache cache) =>
            _census = new Lazy<SyntaxCensus>(
                () =>
                {
                    Interlocked.Increment(ref cache._walks);
                    return SyntaxCensus.Of(tree.GetRoot(CancellationToken.None));
                },
                LazyThreadSafetyMode.ExecutionAndPublication);

        public SyntaxCensus Census => _census.Value;

        public int CountVisit() => Interlocked.Increment(ref _visits);
    }
}
