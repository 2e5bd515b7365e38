using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CodeLeakGuard.Analyzers.Infrastructure;

/// <summary>
/// One node of a <see cref="SyntaxCensus"/> as a rule sees it: the node, the file's semantic model, and where to
/// report (the members a syntax-node callback would have had).
/// </summary>
internal readonly struct NodeContext
{
    private readonly SemanticModelAnalysisContext _file;

    private NodeContext(SyntaxNode node, SemanticModelAnalysisContext file)
    {
        Node = node;
        _file = file;
    }

    public SyntaxNode Node { get; }

    public SemanticModel SemanticModel => _file.SemanticModel;

    public CancellationToken CancellationToken => _file.CancellationToken;

    public void ReportDiagnostic(Diagnostic diagnostic) => _file.ReportDiagnostic(diagnostic);

    /// <summary>Runs <paramref name="analyze"/> on each node inside the analysed span (all of the file, or the part the IDE asks for).</summary>
    public static void ForEach(SemanticModelAnalysisContext file, IReadOnlyList<SyntaxNode> nodes, Action<NodeContext> analyze)
    {
        var span = file.FilterSpan;
        for (var i = 0; i < nodes.Count; i++)
        {
            file.CancellationToken.ThrowIfCancellationRequested();
            var node = nodes[i];
            if (span is null || node.FullSpan.IntersectsWith(span.Value))
            {
                analyze(new NodeContext(node, file));
            }
        }
    }
}
