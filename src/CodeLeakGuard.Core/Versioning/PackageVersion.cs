using System;
using System.Collections.Generic;

namespace CodeLeakGuard.Versioning;

/// <summary>A NuGet (SemVer 2.0) version: up to four numeric parts, an optional pre-release label; metadata ignored.</summary>
public sealed class PackageVersion : IComparable<PackageVersion>, IEquatable<PackageVersion>
{
    private readonly int[] _parts;

    private PackageVersion(int[] parts, string release, string text)
    {
        _parts = parts;
        Release = release;
        Text = text;
    }

    public string Text { get; }

    public string Release { get; }

    public bool IsPrerelease => Release.Length > 0;

    public static bool TryParse(string? text, out PackageVersion version)
    {
        version = null!;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var value = text!.Trim();
        var plus = value.IndexOf('+');
        if (plus >= 0)
        {
            value = value.Substring(0, plus);
        }

        var dash = value.IndexOf('-');
        var release = dash >= 0 ? value.Substring(dash + 1) : string.Empty;
        var numbers = dash >= 0 ? value.Substring(0, dash) : value;
        if (dash >= 0 && release.Length == 0)
        {
            return false;
        }

        var pieces = numbers.Split('.');
        if (pieces.Length is < 1 or > 4)
        {
            return false;
        }

        var parts = new int[4];
        for (var i = 0; i < pieces.Length; i++)
        {
            if (pieces[i].Length == 0 || pieces[i].Length > 9 || !int.TryParse(pieces[i], System.Globalization.NumberStyles.None, null, out parts[i]))
            {
                return false;
            }
        }

        version = new PackageVersion(parts, release, text!.Trim());
        return true;
    }

    public int CompareTo(PackageVersion? other)
    {
        if (other is null)
        {
            return 1;
        }

        for (var i = 0; i < 4; i++)
        {
            var c = _parts[i].CompareTo(other._parts[i]);
            if (c != 0)
            {
                return c;
            }
        }

        // A release sorts after its pre-releases.
        if (Release.Length == 0 || other.Release.Length == 0)
        {
            return Release.Length == other.Release.Length ? 0 : Release.Length == 0 ? 1 : -1;
        }

        return CompareLabels(Release, other.Release);
    }

    private static int CompareLabels(string a, string b)
    {
        var left = a.Split('.');
        var right = b.Split('.');
        for (var i = 0; i < Math.Min(left.Length, right.Length); i++)
        {
            var leftNumeric = int.TryParse(left[i], out var l);
            var rightNumeric = int.TryParse(right[i], out var r);
            var c = leftNumeric && rightNumeric ? l.CompareTo(r)
                : leftNumeric ? -1
                : rightNumeric ? 1
                : string.Compare(left[i], right[i], StringComparison.OrdinalIgnoreCase);
            if (c != 0)
            {
                return c;
            }
        }

        return left.Length.CompareTo(right.Length);
    }

    public bool Equals(PackageVersion? other) => other is not null && CompareTo(other) == 0;

    public override bool Equals(object? obj) => Equals(obj as PackageVersion);

    public override int GetHashCode()
    {
        var hash = 17;
        foreach (var part in _parts)
        {
            hash = (hash * 31) + part;
        }

        return (hash * 31) + StringComparer.OrdinalIgnoreCase.GetHashCode(Release);
    }

    public override string ToString() => Text;

    public static IComparer<PackageVersion> Comparer { get; } = Comparer<PackageVersion>.Default;
}
