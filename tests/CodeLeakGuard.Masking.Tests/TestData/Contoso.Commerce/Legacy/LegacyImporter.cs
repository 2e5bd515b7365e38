using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;

namespace Contoso.Commerce.Legacy;

/// <summary>
/// Reads the fixed-width order export of the old mainframe shop ("ORDEXP01"). Kept until the last franchise moves
/// to the new API. Each record is 80 characters: type (2), customer number (8), SKU (12), quantity (6), price (10).
/// </summary>
public sealed class LegacyImporter : IDisposable
{
    private readonly TextReader _reader;
    private int _lineNumber;

    public LegacyImporter(TextReader reader) => _reader = reader;

    public List<string> Warnings { get; } = new();

    public IEnumerable<(string CustomerNumber, string Sku, int Quantity, decimal Price)> ReadRecords()
    {
        string? line;
        while ((line = _reader.ReadLine()) is not null)
        {
            _lineNumber++;
            if (line.Length < 38)
            {
                goto skip;
            }

            switch (line.Substring(0, 2))
            {
                case "OR":
                    break;
                case "TR":
                    yield break;
                default:
                    goto skip;
            }

            if (TryParse(line, out var record))
            {
                yield return record;
                continue;
            }

        skip:
            Warnings.Add($"line {_lineNumber}: skipped '{line?.Trim()}'");
        }
    }

    private static bool TryParse(string line, out (string CustomerNumber, string Sku, int Quantity, decimal Price) record)
    {
        static string Field(string text, int start, int length) => text.Substring(start, length).Trim();

        record = default;
        if (!int.TryParse(Field(line, 22, 6), NumberStyles.None, CultureInfo.InvariantCulture, out var quantity)
            || !decimal.TryParse(Field(line, 28, Math.Min(10, line.Length - 28)), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var cents))
        {
            return false;
        }

        record = (Field(line, 2, 8), Field(line, 10, 12), quantity, checked(cents / 100m));
        return true;
    }

#if false
    // The old importer also read the franchise table; the franchise server is gone.
    private static void ImportFranchises(string path)
    {
        var connection = "Server=franchise-db.corp;Uid=legacy;Pwd=Fr4nch1se!Pass";
        foreach (var franchise in FranchiseTable.Load(path))
        {
            FranchiseRepository.Upsert(franchise.Code, franchise.OwnerEmail);
        }
    }
#endif

    public void Dispose() => _reader.Dispose();
}
