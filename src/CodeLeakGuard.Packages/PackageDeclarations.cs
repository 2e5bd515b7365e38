using System;
using System.Collections.Generic;
using System.IO;
using System.Xml;

namespace CodeLeakGuard.Packages;

/// <summary>Where a project or props file declares a package: the element, its id and version, and its line.</summary>
public sealed class PackageDeclaration
{
    public PackageDeclaration(string elementName, string id, string? version, string file, int line, int column)
        : this(elementName, id, version, file, line, column, isUpdate: false)
    {
    }

    public PackageDeclaration(string elementName, string id, string? version, string file, int line, int column, bool isUpdate)
    {
        ElementName = elementName;
        IsUpdate = isUpdate;
        Id = id;
        Version = version;
        File = file;
        Line = line;
        Column = column;
    }

    /// <summary><c>PackageReference</c>, <c>PackageVersion</c>, <c>GlobalPackageReference</c> or <c>ProjectReference</c>.</summary>
    public string ElementName { get; }

    public string Id { get; }

    public string? Version { get; }

    public string File { get; }

    public int Line { get; }

    public int Column { get; }

    /// <summary>Written with <c>Update=</c> rather than <c>Include=</c>: it changes an item declared elsewhere, adds none.</summary>
    public bool IsUpdate { get; }
}

/// <summary>
/// Reads the package declarations of an MSBuild file with line information, so errors point at the line to change
/// (and so the CLI can judge packages before any restore). Properties in versions are left as written.
/// </summary>
public static class PackageDeclarations
{
    private static readonly HashSet<string> Elements = new(StringComparer.Ordinal)
    {
        "PackageReference", "PackageVersion", "GlobalPackageReference", "ProjectReference",
    };

    /// <summary>Every declaration in <paramref name="file"/>; a file that is not well-formed yields what precedes the fault.</summary>
    public static IReadOnlyList<PackageDeclaration> Read(string file)
    {
        var found = new List<PackageDeclaration>();
        try
        {
            using var reader = XmlReader.Create(file, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true });
            var lineInfo = (IXmlLineInfo)reader;
            while (reader.Read())
            {
                if (reader.NodeType != XmlNodeType.Element || !Elements.Contains(reader.LocalName))
                {
                    continue;
                }

                var name = reader.LocalName;
                var include = reader.GetAttribute("Include");
                var id = include ?? reader.GetAttribute("Update");
                var version = reader.GetAttribute("Version") ?? reader.GetAttribute("VersionOverride");
                var (line, column) = (lineInfo.LineNumber, lineInfo.LinePosition);
                if (version is null && !reader.IsEmptyElement)
                {
                    version = ReadVersionChild(reader, name);
                }

                if (string.IsNullOrWhiteSpace(id))
                {
                    continue;
                }

                foreach (var single in id!.Split(new[] { ';' }, StringSplitOptions.RemoveEmptyEntries))
                {
                    var trimmed = single.Trim();
                    var declared = name == "ProjectReference" ? Path.GetFileNameWithoutExtension(trimmed.Replace('\\', '/')) : trimmed;
                    found.Add(new PackageDeclaration(name, declared, version?.Trim(), file, line, Math.Max(1, column - 1), isUpdate: include is null));
                }
            }
        }
        catch (XmlException)
        {
            // Keep what was read; MSBuild itself reports the malformed file.
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }

        return found;
    }

    private static string? ReadVersionChild(XmlReader reader, string elementName)
    {
        var depth = reader.Depth;
        while (reader.Read() && !(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth && reader.LocalName == elementName))
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName is "Version" or "VersionOverride")
            {
                return reader.ReadElementContentAsString();
            }
        }

        return null;
    }

    /// <summary>The first declaration of <paramref name="id"/> among <paramref name="elementNames"/> in the file.</summary>
    public static PackageDeclaration? Find(IReadOnlyList<PackageDeclaration> declarations, string id, params string[] elementNames)
    {
        foreach (var elementName in elementNames)
        {
            foreach (var declaration in declarations)
            {
                if (declaration.ElementName == elementName && string.Equals(declaration.Id, id, StringComparison.OrdinalIgnoreCase))
                {
                    return declaration;
                }
            }
        }

        return null;
    }
}
