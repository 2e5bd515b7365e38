using System;
using System.Collections.Generic;
using System.Linq;
using CodeLeakGuard.Analyzers.Proprietary;
using CodeLeakGuard.Masking.Text;
using CodeLeakGuard.Policy;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace CodeLeakGuard.Masking.Proprietary;

/// <summary>
/// Turns the shared span finder's proprietary spans into pieces to write as stubs: for declarations, the signature
/// stays and every body and initializer is withheld; for regions and marker pairs, the declarations inside are
/// stubbed the same way and statements become one <c>throw</c>. When anything executable would remain, the whole
/// inside of the span is withheld instead. Markers that are malformed make their enclosing member (or, with none,
/// the file) proprietary: when in doubt, protect.
/// </summary>
internal static class ProprietaryPlanner
{
    public static IReadOnlyList<ProprietaryPiece> Plan(MaskContext context, SyntaxTree tree, string? path, bool assemblyIsProprietary)
    {
        var document = ProprietarySpanFinder.Find(tree, context.Options.Policy, path, assemblyIsProprietary);
        var root = tree.GetRoot();
        var spans = document.Spans.Select(s => (Span: s.Span, Declaration: s.Declaration, s.Kind, Marker: s.MarkerSpan)).ToList();
        foreach (var problem in document.Problems.Where(p => !p.IsUnclosedBegin))
        {
            var member = root.FindToken(problem.Span.Start).Parent?.FirstAncestorOrSelf<MemberDeclarationSyntax>();
            spans.Add(member is not null
                ? (member.Span, member, ProprietaryMarkerKind.Attribute, problem.Span)
                : (new TextSpan(0, root.FullSpan.Length), (SyntaxNode?)null, ProprietaryMarkerKind.PolicyPath, new TextSpan(0, 0)));
        }

        var pieces = new List<ProprietaryPiece>();
        foreach (var (span, declaration, kind, marker) in Merge(spans))
        {
            var entry = context.State.AddWithheld("Proprietary");
            var kept = KeptComments(root, span, kind, marker);
            var withheld = new List<WithheldRange>();
            if (declaration is not null)
            {
                Stub(declaration, entry.Marker, withheld);
            }
            else
            {
                foreach (var node in OutermostInside(root, span))
                {
                    Stub(node, entry.Marker, withheld);
                }
            }

            withheld.Sort((a, b) => a.Span.Start.CompareTo(b.Span.Start));
            withheld = JoinStatements(root, withheld, WithheldText.Statement(entry.Marker));
            if (LeavesCodeBehind(root, span, withheld) || Overlaps(withheld))
            {
                withheld = new List<WithheldRange> { new(Interior(tree.GetText(), span, kind), WithheldText.Comment(entry.Marker)) };
            }

            pieces.Add(new ProprietaryPiece(span, entry, withheld, kept));
        }

        return pieces;
    }

    /// <summary>The whole text as one withheld piece: for code whose proprietary parts cannot be found with certainty.</summary>
    public static IReadOnlyList<ProprietaryPiece> WholeText(MaskContext context, int length)
    {
        var entry = context.State.AddWithheld("Proprietary");
        var all = new TextSpan(0, length);
        return new[] { new ProprietaryPiece(all, entry, new[] { new WithheldRange(all, WithheldText.Comment(entry.Marker)) }, Array.Empty<TextSpan>()) };
    }

    /// <summary>
    /// Withholds <c>output.Source[start..end)</c> whole, unless it is only white space: text from a proprietary file
    /// that is not code (comments around it, a README, a configuration file), which no stub can describe.
    /// </summary>
    public static void WithholdText(MaskContext context, MaskedText output, int start, int end)
    {
        var source = output.Source;
        var (from, to) = WhiteSpace.Trim(source, start, end);
        if (from == to)
        {
            return;
        }

        var entry = context.State.AddWithheld("Proprietary");
        entry.Original = source.Substring(from, to - from);
        entry.Stub = entry.Marker;
        entry.MarkerOffset = 0;
        output.Replace(from, to, entry.Marker);
        context.ProprietarySpans++;
    }

