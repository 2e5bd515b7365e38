using System;
using System.Collections.Generic;
using System.IO;

namespace CodeLeakGuard.Masking.Identifiers;

[Flags]
internal enum FrameworkNameKind : byte
{
    None = 0,
    Type = 1,
    Member = 2,
    Namespace = 4,
    Parameter = 8,
}

/// <summary>
/// The public names of .NET, ASP.NET Core and a few ubiquitous libraries (generated into FrameworkNames.txt by
/// tools/FrameworkNames, plus the hand-curated WellKnownLibraryNames.txt). Without a compilation these are the names
/// the masker keeps: they identify no company, and the model needs them to understand the code.
/// </summary>
internal static class FrameworkNames
{
    private static readonly Lazy<CompactNameTable> Table = new(Load);

    public static FrameworkNameKind Lookup(string name) => Table.Value.TryGetValue(name, out var kind) ? (FrameworkNameKind)kind : FrameworkNameKind.None;

    public static int Count => Table.Value.Count;

    private static CompactNameTable Load()
    {
        var table = new Dictionary<string, byte>(40_000, StringComparer.Ordinal);
        Read("CodeLeakGuard.Masking.FrameworkNames.txt", table);
        Read("CodeLeakGuard.Masking.WellKnownLibraryNames.txt", table);
        return new CompactNameTable(table);
    }

    private static void Read(string resource, Dictionary<string, byte> table)
    {
        using var stream = typeof(FrameworkNames).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"embedded resource {resource} is missing");
        using var reader = new StreamReader(stream);
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            var tab = line.IndexOf('\t');
            if (line.Length == 0 || line[0] == '#' || tab <= 0)
            {
                continue;
            }

            byte kind = 0;
            for (var i = tab + 1; i < line.Length; i++)
            {
                kind |= (byte)(line[i] switch
                {
                    'T' => FrameworkNameKind.Type,
                    'M' => FrameworkNameKind.Member,
                    'N' => FrameworkNameKind.Namespace,
                    'P' => FrameworkNameKind.Parameter,
                    _ => FrameworkNameKind.None,
                });
            }

            var name = line.Substring(0, tab);
            table[name] = table.TryGetValue(name, out var existing) ? (byte)(existing | kind) : kind;
        }
    }
}
