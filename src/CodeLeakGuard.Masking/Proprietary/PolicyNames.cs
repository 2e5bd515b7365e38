using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Text;
using CodeLeakGuard.Masking.Session;
using CodeLeakGuard.Policy;

namespace CodeLeakGuard.Masking.Proprietary;

/// <summary>
/// The names a policy's <c>proprietary namespace|type|member</c> rules spell out (<c>Contoso.Billing</c>,
/// <c>Fabrikam.Ledger.Reconciler</c>): the company has said they are its own, so prose that mentions them ("the
/// Reconciler in Fabrikam's Ledger") has them masked as the code that declares them would be, before any code was seen.
/// Case-sensitive whole words, like declared names; wildcard parts, <c>#ctor</c> and generic arguments name nothing.
/// Made once per policy.
/// </summary>
internal static class PolicyNames
{
    private static readonly ConditionalWeakTable<AiPolicy, NameTable<PolicyName>> Cache = new();

    /// <summary>Each literal name part of the policy's rules, with the role it has there (a namespace part, a type, a member).</summary>
    public static NameTable<PolicyName> Of(AiPolicy policy) => Cache.GetValue(policy, Collect);

    private static NameTable<PolicyName> Collect(AiPolicy policy)
    {
        var roles = new Dictionary<string, PseudonymRole>(StringComparer.Ordinal);
        foreach (var rule in policy.Proprietary)
        {
            if (rule.Scope != ProprietaryScope.Path)
            {
                AddParts(roles, rule.Scope, WithoutTypeArguments(rule.Pattern));
            }
        }

        var names = new NameTable<PolicyName>();
        foreach (var pair in roles)
        {
            names.Add(pair.Key, new PolicyName(pair.Value));
        }

        return names;
    }

    private static void AddParts(Dictionary<string, PseudonymRole> names, ProprietaryScope scope, string pattern)
    {
        var parts = pattern.Split('.', '+');
        var firstNested = pattern.IndexOf('+') < 0 ? parts.Length : pattern.Substring(0, pattern.IndexOf('+')).Split('.').Length - 1;
        for (var i = 0; i < parts.Length; i++)
        {
            var part = parts[i];
            var backtick = part.IndexOf('`'); // Repository`1: the arity is not part of the name
            if (backtick >= 0)
            {
                part = part.Substring(0, backtick);
            }

            if (!IsIdentifier(part))
            {
                continue; // `*`, `Billing*`, `#ctor`, an empty part
            }

            var role = RoleOf(scope, i, parts.Length, firstNested);
            if (!names.TryGetValue(part, out var known) || role < known)
            {
                names[part] = role;
            }
        }
    }

    // A namespace rule names namespaces; a type rule's last part (and any part from the outer type of a `+` on) is a
    // type; a member rule's last part is a member of unknown kind, the part before it its type.
    private static PseudonymRole RoleOf(ProprietaryScope scope, int index, int count, int firstNested)
    {
        var last = count - 1;
        return scope switch
        {
            ProprietaryScope.Namespace => PseudonymRole.Namespace,
            ProprietaryScope.Type => index == last || index >= firstNested ? PseudonymRole.Class : PseudonymRole.Namespace,
            _ => index == last ? PseudonymRole.Name : index == last - 1 || index >= firstNested ? PseudonymRole.Class : PseudonymRole.Namespace,
        };
    }

    // `Repository<T>` and `Cache<Key, Value>`: the arguments are placeholders of the rule, not names of the company's.
    private static string WithoutTypeArguments(string pattern)
    {
        if (pattern.IndexOf('<') < 0)
        {
            return pattern;
        }

        var kept = new StringBuilder(pattern.Length);
        var depth = 0;
        foreach (var c in pattern)
        {
            if (c == '<')
            {
                depth++;
            }
            else if (c == '>')
            {
                depth = depth > 0 ? depth - 1 : 0;
            }
            else if (depth == 0)
            {
                kept.Append(c);
            }
        }

        return kept.ToString();
    }

    private static bool IsIdentifier(string part)
    {
        if (part.Length == 0 || !(char.IsLetter(part[0]) || part[0] == '_'))
        {
            return false;
        }

        foreach (var c in part)
        {
            if (!char.IsLetterOrDigit(c) && c != '_')
            {
                return false;
            }
        }

        return true;
    }
}

/// <summary>A name a proprietary rule spells out, and its role there.</summary>
internal sealed class PolicyName
{
    public PolicyName(PseudonymRole role)
    {
        Role = role;
    }

    public PseudonymRole Role { get; }
}