    private static IEnumerable<(TextSpan Span, SyntaxNode? Declaration, ProprietaryMarkerKind Kind, TextSpan Marker)> Merge(
        List<(TextSpan Span, SyntaxNode? Declaration, ProprietaryMarkerKind Kind, TextSpan Marker)> spans)
    {
        (TextSpan Span, SyntaxNode? Declaration, ProprietaryMarkerKind Kind, TextSpan Marker)? current = null;
        foreach (var span in spans.OrderBy(s => s.Span.Start).ThenByDescending(s => s.Span.Length))
        {
            if (current is { } open && span.Span.Start < open.Span.End)
            {
                if (span.Span.End > open.Span.End)
                {
                    current = (TextSpan.FromBounds(open.Span.Start, span.Span.End), null, ProprietaryMarkerKind.Region, open.Marker);
                }

                continue;
            }

            if (current is { } done)
            {
                yield return done;
            }

            current = span;
        }

        if (current is { } last)
        {
            yield return last;
        }
    }

    private static void Stub(SyntaxNode node, string marker, List<WithheldRange> withheld)
    {
        switch (node)
        {
            case BaseMethodDeclarationSyntax method:
                Body(method.Body, method.ExpressionBody, marker, withheld);
                break;
            case PropertyDeclarationSyntax property:
                Body(null, property.ExpressionBody, marker, withheld);
                Accessors(property.AccessorList, marker, withheld);
                if (property.Initializer is { } initializer)
                {
                    withheld.Add(new WithheldRange(initializer.Value.Span, WithheldText.DefaultValue));
                }

                break;
            case BasePropertyDeclarationSyntax property:
                Body(null, (property as IndexerDeclarationSyntax)?.ExpressionBody, marker, withheld);
                Accessors(property.AccessorList, marker, withheld);
                break;
            case BaseFieldDeclarationSyntax field:
                foreach (var variable in field.Declaration.Variables.Where(v => v.Initializer is not null))
                {
                    withheld.Add(new WithheldRange(variable.Initializer!.Value.Span, WithheldText.DefaultValue));
                }

                break;
            case EnumMemberDeclarationSyntax { EqualsValue: { } value }:
                withheld.Add(new WithheldRange(value.Span, string.Empty));
                break;
            case GlobalStatementSyntax statement:
                withheld.Add(new WithheldRange(statement.Statement.Span, WithheldText.Statement(marker)));
                break;
            case StatementSyntax statement:
                withheld.Add(new WithheldRange(statement.Span, WithheldText.Statement(marker)));
                break;
            case BaseTypeDeclarationSyntax or BaseNamespaceDeclarationSyntax or CompilationUnitSyntax:
                foreach (var member in node.ChildNodes().OfType<MemberDeclarationSyntax>())
                {
                    Stub(member, marker, withheld); // enum members are member declarations too
                }

                break;
        }
    }

    private static void Body(BlockSyntax? block, ArrowExpressionClauseSyntax? arrow, string marker, List<WithheldRange> withheld)
    {
        if (block is not null)
        {
            withheld.Add(new WithheldRange(block.Span, WithheldText.Body(marker)));
        }

        if (arrow is not null)
        {
            withheld.Add(new WithheldRange(arrow.Span, WithheldText.Arrow(marker)));
        }
    }

    private static void Accessors(AccessorListSyntax? accessors, string marker, List<WithheldRange> withheld)
    {
        foreach (var accessor in accessors?.Accessors ?? default)
        {
            Body(accessor.Body, accessor.ExpressionBody, marker, withheld);
        }
    }

    // Declarations and statements lying wholly inside a region: the outermost ones, in order.
    private static IEnumerable<SyntaxNode> OutermostInside(SyntaxNode root, TextSpan span)
    {
        if (span.Start == 0 && span.End >= root.Span.End)
        {
            yield return root;
            yield break;
        }

        var taken = -1;
        foreach (var node in root.DescendantNodes(span))
        {
            if (node.SpanStart < taken || !span.Contains(node.Span))
            {
                continue;
            }

            if (node is MemberDeclarationSyntax or EnumMemberDeclarationSyntax || (node is StatementSyntax && node.Parent is BlockSyntax or SwitchSectionSyntax))
            {
                taken = node.Span.End;
                yield return node;
            }
        }
    }

