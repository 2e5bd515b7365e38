using System.Collections.Generic;
using CodeLeakGuard.Masking.Identifiers;

namespace CodeLeakGuard.Masking.CSharp;

/// <summary>The facts of every name of one call, in order of first appearance.</summary>
internal sealed class FactsCollector
{
    private readonly Dictionary<string, NameFacts> _byName;
    private readonly List<NameFacts> _inOrder;

    /// <param name="expectedNames">About how many distinct names there will be (so the table need not grow).</param>
    public FactsCollector(int expectedNames = 0)
    {
        _byName = new Dictionary<string, NameFacts>(expectedNames, System.StringComparer.Ordinal);
        _inOrder = new List<NameFacts>(expectedNames);
    }

    public IReadOnlyList<NameFacts> InOrder => _inOrder;

    /// <summary>Whether some name is written with a Unicode escape (<c>Propr\u0069etary</c>): names are kept as written.</summary>
    public bool HasEscapedName { get; private set; }

    public NameFacts Get(string name)
    {
        if (!_byName.TryGetValue(name, out var facts))
        {
            facts = new NameFacts(name);
            HasEscapedName |= name.IndexOf('\\') >= 0;
            _byName.Add(name, facts);
            _inOrder.Add(facts);
        }

        return facts;
    }

    public bool Contains(string name) => _byName.ContainsKey(name);

    public bool TryGet(string name, out NameFacts facts) => _byName.TryGetValue(name, out facts!);
}
