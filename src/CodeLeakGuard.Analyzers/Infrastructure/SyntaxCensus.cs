using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CodeLeakGuard.Analyzers.Infrastructure;

/// <summary>
/// The nodes of one syntax tree that CodeLeakGuard's source rules look at, found in a single walk and shared by every
/// rule (each rule visits them from one semantic-model action per file, through <see cref="SyntaxCensusCache"/>).
/// </summary>
/// <remarks>
/// Why not syntax-node actions: the analyzer driver builds a node list for every declaration as soon as any analyzer
/// registers one (+8 % of the whole compilation's allocations, measured on the benchmark corpus), then filters that
/// list again for every analyzer and every callback. One walk per file costs less than the first list alone. Structured trivia (doc comments, directives) is not walked: none of these kinds occurs there
/// except qualified names in <c>cref</c>s, which CLG1001's semantic walk already covers.
/// </remarks>
internal sealed class SyntaxCensus
{
    private readonly List<SyntaxNode> _strings = new();
    private readonly List<SyntaxNode> _concatenations = new();
    private readonly List<SyntaxNode> _assignments = new();
    private readonly List<SyntaxNode> _calls = new();
    private readonly List<SyntaxNode> _usings = new();
    private readonly List<SyntaxNode> _qualifiedNames = new();

    private SyntaxCensus(SyntaxNode root)
    {
        foreach (var node in root.DescendantNodes())
        {
            switch ((SyntaxKind)node.RawKind)
            {
                case SyntaxKind.StringLiteralExpression or SyntaxKind.Utf8StringLiteralExpression or SyntaxKind.InterpolatedStringText:
                    _strings.Add(node);
                    break;
                case SyntaxKind.AddExpression or SyntaxKind.InterpolatedStringExpression:
                    _concatenations.Add(node);
                    break;
                case SyntaxKind.VariableDeclarator or SyntaxKind.PropertyDeclaration or SyntaxKind.SimpleAssignmentExpression
                    or SyntaxKind.NameColon or SyntaxKind.NameEquals or SyntaxKind.ComplexElementInitializerExpression:
                    _assignments.Add(node);
                    break;
                case SyntaxKind.InvocationExpression or SyntaxKind.ObjectCreationExpression:
                    _calls.Add(node);
                    break;
                case SyntaxKind.UsingDirective:
                    _usings.Add(node);
                    break;
                case SyntaxKind.QualifiedName:
                    _qualifiedNames.Add(node);
                    break;
            }
        }
    }

    /// <summary>String literal expressions (regular, verbatim, raw, UTF-8) and the text parts of interpolated strings.</summary>
    public IReadOnlyList<SyntaxNode> Strings => _strings;

    /// <summary><c>+</c> expressions and interpolated strings: what may fold into one constant string.</summary>
    public IReadOnlyList<SyntaxNode> Concatenations => _concatenations;

    /// <summary>Where a name receives a value: declarators, properties, assignments, named arguments and members, dictionary entries.</summary>
    public IReadOnlyList<SyntaxNode> Assignments => _assignments;

    /// <summary>Invocations and object creations.</summary>
    public IReadOnlyList<SyntaxNode> Calls => _calls;

    public IReadOnlyList<SyntaxNode> Usings => _usings;

    public IReadOnlyList<SyntaxNode> QualifiedNames => _qualifiedNames;

    /// <summary>Walks <paramref name="root"/> (a single file takes about a millisecond, so the walk is not cancelled midway).</summary>
    internal static SyntaxCensus Of(SyntaxNode root) => new(root);
}
