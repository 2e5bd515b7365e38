using System.Collections.Concurrent;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CodeLeakGuard.Analyzers.Proprietary;

/// <summary>Every value written to each local of one operation block (flow-insensitive: any write may reach any read).</summary>
internal sealed class LocalWrites
{
    private readonly ConcurrentDictionary<ILocalSymbol, ConcurrentBag<IOperation>> _writes = new(SymbolEqualityComparer.Default);

    public void Record(IOperation operation)
    {
        switch (operation)
        {
            case IVariableDeclaratorOperation { Initializer.Value: { } value } declarator:
                Add(declarator.Symbol, value);
                break;
            case IAssignmentOperation { Target: ILocalReferenceOperation local } assignment:
                Add(local.Local, assignment.Value);
                break;
        }
    }

    public IEnumerable<IOperation> ValuesOf(ILocalSymbol local) =>
        _writes.TryGetValue(local, out var values) ? values : (IEnumerable<IOperation>)System.Array.Empty<IOperation>();

    private void Add(ILocalSymbol local, IOperation value) => _writes.GetOrAdd(local, _ => new ConcurrentBag<IOperation>()).Add(value);
}
