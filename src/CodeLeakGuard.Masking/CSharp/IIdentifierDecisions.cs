using CodeLeakGuard.Masking.Session;
using Microsoft.CodeAnalysis;

namespace CodeLeakGuard.Masking.CSharp;

/// <summary>Whether an identifier token is masked, and under which entry (null: kept as written).</summary>
internal interface IIdentifierDecisions
{
    NameEntry? Decide(SyntaxToken identifier);
}
