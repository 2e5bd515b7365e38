namespace CodeLeakGuard.Policy;

/// <summary>
/// Reads a line in the BannedSymbols.txt format of Microsoft.CodeAnalysis.BannedApiAnalyzers (<c>T:Vendor.Type;message</c>,
/// <c>N:Vendor</c>, <c>M:Vendor.Type.Method(System.String)</c>, <c>F:</c>, <c>P:</c>, <c>E:</c>) as a ban, so teams can reuse
/// their lists unchanged. Parameter lists are dropped: a member ban covers every overload.
/// </summary>
internal static class BannedSymbolsLineParser
{
    public static void Parse(PolicyDocument document, string line, int lineNumber)
    {
        var start = line.Length - line.TrimStart().Length;
        var body = line.Trim();
        var semicolon = IndexOfMessageSeparator(body);
        var id = (semicolon >= 0 ? body.Substring(0, semicolon) : body).Trim();
        var message = semicolon >= 0 ? body.Substring(semicolon + 1).Trim() : null;
        var kind = char.ToUpperInvariant(id[0]);
        var name = id.Substring(2).Trim();
        var column = start + 1;

        PolicyTarget target;
        switch (kind)
        {
            case 'N':
                target = PolicyTarget.Namespace;
                break;
            case 'T':
                target = PolicyTarget.Type;
                break;
            case 'M':
            case 'F':
            case 'P':
            case 'E':
                target = PolicyTarget.Member;
                break;
            default:
                PolicyParser.Error(document, lineNumber, column, 2,
                    $"'{id.Substring(0, 2)}' is not a BannedSymbols.txt prefix: use N:, T:, M:, F:, P: or E:");
                return;
        }

        if (name.Length == 0)
        {
            PolicyParser.Error(document, lineNumber, column, id.Length, $"'{id}' names no symbol");
            return;
        }

        var normalized = SymbolNameSyntax.Normalize(name);
        var entry = new PolicyEntry(PolicyAction.Ban, target, normalized, new SourceLocation(document.Path, lineNumber, column + 2, name.Length))
        {
            Reason = string.IsNullOrEmpty(message) ? null : message,
        };

        if (target == PolicyTarget.Member)
        {
            var lastDot = normalized.LastIndexOf('.');
            var memberName = lastDot > 0 ? normalized.Substring(lastDot + 1) : string.Empty;
            var typeName = lastDot > 0 ? normalized.Substring(0, lastDot) : string.Empty;
            if (lastDot <= 0 || !SymbolNameSyntax.IsDottedName(typeName) ||
                !(memberName is "#ctor" or "#cctor" || SymbolNameSyntax.IsDottedName(memberName)))
            {
                PolicyParser.Error(document, lineNumber, column, id.Length, $"'{id}' is not a documentation id of a member (e.g. M:Vendor.Type.Method)");
                return;
            }

            entry.Name = new Matching.WildcardPattern(normalized, ignoreCase: false);
            entry.MemberType = new Matching.WildcardPattern(typeName, ignoreCase: false);
            entry.MemberName = memberName;
        }
        else
        {
            if (!SymbolNameSyntax.IsDottedName(normalized))
            {
                PolicyParser.Error(document, lineNumber, column, id.Length, $"'{id}' is not a documentation id of a {target.ToString().ToLowerInvariant()}");
                return;
            }

            entry.Name = new Matching.WildcardPattern(normalized, ignoreCase: false);
        }

        document.Entries.Add(entry);
    }

    // The message follows the first ';' that is outside a parameter list.
    private static int IndexOfMessageSeparator(string text)
    {
        var depth = 0;
        for (var i = 0; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '(':
                    depth++;
                    break;
                case ')':
                    depth--;
                    break;
                case ';' when depth <= 0:
                    return i;
            }
        }

        return -1;
    }
}
