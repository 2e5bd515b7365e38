using System.Text.RegularExpressions;

namespace CodeLeakGuard.Policy;

/// <summary>What names of each kind may look like in a policy file, and how written names are normalised.</summary>
internal static class SymbolNameSyntax
{
    private static readonly Regex PackageOrAssembly = new(@"^[A-Za-z0-9_*?][A-Za-z0-9_.\-*?]*$", RegexOptions.CultureInvariant);
    private static readonly Regex DottedIdentifier = new(@"^[\p{L}_*?@][\p{L}\p{N}_*?]*(\.[\p{L}_*?@][\p{L}\p{N}_*?]*)*$", RegexOptions.CultureInvariant);
    private static readonly Regex EnvironmentVariable = new(@"^[A-Za-z_*?][A-Za-z0-9_*?]*$", RegexOptions.CultureInvariant);
    private static readonly Regex GenericArity = new(@"`+\d+", RegexOptions.CultureInvariant);

    public static bool IsPackageOrAssembly(string name) => PackageOrAssembly.IsMatch(name);

    public static bool IsEnvironmentVariable(string name) => EnvironmentVariable.IsMatch(name);

    public static bool IsDottedName(string name) => DottedIdentifier.IsMatch(name);

    /// <summary>
    /// Turns the ways people write a type or member (<c>global::A.B</c>, <c>A.B`1</c>, <c>A.B+C</c>, <c>A.B&lt;T&gt;</c>,
    /// <c>A.B.M(System.String)</c>) into the dotted form the analyzers compare: <c>A.B.C</c>, <c>A.B.M</c>.
    /// </summary>
    public static string Normalize(string name)
    {
        var value = name.Trim();
        if (value.StartsWith("global::", System.StringComparison.Ordinal))
        {
            value = value.Substring("global::".Length);
        }

        var paren = value.IndexOf('(');
        if (paren >= 0)
        {
            value = value.Substring(0, paren);
        }

        value = StripTypeArguments(value);
        value = GenericArity.Replace(value, string.Empty);
        return value.Replace('+', '.').Replace('/', '.');
    }

    private static string StripTypeArguments(string value)
    {
        var result = new System.Text.StringBuilder(value.Length);
        var depth = 0;
        foreach (var c in value)
        {
            if (c == '<' || c == '{')
            {
                depth++;
            }
            else if (c == '>' || c == '}')
            {
                depth = System.Math.Max(0, depth - 1);
            }
            else if (depth == 0)
            {
                result.Append(c);
            }
        }

        return result.ToString();
    }
}
