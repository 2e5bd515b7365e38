namespace CodeLeakGuard.Policy;

/// <summary>
/// The words that mark proprietary code in source, shared by every part: the analyzers, the masker, the CLI and the
/// ignore-file export.
/// </summary>
public static class ProprietaryMarkers
{
    /// <summary>Any attribute with this simple name (or with the Attribute suffix) marks its target.</summary>
    public const string AttributeName = "Proprietary";

    public const string AttributeFullName = "ProprietaryAttribute";

    /// <summary><c>#region Proprietary</c>, <c>#region Proprietary: pricing engine</c>.</summary>
    public const string RegionPrefix = "Proprietary";

    /// <summary><c>// codeleakguard:proprietary-begin</c> (optionally followed by a reason).</summary>
    public const string BeginComment = "codeleakguard:proprietary-begin";

    public const string EndComment = "codeleakguard:proprietary-end";

    /// <summary>True when a <c>#region</c> name opens a proprietary region: "Proprietary" then nothing, a space or punctuation.</summary>
    public static bool IsProprietaryRegionName(string regionName)
    {
        var name = regionName.Trim();
        if (!name.StartsWith(RegionPrefix, System.StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return name.Length == RegionPrefix.Length || !char.IsLetterOrDigit(name[RegionPrefix.Length]);
    }

    /// <summary>The reason after the region prefix or comment marker ("Proprietary: pricing engine" gives "pricing engine").</summary>
    public static string? ReasonAfter(string text, string prefix)
    {
        var index = text.IndexOf(prefix, System.StringComparison.OrdinalIgnoreCase);
        if (index < 0)
        {
            return null;
        }

        var reason = text.Substring(index + prefix.Length).Trim().TrimStart(':', '-', ' ').Trim();
        return reason.Length == 0 ? null : reason;
    }
}
