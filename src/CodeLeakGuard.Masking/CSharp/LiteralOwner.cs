using CodeLeakGuard.Secrets;

namespace CodeLeakGuard.Masking.CSharp;

/// <summary>
/// What a string literal is given to, as far as secrets go: a name (<c>password = "..."</c>, <c>["Jwt:Key"] = "..."</c>,
/// <c>Add("x-api-key", "...")</c>), judged with the value; a parameter that takes a secret whatever the names around it
/// (<c>new NetworkCredential("svc", "...")</c>, <see cref="CredentialParameters"/>); or the <c>user:password</c> text of a
/// Basic header (<c>Convert.ToBase64String(Encoding.ASCII.GetBytes("svc:..."))</c>).
/// </summary>
internal readonly struct LiteralOwner
{
    private readonly Kind _kind;

    private LiteralOwner(Kind kind, string? name)
    {
        _kind = kind;
        Name = name;
    }

    private enum Kind
    {
        None,
        Name,
        CredentialParameter,
        ClientArgument,
        UserAndPassword,
    }

    public static LiteralOwner None => default;

    public static LiteralOwner CredentialParameter => new(Kind.CredentialParameter, null);

    /// <summary>An argument of a call that makes a service's client (<see cref="CredentialParameters.MakesClient"/>): a secret when it looks generated.</summary>
    public static LiteralOwner ClientArgument => new(Kind.ClientArgument, null);

    public static LiteralOwner UserAndPassword => new(Kind.UserAndPassword, null);

    public string? Name { get; }

    /// <summary>False for most literals, which are then masked where they stand without being decoded.</summary>
    public bool MayHoldSecret => _kind != Kind.None;

    /// <summary>A name that may name a secret (others are not worth a look at the value): <c>None</c> for the rest.</summary>
    public static LiteralOwner Named(string? name) => SecretHeuristics.MayNameSecret(name) ? new LiteralOwner(Kind.Name, name) : default;

    /// <summary>Whether <paramref name="value"/>, given here, is a secret.</summary>
    public bool IsSecret(string value) => _kind switch
    {
        Kind.Name => SecretHeuristics.IsSecretAssignedTo(Name, value),
        Kind.CredentialParameter => value.Length >= 4 && !SecretHeuristics.IsPlaceholder(value),
        Kind.ClientArgument => SecretHeuristics.IsGeneratedKey(value),
        Kind.UserAndPassword => value.IndexOf(':') is var colon and > 0 && value.Length - colon > 4 && !SecretHeuristics.IsPlaceholder(value.Substring(colon + 1)),
        _ => false,
    };
}