    // True when a token that runs (a statement, an expression body, an initializer) would still be sent.
    private static bool LeavesCodeBehind(SyntaxNode root, TextSpan span, List<WithheldRange> withheld)
    {
        foreach (var token in root.DescendantTokens(span))
        {
            if (!span.Contains(token.Span) || withheld.Any(w => w.Span.Contains(token.Span)))
            {
                continue;
            }

            for (var node = token.Parent; node is not null; node = node.Parent)
            {
                if (node is StatementSyntax or ArrowExpressionClauseSyntax or GlobalStatementSyntax or SwitchLabelSyntax
                    || (node is EqualsValueClauseSyntax { Value: var value } && value.Span.Contains(token.Span)
                        && node.Parent is VariableDeclaratorSyntax or PropertyDeclarationSyntax or EnumMemberDeclarationSyntax))
                {
                    return true;
                }

                if (node is MemberDeclarationSyntax or ParameterSyntax or AttributeListSyntax or UsingDirectiveSyntax or CompilationUnitSyntax)
                {
                    break;
                }
            }
        }

        return false;
    }

    // Statements withheld one after another in the same block become one throw.
    private static List<WithheldRange> JoinStatements(SyntaxNode root, List<WithheldRange> withheld, string statement)
    {
        var joined = new List<WithheldRange>();
        foreach (var range in withheld)
        {
            if (joined.Count > 0 && range.Replacement == statement && joined[joined.Count - 1].Replacement == statement
                && root.FindNode(range.Span).Parent == root.FindNode(joined[joined.Count - 1].Span).Parent
                && !root.DescendantTokens(TextSpan.FromBounds(joined[joined.Count - 1].Span.End, range.Span.Start)).Any(t => t.Span.Length > 0 && t.SpanStart >= joined[joined.Count - 1].Span.End && t.Span.End <= range.Span.Start))
            {
                joined[joined.Count - 1] = new WithheldRange(TextSpan.FromBounds(joined[joined.Count - 1].Span.Start, range.Span.End), statement);
                continue;
            }

            joined.Add(range);
        }

        return joined;
    }

    private static bool Overlaps(List<WithheldRange> withheld)
    {
        for (var i = 1; i < withheld.Count; i++)
        {
            if (withheld[i].Span.Start < withheld[i - 1].Span.End)
            {
                return true;
            }
        }

        return false;
    }

    // Between the line of the opening marker and the line of the closing one (both stay), or the whole span.
    private static TextSpan Interior(SourceText text, TextSpan span, ProprietaryMarkerKind kind)
    {
        if (kind is not (ProprietaryMarkerKind.Region or ProprietaryMarkerKind.CommentPair) || span.Length == 0)
        {
            return span;
        }

        var start = text.Lines.GetLineFromPosition(span.Start).EndIncludingLineBreak;
        var lastLine = text.Lines.GetLineFromPosition(Math.Max(span.Start, span.End - 1));
        var end = kind == ProprietaryMarkerKind.CommentPair ? LastCommentStart(text, span) : lastLine.Start;
        return start < end && end <= span.End ? TextSpan.FromBounds(start, end) : span;
    }

    private static int LastCommentStart(SourceText text, TextSpan span)
    {
        var content = text.ToString(span);
        var end = content.LastIndexOf(ProprietaryMarkers.EndComment, StringComparison.OrdinalIgnoreCase);
        if (end < 0)
        {
            return span.End;
        }

        var opening = Math.Max(content.LastIndexOf("//", end, StringComparison.Ordinal), content.LastIndexOf("/*", end, StringComparison.Ordinal));
        return opening < 0 ? span.End : text.Lines.GetLineFromPosition(span.Start + opening).Start;
    }

    private static IReadOnlyList<TextSpan> KeptComments(SyntaxNode root, TextSpan span, ProprietaryMarkerKind kind, TextSpan marker)
    {
        if (kind != ProprietaryMarkerKind.CommentPair)
        {
            return Array.Empty<TextSpan>();
        }

        return root.DescendantTrivia(span, descendIntoTrivia: false)
            .Where(t => t.IsKind(SyntaxKind.SingleLineCommentTrivia) || t.IsKind(SyntaxKind.MultiLineCommentTrivia))
            .Where(t => t.Span == marker || t.ToString().IndexOf(ProprietaryMarkers.EndComment, StringComparison.OrdinalIgnoreCase) >= 0)
            .Select(t => t.Span)
            .ToArray();
    }
}
