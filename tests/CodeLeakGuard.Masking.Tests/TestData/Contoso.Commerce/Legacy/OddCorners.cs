using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;

namespace Contoso.Commerce.Legacy;

/// <summary>Language corners the old code base used and the new one still has to read.</summary>
public sealed partial class WarehouseBin : IComparable<WarehouseBin>, IEnumerable<string>
{
    private readonly List<string> @event = new();
    private readonly string _größe;

    public WarehouseBin(string aisle, int shelf, string größe = "M")
    {
        Aisle = aisle;
        Shelf = shelf;
        _größe = größe;
    }

    public string Aisle { get; }

    public int Shelf { get; }

    public string this[int index] => @event[index];

    public string Größe => _größe;

    public void Store(params string[] skus) => @event.AddRange(skus);

    public (int Count, string? First) Describe() => (@event.Count, @event.FirstOrDefault());

    public int CompareTo(WarehouseBin? other) =>
        other is null ? 1 : (Aisle, Shelf).CompareTo((other.Aisle, other.Shelf));

    public IEnumerator<string> GetEnumerator() => @event.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public static bool operator <(WarehouseBin left, WarehouseBin right) => left.CompareTo(right) < 0;

    public static bool operator >(WarehouseBin left, WarehouseBin right) => left.CompareTo(right) > 0;

    public override string ToString() => $@"{Aisle}\{Shelf:D2}";
}

public sealed partial class WarehouseBin
{
    public static WarehouseBin Parse(string code)
    {
        var (aisle, shelf) = Split(code);
        return new WarehouseBin(aisle, shelf);

        static (string, int) Split(string value)
        {
            var separator = value.IndexOf('\\');
            return separator < 0
                ? throw new FormatException($"'{value}' is not a bin code such as A\\07.")
                : (value[..separator], int.Parse(value[(separator + 1)..], System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    public static IEnumerable<WarehouseBin> Range(string aisle, int from, int to)
    {
        for (var shelf = from; shelf <= to; shelf++)
        {
            yield return new WarehouseBin(aisle, shelf);
        }
    }

    public int Checksum()
    {
        Span<byte> buffer = stackalloc byte[16];
        var written = System.Text.Encoding.ASCII.GetBytes(Aisle.AsSpan(0, Math.Min(Aisle.Length, 16)), buffer);
        var sum = 0;
        foreach (var b in buffer[..written])
        {
            sum = unchecked(sum * 31 + b);
        }

        return sum ^ Shelf;
    }

    public object Classify() => this switch
    {
        { Shelf: < 0 } => throw new InvalidOperationException(),
        { Aisle: "X" or "Y", Shelf: var s } when s > 10 => "overflow",
        { @event.Count: 0 } => 'E',
        _ => 42,
    };
}
