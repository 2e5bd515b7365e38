using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using CodeLeakGuard.Secrets;

namespace CodeLeakGuard.Masking.Text;

/// <summary>
/// Secret scans of the regions a text will be masked in, made ahead (while lexing, on any thread): scanning depends
/// on nothing but the region's text and the scanner, so <see cref="RegionMasker"/> can take the result instead of
/// scanning on the masking thread. A region is identified by its source string (the same instance) and bounds; a
/// region nobody scanned ahead is scanned when it is masked, as always.
/// </summary>
internal sealed class PrescannedSecrets
{
    private readonly Dictionary<(string Source, int Start, int End), IReadOnlyList<SecretMatch>> _scans = new(RegionComparer.Instance);

    public PrescannedSecrets(SecretScanner scanner) => Scanner = scanner;

    public SecretScanner Scanner { get; }

    /// <summary>What <see cref="RegionMasker"/> would find in <c>source[start..end)</c>.</summary>
    public static IReadOnlyList<SecretMatch> ScanRegion(SecretScanner scanner, string source, int start, int end) =>
        scanner.MightContainSecret(source, start, end - start) ? scanner.Scan(source, start, end - start) : Array.Empty<SecretMatch>();

    public void Add(string source, int start, int end)
    {
        if (end > start)
        {
            _scans[(source, start, end)] = ScanRegion(Scanner, source, start, end);
        }
    }

    /// <summary>Regions asked for and found, and asked for and not scanned ahead (read by tests: which regions are foreseen).</summary>
    public int Hits { get; private set; }

    public int Misses { get; private set; }

    /// <summary>The scan of <c>source[start..end)</c> if it was made ahead with <paramref name="scanner"/> (called by the masking thread only).</summary>
    public bool TryGet(SecretScanner scanner, string source, int start, int end, out IReadOnlyList<SecretMatch> matches)
    {
        matches = Array.Empty<SecretMatch>();
        if (ReferenceEquals(scanner, Scanner) && _scans.TryGetValue((source, start, end), out matches!))
        {
            Hits++;
            return true;
        }

        Misses++;
        return false;
    }

    // The same string instance, not equal text: bounds mean nothing in another string.
    private sealed class RegionComparer : IEqualityComparer<(string Source, int Start, int End)>
    {
        public static readonly RegionComparer Instance = new();

        public bool Equals((string Source, int Start, int End) x, (string Source, int Start, int End) y) =>
            ReferenceEquals(x.Source, y.Source) && x.Start == y.Start && x.End == y.End;

        public int GetHashCode((string Source, int Start, int End) region) =>
            unchecked((RuntimeHelpers.GetHashCode(region.Source) * 31 + region.Start) * 31 + region.End);
    }
}
