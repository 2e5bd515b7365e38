namespace CodeLeakGuard.Masking.Session;

/// <summary>
/// Something the session replaced, under a number unique in the session. The number is what unmasking looks up;
/// the tag word in front of it (<c>Class</c>, <c>OpenAIKey</c>, <c>Proprietary</c>) confirms the match.
/// </summary>
internal abstract class PlaceholderEntry
{
    protected PlaceholderEntry(int number)
    {
        Number = number;
    }

    public int Number { get; }

    /// <summary>The word written just before the number.</summary>
    public abstract string Tag { get; }
}

/// <summary>A masked identifier: <c>_total</c> is written <c>_field6</c> (prefix <c>_</c>, core <c>field6</c>).</summary>
internal sealed class NameEntry : PlaceholderEntry
{
    public NameEntry(int number, string real, PseudonymRole role, bool upper, string suffix = "")
        : base(number)
    {
        Real = real;
        Role = role;
        Upper = upper;
        Prefix = PrefixOf(real);
        Suffix = suffix;
        var word = PseudonymRoles.Word(role);
        Tag = upper ? word : char.ToLowerInvariant(word[0]) + word.Substring(1);
        Core = Tag + number.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Emitted = Prefix + Core + suffix;
        RealCore = real.Substring(Prefix.Length, real.Length - Prefix.Length - suffix.Length);
    }

    /// <summary>
    /// A suffix the pseudonym keeps: <c>RouteAttribute</c> is written <c>Class31Attribute</c> under the entry of
    /// <c>Route</c>, so <c>[Route]</c> and <c>[RouteAttribute]</c> still name the same class.
    /// </summary>
    public string Suffix { get; }

    /// <summary>The real name, as the masked text had it (without a verbatim <c>@</c>).</summary>
    public string Real { get; }

    public PseudonymRole Role { get; }

    public bool Upper { get; }

    /// <summary>Leading underscores or an <c>m_</c>/<c>s_</c>/<c>t_</c> field prefix, kept in the pseudonym.</summary>
    public string Prefix { get; }

    public override string Tag { get; }

    /// <summary>Tag and number: what unmasking finds, also inside names the model derives (<c>Method3Async</c>).</summary>
    public string Core { get; }

    /// <summary>What replaces <see cref="Real"/>.</summary>
    public string Emitted { get; }

    /// <summary>What replaces <see cref="Core"/> when unmasking.</summary>
    public string RealCore { get; }

    public static string PrefixOf(string name)
    {
        var underscores = 0;
        while (underscores < name.Length - 1 && name[underscores] == '_')
        {
            underscores++;
        }

        if (underscores > 0)
        {
            return name.Substring(0, underscores);
        }

        return name.Length > 2 && name[1] == '_' && name[0] is 'm' or 's' or 't' && char.IsLetter(name[2]) ? name.Substring(0, 2) : string.Empty;
    }
}

/// <summary>A secret: written <c>&lt;secret:OpenAIKey5&gt;</c>, valid inside every kind of string literal.</summary>
internal sealed class SecretEntry : PlaceholderEntry
{
    public const string Opening = "<secret:";
    public const string Closing = ">";

    public SecretEntry(int number, string kind, string value)
        : base(number)
    {
        Kind = kind;
        Value = value;
        Placeholder = Opening + kind + number.ToString(System.Globalization.CultureInfo.InvariantCulture) + Closing;
    }

    public string Kind { get; }

    /// <summary>The secret exactly as it was written in the source (escapes included).</summary>
    public string Value { get; }

    public string Placeholder { get; }

    public override string Tag => Kind;
}

/// <summary>
/// Code that was not sent: a proprietary declaration or region, or a literal that could not be masked in place. The
/// text sent instead (<see cref="Stub"/>) carries the marker <c>&lt;withheld:Proprietary3&gt;</c>; when an answer
/// gives the stub back unchanged, unmasking puts the original back.
/// </summary>
internal sealed class WithheldEntry : PlaceholderEntry
{
    public const string Opening = "<withheld:";
    public const string Closing = ">";

    public WithheldEntry(int number, string kind)
        : base(number)
    {
        Kind = kind;
        Marker = Opening + kind + number.ToString(System.Globalization.CultureInfo.InvariantCulture) + Closing;
    }

    public string Kind { get; }

    public string Marker { get; }

    public override string Tag => Kind;

    /// <summary>The masked text that replaced the original; empty until the masker has written it.</summary>
    public string Stub { get; set; } = string.Empty;

    /// <summary>Where the first marker sits in <see cref="Stub"/>.</summary>
    public int MarkerOffset { get; set; }

    public string Original { get; set; } = string.Empty;
}
