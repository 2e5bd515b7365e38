using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace CodeLeakGuard.Analyzers.BannedSdk;

/// <summary>The same names from symbols, for an assembly without metadata to read (a compilation reference).</summary>
internal sealed partial class AssemblyNames
{
    internal static AssemblyNames FromSymbols(IAssemblySymbol assembly)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var namespaces = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<INamespaceOrTypeSymbol>();
        pending.Push(assembly.GlobalNamespace);
        while (pending.Count > 0)
        {
            var container = pending.Pop();
            if (container is INamespaceSymbol ns)
            {
                foreach (var child in ns.GetNamespaceMembers())
                {
                    names.Add(child.Name);
                    pending.Push(child);
                }

                if (!ns.IsGlobalNamespace && ns.GetTypeMembers().Any(t => t.DeclaredAccessibility == Accessibility.Public))
                {
                    namespaces.Add(ns.ToDisplayString());
                }
            }
            else
            {
                foreach (var member in ((INamedTypeSymbol)container).MemberNames)
                {
                    AddMember(member, names);
                }
            }

            foreach (var type in container.GetTypeMembers())
            {
                if (IsVisible(type))
                {
                    AddTypeName(type.Name, names);
                    pending.Push(type);
                }
            }
        }

        return new AssemblyNames(names, namespaces);
    }

    private static bool IsVisible(ISymbol symbol) =>
        symbol.DeclaredAccessibility is Accessibility.Public or Accessibility.Protected or Accessibility.ProtectedOrInternal
        && !symbol.IsImplicitlyDeclared;
}
