namespace CodeLeakGuard.Masking.Session;

/// <summary>
/// What a masked name is, spelled into its pseudonym (<c>Class2</c>, <c>Method4</c>, <c>param7</c>): models reason about
/// code with role names far better than with random strings. Declared in priority order: a name declared as both a
/// class and a property is a class.
/// </summary>
internal enum PseudonymRole
{
    Namespace,
    Class,
    Interface,
    Struct,
    Enum,
    Delegate,
    Method,
    Property,
    Event,
    Field,
    EnumMember,
    TypeParam,
    Param,
    Local,
    Label,

    /// <summary>A company or product name from the policy's <c>sensitive-terms</c>.</summary>
    Term,

    /// <summary>A name whose role is unknown: a word in disabled code or inline code, or a word that looked like a placeholder.</summary>
    Name,
}

internal static class PseudonymRoles
{
    // Enum.ToString makes a new string on every call, and pseudonyms are made by the thousand. The roles are numbered
    // 0, 1, 2, ... in declaration order, which is the order GetNames returns.
    private static readonly string[] Words = System.Enum.GetNames(typeof(PseudonymRole));

    public static string Word(PseudonymRole role) => (uint)role < (uint)Words.Length ? Words[(int)role] : role.ToString();

    /// <summary>Roles whose lower-case names (<c>order</c>, <c>total</c>) are also ordinary English: left alone in prose.</summary>
    public static bool IsProseSensitive(PseudonymRole role) => role is PseudonymRole.Param or PseudonymRole.Local or PseudonymRole.Label;

    public static bool IsType(PseudonymRole role) => role is PseudonymRole.Class or PseudonymRole.Interface or PseudonymRole.Struct or PseudonymRole.Enum or PseudonymRole.Delegate;

    /// <summary>Pseudonym case when the real name starts with neither an upper- nor a lower-case letter.</summary>
    public static bool DefaultsToUpper(PseudonymRole role) => role is not (PseudonymRole.Field or PseudonymRole.Param or PseudonymRole.Local);
}
