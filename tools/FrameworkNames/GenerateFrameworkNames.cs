// Regenerates src/CodeLeakGuard.Masking/Identifiers/FrameworkNames.txt: the public type, member, namespace and
// parameter names of the .NET and ASP.NET Core reference packs (and a few ubiquitous NuGet libraries if they are in
// the local package cache). The masker keeps these names without a compilation: they identify no company.
//
//   dotnet run tools/FrameworkNames/GenerateFrameworkNames.cs     (from the repository root)
//
// Attribute types are also listed without their Attribute suffix, as they are written in code.
// Output: one "Name<TAB>flags" line per name, sorted ordinally; flags: T type, M member, N namespace segment, P parameter.
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

var root = Directory.GetCurrentDirectory();
var output = Path.Combine(root, "src", "CodeLeakGuard.Masking", "Identifiers", "FrameworkNames.txt");
var dotnetRoot = Path.GetFullPath(Path.Combine(System.Runtime.InteropServices.RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));
var directories = new List<string>();
foreach (var pack in new[] { "Microsoft.NETCore.App.Ref", "Microsoft.AspNetCore.App.Ref" })
{
    var packDirectory = Path.Combine(dotnetRoot, "packs", pack);
    var latest = Directory.Exists(packDirectory) ? Directory.GetDirectories(packDirectory).OrderBy(d => Version.TryParse(Path.GetFileName(d), out var v) ? v : new Version()).LastOrDefault() : null;
    var refDirectory = latest is null ? null : Directory.GetDirectories(Path.Combine(latest, "ref")).OrderBy(d => d).LastOrDefault();
    if (refDirectory is null)
    {
        Console.Error.WriteLine($"reference pack {pack} not found under {dotnetRoot}/packs");
        return 1;
    }

    directories.Add(refDirectory);
}

var nugetRoot = Environment.GetEnvironmentVariable("NUGET_PACKAGES") ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
foreach (var package in new[] { "xunit.assert", "xunit.extensibility.core", "xunit.abstractions", "newtonsoft.json" })
{
    var packageDirectory = Path.Combine(nugetRoot, package);
    var lib = Directory.Exists(packageDirectory)
        ? Directory.GetDirectories(packageDirectory).OrderBy(d => d, StringComparer.Ordinal).Select(d => Path.Combine(d, "lib")).LastOrDefault(Directory.Exists)
        : null;
    var framework = lib is null ? null : Directory.GetDirectories(lib).OrderBy(d => d.Contains("netstandard") ? 0 : 1).ThenByDescending(d => d, StringComparer.Ordinal).FirstOrDefault();
    if (framework is not null)
    {
        directories.Add(framework);
    }
}

var flags = new SortedDictionary<string, HashSet<char>>(StringComparer.Ordinal);
void Add(string name, char flag)
{
    var tick = name.IndexOf('`');
    name = tick >= 0 ? name[..tick] : name;
    var dot = name.LastIndexOf('.');
    name = dot >= 0 ? name[(dot + 1)..] : name;
    if (name.Length == 0 || !(char.IsLetter(name[0]) || name[0] == '_') || !name.All(c => char.IsLetterOrDigit(c) || c == '_'))
    {
        return;
    }

    if (!flags.TryGetValue(name, out var set))
    {
        flags[name] = set = new HashSet<char>();
    }

    set.Add(flag);
}

static bool Visible(TypeAttributes a) => (a & TypeAttributes.VisibilityMask) is TypeAttributes.Public or TypeAttributes.NestedPublic or TypeAttributes.NestedFamily or TypeAttributes.NestedFamORAssem;

foreach (var file in directories.SelectMany(d => Directory.GetFiles(d, "*.dll")).OrderBy(f => f, StringComparer.Ordinal))
{
    using var pe = new PEReader(File.OpenRead(file));
    if (!pe.HasMetadata)
    {
        continue;
    }

    var md = pe.GetMetadataReader();
    foreach (var handle in md.TypeDefinitions)
    {
        var type = md.GetTypeDefinition(handle);
        if (!Visible(type.Attributes))
        {
            continue;
        }

        var typeName = md.GetString(type.Name);
        Add(typeName, 'T');
        if (typeName.EndsWith("Attribute", StringComparison.Ordinal) && typeName.Length > "Attribute".Length)
        {
            Add(typeName[..^"Attribute".Length], 'T'); // [Fact], [Obsolete]: how attributes are written
        }

        foreach (var segment in md.GetString(type.Namespace).Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            Add(segment, 'N');
        }

        foreach (var g in type.GetGenericParameters())
        {
            Add(md.GetString(md.GetGenericParameter(g).Name), 'T');
        }

        foreach (var m in type.GetMethods())
        {
            var method = md.GetMethodDefinition(m);
            if ((method.Attributes & MethodAttributes.MemberAccessMask) is not (MethodAttributes.Public or MethodAttributes.Family or MethodAttributes.FamORAssem))
            {
                continue;
            }

            var name = md.GetString(method.Name);
            var accessor = (method.Attributes & MethodAttributes.SpecialName) != 0 && (name.StartsWith("get_") || name.StartsWith("set_") || name.StartsWith("add_") || name.StartsWith("remove_") || name.StartsWith("op_"));
            if (!accessor && !name.StartsWith('.'))
            {
                Add(name, 'M');
            }

            foreach (var p in method.GetParameters())
            {
                var parameter = md.GetParameter(p);
                if (!parameter.Name.IsNil)
                {
                    Add(md.GetString(parameter.Name), 'P');
                }
            }

            foreach (var g in method.GetGenericParameters())
            {
                Add(md.GetString(md.GetGenericParameter(g).Name), 'T');
            }
        }

        foreach (var p in type.GetProperties())
        {
            Add(md.GetString(md.GetPropertyDefinition(p).Name), 'M');
        }

        foreach (var e in type.GetEvents())
        {
            Add(md.GetString(md.GetEventDefinition(e).Name), 'M');
        }

        foreach (var f in type.GetFields())
        {
            var field = md.GetFieldDefinition(f);
            if ((field.Attributes & FieldAttributes.FieldAccessMask) is FieldAttributes.Public or FieldAttributes.Family or FieldAttributes.FamORAssem)
            {
                Add(md.GetString(field.Name), 'M');
            }
        }
    }
}

using (var writer = new StreamWriter(output, append: false, new System.Text.UTF8Encoding(false)) { NewLine = "\n" })
{
    foreach (var (name, set) in flags)
    {
        writer.WriteLine(name + "\t" + new string("TMNP".Where(set.Contains).ToArray()));
    }
}

Console.WriteLine($"{flags.Count} names from {directories.Count} directories written to {output}");
return 0;
