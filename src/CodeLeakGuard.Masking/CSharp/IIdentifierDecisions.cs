using CodeLeakGuard.Masking.Session;

namespace CodeLeakGuard.Masking.CSharp;

/// <summary>Whether an identifier token is masked, and under which entry (null: kept as written).</summary>
internal interface IIdentifierDecisions
{
    /// <param name="name">The identifier as written, without a verbatim <c>@</c> (<see cref="RoleClassifier.NameOf"/>).</param>
    /// <param name="position">Where the identifier starts in the code.</param>
    NameEntry? Decide(string name, int position);
}
