using CodeLeakGuard.Masking.Session;

namespace CodeLeakGuard.Masking.Identifiers;

/// <summary>
/// What one call learned about a name from the code: how it is declared and how it is used, and what the language
/// and the framework make of it (looked up when the facts are made, on the lexing thread, not while deciding).
/// </summary>
internal sealed class NameFacts
{
    public NameFacts(KnownName known)
    {
        Name = known.Name;
        IsKeyword = known.IsKeyword;
        Framework = known.Framework;
    }

    public string Name { get; }

    /// <summary>A contextual keyword written as an identifier (<c>var</c>, <c>value</c>, <c>nameof</c>): never masked.</summary>
    public bool IsKeyword { get; }

    /// <summary>What the framework and well-known libraries have of this name.</summary>
    public FrameworkNameKind Framework { get; }

    /// <summary>The strongest role the name is declared with here, if it is declared.</summary>
    public PseudonymRole? Declared { get; private set; }

    /// <summary>The first role guessed from a use, for names declared elsewhere.</summary>
    public PseudonymRole? Referenced { get; private set; }

    public bool DeclaredAsType { get; private set; }

    public bool DeclaredAsNamespace { get; private set; }

    /// <summary>Used where only a type can stand (<c>new X()</c>, <c>X x</c>, <c>List&lt;X&gt;</c>, <c>X.Create()</c>): kept only if the framework has a type of that name.</summary>
    public bool UsedAsType { get; private set; }

    public PseudonymRole Role => Declared ?? Referenced ?? PseudonymRole.Name;

    /// <summary>How the name is masked in this call (null: kept), once <see cref="CSharp.NameDecisions"/> has decided it.</summary>
    public NameEntry? Decision { get; set; }

    public void Declare(PseudonymRole role)
    {
        Declared = Declared is { } current && current <= role ? current : role;
        DeclaredAsType |= PseudonymRoles.IsType(role);
        DeclaredAsNamespace |= role == PseudonymRole.Namespace;
    }

    public void Reference(PseudonymRole role) => Referenced ??= role;

    public void UseAsType(PseudonymRole role)
    {
        Reference(role);
        UsedAsType = true;
    }
}
