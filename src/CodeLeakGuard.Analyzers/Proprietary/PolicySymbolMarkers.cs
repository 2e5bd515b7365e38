using System.Collections.Generic;
using System.Threading;
using CodeLeakGuard.Policy;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace CodeLeakGuard.Analyzers.Proprietary;

/// <summary>The policy's <c>proprietary namespace|type|member</c> patterns, matched against what the file declares.</summary>
internal static class PolicySymbolMarkers
{
    public static void Collect(SyntaxNode root, AiPolicy policy, List<ProprietarySpan> spans, CancellationToken cancellationToken) =>
        Visit(root, policy, string.Empty, null, spans, cancellationToken);

    private static void Visit(SyntaxNode node, AiPolicy policy, string ns, string? typeName, List<ProprietarySpan> spans, CancellationToken cancellationToken)
    {
        foreach (var child in node.ChildNodes())
        {
            cancellationToken.ThrowIfCancellationRequested();
            switch (child)
            {
                case BaseNamespaceDeclarationSyntax nsDeclaration:
                    var name = ns.Length == 0 ? nsDeclaration.Name.ToString() : ns + "." + nsDeclaration.Name;
                    if (policy.FindProprietaryNamespace(name) is { } nsRule)
                    {
                        spans.Add(new ProprietarySpan(ProprietaryMarkerKind.PolicySymbol, nsDeclaration.Span, nsDeclaration.Name.Span, nsRule.Reason ?? $"policy: proprietary namespace {nsRule.Pattern}", nsDeclaration));
                        continue;
                    }

                    Visit(nsDeclaration, policy, name, null, spans, cancellationToken);
                    break;
                case BaseTypeDeclarationSyntax or DelegateDeclarationSyntax:
                    var identifier = child is BaseTypeDeclarationSyntax type ? type.Identifier : ((DelegateDeclarationSyntax)child).Identifier;
                    var full = (typeName ?? ns) is { Length: > 0 } outer ? outer + "." + identifier.ValueText : identifier.ValueText;
                    if (policy.FindProprietaryType(full) is { } typeRule)
                    {
                        spans.Add(new ProprietarySpan(ProprietaryMarkerKind.PolicySymbol, AttributeMarkers.DeclarationSpan(child), identifier.Span, typeRule.Reason ?? $"policy: proprietary type {typeRule.Pattern}", child));
                        continue;
                    }

                    Visit(child, policy, ns, full, spans, cancellationToken);
                    break;
                case MemberDeclarationSyntax member when typeName is not null:
                    foreach (var (memberName, nameSpan) in MemberNames(member))
                    {
                        if (policy.FindProprietaryMember(typeName, memberName) is { } memberRule)
                        {
                            spans.Add(new ProprietarySpan(ProprietaryMarkerKind.PolicySymbol, AttributeMarkers.DeclarationSpan(member), nameSpan, memberRule.Reason ?? $"policy: proprietary member {memberRule.Pattern}", member));
                            break;
                        }
                    }

                    break;
            }
        }
    }

    private static IEnumerable<(string Name, TextSpan Span)> MemberNames(MemberDeclarationSyntax member)
    {
        switch (member)
        {
            case MethodDeclarationSyntax m:
                yield return (m.Identifier.ValueText, m.Identifier.Span);
                break;
            case PropertyDeclarationSyntax p:
                yield return (p.Identifier.ValueText, p.Identifier.Span);
                break;
            case EventDeclarationSyntax e:
                yield return (e.Identifier.ValueText, e.Identifier.Span);
                break;
            case ConstructorDeclarationSyntax c:
                yield return ("#ctor", c.Identifier.Span);
                break;
            case BaseFieldDeclarationSyntax f:
                foreach (var variable in f.Declaration.Variables)
                {
                    yield return (variable.Identifier.ValueText, variable.Identifier.Span);
                }

                break;
        }
    }
}
