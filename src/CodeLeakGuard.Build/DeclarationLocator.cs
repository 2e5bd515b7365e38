using System;
using System.Collections.Generic;
using System.Linq;
using CodeLeakGuard.Packages;
using Microsoft.Build.Framework;

namespace CodeLeakGuard.Build;

/// <summary>
/// Finds the line that declares a top-level reference: the <c>PackageReference</c> (or <c>GlobalPackageReference</c>,
/// or under central package management the <c>PackageVersion</c>) or <c>ProjectReference</c>, in whichever project or
/// props file defined the item, so the error is clickable. Falls back to the project file itself.
/// </summary>
internal sealed class DeclarationLocator
{
    private readonly ITaskItem[] _items;
    private readonly string _projectFile;
    private readonly Dictionary<string, IReadOnlyList<PackageDeclaration>> _files = new(StringComparer.OrdinalIgnoreCase);

    public DeclarationLocator(ITaskItem[] items, string projectFile)
    {
        _items = items;
        _projectFile = projectFile;
    }

    public (string File, int Line, int Column) Locate(PackageNode topLevel)
    {
        var elementOrder = topLevel.IsProject
            ? new[] { "ProjectReference" }
            : new[] { "PackageReference", "GlobalPackageReference", "PackageVersion" };
        var candidates = _items
            .Where(i => Matches(i, topLevel))
            .Select(i => i.GetMetadata("DefiningProjectFullPath"))
            .Where(f => f.Length > 0)
            .Prepend(_projectFile)
            .Distinct(StringComparer.OrdinalIgnoreCase);

        foreach (var elementName in elementOrder)
        {
            foreach (var file in candidates)
            {
                var declaration = PackageDeclarations.Find(Declarations(file), topLevel.Id, elementName);
                if (declaration is not null)
                {
                    return (declaration.File, declaration.Line, declaration.Column);
                }
            }
        }

        return (_projectFile, 0, 0);
    }

    private static bool Matches(ITaskItem item, PackageNode node)
    {
        var include = item.ItemSpec;
        var name = node.IsProject ? System.IO.Path.GetFileNameWithoutExtension(include.Replace('\\', '/')) : include;
        return string.Equals(name, node.Id, StringComparison.OrdinalIgnoreCase);
    }

    private IReadOnlyList<PackageDeclaration> Declarations(string file)
    {
        if (!_files.TryGetValue(file, out var declarations))
        {
            _files[file] = declarations = PackageDeclarations.Read(file);
        }

        return declarations;
    }
}
