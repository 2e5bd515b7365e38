using System;
using System.Linq;
using CodeLeakGuard.Packages;
using Microsoft.Build.Framework;

namespace CodeLeakGuard.Build;

/// <summary>
/// Finds the line that declares a top-level reference: the <c>PackageReference</c> (or <c>GlobalPackageReference</c>,
/// or under central package management the <c>PackageVersion</c>) or <c>ProjectReference</c>, in whichever project or
/// props file defined the item, so the error is clickable. Falls back to the project file itself. The search itself is
/// <see cref="DeclarationFinder"/>; this class only turns the MSBuild items into the files to search.
/// </summary>
internal sealed class DeclarationLocator
{
    private readonly ITaskItem[] _items;
    private readonly string _projectFile;
    private readonly DeclarationFinder _finder = new();

    public DeclarationLocator(ITaskItem[] items, string projectFile)
    {
        _items = items;
        _projectFile = projectFile;
    }

    public (string File, int Line, int Column) Locate(PackageNode topLevel)
    {
        var candidates = _items
            .Where(i => Matches(i, topLevel))
            .Select(i => i.GetMetadata("DefiningProjectFullPath"))
            .Where(f => f.Length > 0)
            .Prepend(_projectFile)
            .Distinct(StringComparer.OrdinalIgnoreCase);

        var declaration = _finder.Find(topLevel, candidates);
        return declaration is null ? (_projectFile, 0, 0) : (declaration.File, declaration.Line, declaration.Column);
    }

    private static bool Matches(ITaskItem item, PackageNode node)
    {
        var include = item.ItemSpec;
        var name = node.IsProject ? System.IO.Path.GetFileNameWithoutExtension(include.Replace('\\', '/')) : include;
        return string.Equals(name, node.Id, StringComparison.OrdinalIgnoreCase);
    }
}
