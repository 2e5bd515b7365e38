using System.Collections.Generic;
using CodeLeakGuard.Masking.Identifiers;
using CodeLeakGuard.Masking.Session;
using Microsoft.CodeAnalysis;

namespace CodeLeakGuard.Masking.CSharp;

/// <summary>
/// Decisions by name, for code without a compilation: a name is masked everywhere or nowhere. Made once for every
/// name the classifier saw, in order of first appearance (so pseudonym numbers follow the text), and lazily for any
/// other name met while writing.
/// </summary>
internal sealed class NameDecisions : IIdentifierDecisions
{
    private readonly MaskContext _context;
    private readonly Dictionary<string, NameEntry?> _decided = new(System.StringComparer.Ordinal);

    public NameDecisions(MaskContext context, IEnumerable<NameFacts> facts)
    {
        _context = context;
        foreach (var name in facts)
        {
            name.Decision = context.ShouldMask(name.Name, name) ? context.MaskName(name.Name, name.Role) : null;
            _decided[name.Name] = name.Decision;
        }
    }

    public NameEntry? Decide(SyntaxToken identifier) => Decide(RoleClassifier.NameOf(identifier));

    public NameEntry? Decide(string name, NameFacts? facts = null)
    {
        if (!_decided.TryGetValue(name, out var entry))
        {
            entry = _context.ShouldMask(name, facts) ? _context.MaskName(name, facts?.Role ?? PseudonymRole.Name) : null;
            _decided[name] = entry;
        }

        return entry;
    }
}
