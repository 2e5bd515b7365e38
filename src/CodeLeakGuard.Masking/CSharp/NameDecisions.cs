using System.Collections.Generic;
using CodeLeakGuard.Masking.Identifiers;
using CodeLeakGuard.Masking.Session;

namespace CodeLeakGuard.Masking.CSharp;

/// <summary>
/// Decisions by name, for code without a compilation: a name is masked everywhere or nowhere. Made once for every
/// name the classifier saw, in order of first appearance (so pseudonym numbers follow the text), and lazily for any
/// other name met while writing.
/// </summary>
internal sealed class NameDecisions : IIdentifierDecisions
{
    private readonly MaskContext _context;
    private readonly FactsCollector? _facts;
    private readonly Dictionary<string, NameEntry?> _decided = new(System.StringComparer.Ordinal);

    /// <param name="facts">The names to decide now, in order; null to decide every name when it is met.</param>
    public NameDecisions(MaskContext context, FactsCollector? facts)
    {
        _context = context;
        _facts = facts;
        if (facts is null)
        {
            return;
        }

        foreach (var name in facts.InOrder)
        {
            name.Decision = context.ShouldMask(name.Name, name) ? context.MaskName(name.Name, name.Role) : null;
        }
    }

    public NameEntry? Decide(string name, int position) => Decide(name);

    public NameEntry? Decide(string name, NameFacts? facts = null)
    {
        if (_facts is not null && _facts.TryGet(name, out var known))
        {
            return known.Decision; // decided in order when this was made
        }

        if (!_decided.TryGetValue(name, out var entry))
        {
            entry = _context.ShouldMask(name, facts) ? _context.MaskName(name, facts?.Role ?? PseudonymRole.Name) : null;
            _decided[name] = entry;
        }

        return entry;
    }
}
