using System;

namespace CodeLeakGuard.Versioning;

/// <summary>
/// A NuGet version range: <c>1.0</c> (at least 1.0), <c>[1.0]</c> (exactly), <c>[1.0,2.0)</c>, <c>(,2.0]</c>, <c>*</c>.
/// </summary>
public sealed class VersionRange
{
    private VersionRange(PackageVersion? min, bool minInclusive, PackageVersion? max, bool maxInclusive, string text)
    {
        Min = min;
        MinInclusive = minInclusive;
        Max = max;
        MaxInclusive = maxInclusive;
        Text = text;
    }

    public static VersionRange All { get; } = new(null, false, null, false, "*");

    public PackageVersion? Min { get; }

    public bool MinInclusive { get; }

    public PackageVersion? Max { get; }

    public bool MaxInclusive { get; }

    public string Text { get; }

    /// <summary>True when no version can satisfy the range (e.g. <c>[2.0,1.0]</c> or <c>(1.0,1.0)</c>).</summary>
    public bool IsEmpty =>
        Min is not null && Max is not null &&
        (Min.CompareTo(Max) > 0 || (Min.CompareTo(Max) == 0 && !(MinInclusive && MaxInclusive)));

    public bool Contains(PackageVersion version)
    {
        if (Min is not null)
        {
            var c = version.CompareTo(Min);
            if (c < 0 || (c == 0 && !MinInclusive))
            {
                return false;
            }
        }

        if (Max is not null)
        {
            var c = version.CompareTo(Max);
            if (c > 0 || (c == 0 && !MaxInclusive))
            {
                return false;
            }
        }

        return true;
    }

    public static VersionRange? TryParse(string text, out string? error)
    {
        error = null;
        var value = text.Trim();
        if (value == "*")
        {
            return All;
        }

        if (value.Length == 0)
        {
            error = "empty version range";
            return null;
        }

        var open = value[0];
        if (open != '[' && open != '(')
        {
            if (PackageVersion.TryParse(value, out var floor))
            {
                return new VersionRange(floor, true, null, false, value);
            }

            error = $"'{value}' is not a NuGet version or range (e.g. 2.15.0, [1.0,2.0), (,3.0])";
            return null;
        }

        var close = value[value.Length - 1];
        if (close != ']' && close != ')')
        {
            error = $"version range '{value}' must end with ']' or ')'";
            return null;
        }

        var inner = value.Substring(1, value.Length - 2);
        var comma = inner.IndexOf(',');
        if (comma < 0)
        {
            if (open != '[' || close != ']' || !PackageVersion.TryParse(inner, out var exact))
            {
                error = $"'{value}' is not a valid exact version; write it as [1.2.3]";
                return null;
            }

            return new VersionRange(exact, true, exact, true, value);
        }

        if (inner.IndexOf(',', comma + 1) >= 0)
        {
            error = $"version range '{value}' has more than one comma";
            return null;
        }

        var minText = inner.Substring(0, comma).Trim();
        var maxText = inner.Substring(comma + 1).Trim();
        PackageVersion? min = null, max = null;
        if (minText.Length > 0 && !PackageVersion.TryParse(minText, out min))
        {
            error = $"'{minText}' in '{value}' is not a version";
            return null;
        }

        if (maxText.Length > 0 && !PackageVersion.TryParse(maxText, out max))
        {
            error = $"'{maxText}' in '{value}' is not a version";
            return null;
        }

        if (min is null && max is null)
        {
            error = $"version range '{value}' has neither a lower nor an upper bound; use * for every version";
            return null;
        }

        return new VersionRange(min, open == '[', max, close == ']', value);
    }

    public override string ToString() => Text;
}
