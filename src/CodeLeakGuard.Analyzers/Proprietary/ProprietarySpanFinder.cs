using System.Collections.Generic;
using System.Threading;
using CodeLeakGuard.Policy;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace CodeLeakGuard.Analyzers.Proprietary;

/// <summary>
/// The one place that decides what code is proprietary, shared by the analyzers, the masker and the CLI: the
/// <c>[Proprietary]</c> attribute (any attribute of that name), <c>#region Proprietary</c> blocks, the
/// <c>codeleakguard:proprietary-begin/end</c> comment pair, and the policy's proprietary paths, namespaces, types and
/// members. Purely syntactic, so it works on a file without a compilation. An unclosed marker makes the rest of the
/// file proprietary: when in doubt, protect.
/// </summary>
public static class ProprietarySpanFinder
{
    /// <param name="repositoryRelativePath">The file's path relative to the repository root, for policy path globs.</param>
    /// <param name="assemblyIsProprietary">True when the compilation carries <c>[assembly: Proprietary]</c>.</param>
    public static ProprietaryDocument Find(SyntaxTree tree, AiPolicy policy, string? repositoryRelativePath = null, bool assemblyIsProprietary = false, CancellationToken cancellationToken = default)
    {
        var text = tree.GetText(cancellationToken);
        var spans = new List<ProprietarySpan>();
        var problems = new List<ProprietaryMarkerProblem>();
        var whole = new TextSpan(0, text.Length);

        if (assemblyIsProprietary)
        {
            spans.Add(new ProprietarySpan(ProprietaryMarkerKind.AssemblyAttribute, whole, new TextSpan(0, 0), "assembly marked [Proprietary]", null));
        }

        if (repositoryRelativePath is not null && policy.FindProprietaryPath(repositoryRelativePath) is { } pathRule)
        {
            spans.Add(new ProprietarySpan(ProprietaryMarkerKind.PolicyPath, whole, new TextSpan(0, 0), pathRule.Reason ?? $"policy: proprietary path {pathRule.Pattern}", null));
        }

        var root = tree.GetRoot(cancellationToken);
        var mentionsMarker = SourceTextSearch.Contains(text, "roprietary");
        if ((mentionsMarker || policy.Proprietary.Count > 0) && TooDeepToRead(tree, cancellationToken))
        {
            spans.Add(new ProprietarySpan(ProprietaryMarkerKind.Unreadable, whole, new TextSpan(0, 0), UnreadableReason, null));
            return new ProprietaryDocument(spans, problems, text.Length);
        }

        if (mentionsMarker)
        {
            AttributeMarkers.Collect(root, spans, problems, cancellationToken);
            RegionMarkers.Collect(root, text, spans, problems);
            CommentMarkers.Collect(root, text, spans, problems, cancellationToken);
            OverlapCheck.Run(spans, problems);
        }

        if (policy.Proprietary.Count > 0)
        {
            PolicySymbolMarkers.Collect(root, policy, spans, cancellationToken);
        }

        return spans.Count == 0 && problems.Count == 0 ? ProprietaryDocument.Empty : new ProprietaryDocument(spans, problems, text.Length);
    }

    /// <summary>Why an <see cref="ProprietaryMarkerKind.Unreadable"/> file is proprietary.</summary>
    public const string UnreadableReason = "the code nests too deeply for the C# parser (CS8078), so the markers in it cannot be found and all of it is treated as proprietary";

    /// <summary>
    /// True when the parser gave up on part of the tree: Roslyn reports CS8078 where it ran out of stack and keeps
    /// what follows as skipped text, in which markers and declarations are invisible. Only a tree with diagnostics
    /// can carry it, which a file that builds has not, so this costs nothing on the analyzers' path.
    /// </summary>
    public static bool TooDeepToRead(SyntaxTree tree, CancellationToken cancellationToken = default)
    {
        if (!tree.GetRoot(cancellationToken).ContainsDiagnostics)
        {
            return false;
        }

        foreach (var diagnostic in tree.GetDiagnostics(cancellationToken))
        {
            if (diagnostic.Id == "CS8078")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when the tree declares <c>[assembly: Proprietary]</c>.</summary>
    public static bool HasAssemblyMarker(SyntaxTree tree, CancellationToken cancellationToken = default) =>
        SourceTextSearch.Contains(tree.GetText(cancellationToken), "roprietary") && AttributeMarkers.HasAssemblyMarker(tree.GetRoot(cancellationToken));
}
