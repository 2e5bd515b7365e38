using System.Reflection;
using System.Reflection.Metadata;
using System.Text;
using ICSharpCode.Decompiler;
using ICSharpCode.Decompiler.CSharp;
using ICSharpCode.Decompiler.Metadata;
using DecompilerModule = ICSharpCode.Decompiler.Metadata.PEFile;

namespace CodeLeakGuard.Benchmarks;

/// <summary>
/// The benchmark's source code: real C#, obtained by decompiling a real library (one C# file per top-level type, as
/// a project on disk would have it) into a folder under the benchmark's obj/. Decompiled once and cached: the
/// folder is keyed by the assembly's MVID and the decompiler's version, so a new runtime or package decompiles again.
/// </summary>
internal sealed class Corpus
{
    private const string CompleteMarker = ".complete";

    private Corpus(string directory, string assemblyName, IReadOnlyList<string> files)
    {
        Directory = directory;
        AssemblyName = assemblyName;
        Files = files;
    }

    /// <summary>ICSharpCode.Decompiler (a large, real, single-assembly library: ~4.9 MB of C# in ~900 files).</summary>
    public static string DefaultAssemblyPath => typeof(CSharpDecompiler).Assembly.Location;

    public string Directory { get; }

    /// <summary>Name of the decompiled assembly (the compilation is given the same name).</summary>
    public string AssemblyName { get; }

    public IReadOnlyList<string> Files { get; }

    /// <param name="documentation">
    /// The assembly's XML documentation file: given, the decompiled code carries its authors' documentation comments
    /// (a separate cache); otherwise it has no comments at all.
    /// </param>
    public static Corpus EnsureDecompiled(string assemblyPath, TextWriter log, string? documentation = null)
    {
        var directory = CacheDirectoryFor(assemblyPath) + (documentation is null ? "" : "-documented");
        var assemblyName = Path.GetFileNameWithoutExtension(assemblyPath);
        if (!File.Exists(Path.Combine(directory, CompleteMarker)))
        {
            Decompile(assemblyPath, directory, log, documentation);
        }

        var files = System.IO.Directory.GetFiles(directory, "*.cs", SearchOption.AllDirectories);
        Array.Sort(files, StringComparer.Ordinal);
        return new Corpus(directory, assemblyName, files);
    }

    private static string CacheDirectoryFor(string assemblyPath)
    {
        Guid mvid;
        using (var module = new DecompilerModule(assemblyPath))
        {
            mvid = module.Metadata.GetGuid(module.Metadata.GetModuleDefinition().Mvid);
        }

        var decompilerVersion = typeof(CSharpDecompiler).Assembly.GetName().Version;
        var root = typeof(Corpus).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "CorpusCacheDirectory")?.Value;
        if (string.IsNullOrEmpty(root))
        {
            root = Path.Combine(Path.GetTempPath(), "CodeLeakGuard.Benchmarks", "corpus");
        }

        return Path.Combine(root, $"{Path.GetFileNameWithoutExtension(assemblyPath)}-{mvid:N}-ilspy{decompilerVersion}");
    }

    /// <summary>ICSharpCode.Decompiler's own XML documentation, from its package (set by the project file).</summary>
    public static string DefaultDocumentationPath => typeof(Corpus).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .FirstOrDefault(a => a.Key == "DecompilerDocumentation")?.Value is { Length: > 0 } path && File.Exists(path)
        ? path
        : throw new FileNotFoundException("the decompiler's XML documentation was not found; restore the benchmark project");

    private static void Decompile(string assemblyPath, string directory, TextWriter log, string? documentation)
    {
        log.WriteLine($"Decompiling {assemblyPath} to {directory} (one-time, cached) ...");
        var started = System.Diagnostics.Stopwatch.StartNew();
        if (System.IO.Directory.Exists(directory))
        {
            System.IO.Directory.Delete(directory, recursive: true);
        }

        System.IO.Directory.CreateDirectory(directory);
        using var module = new DecompilerModule(assemblyPath);
        var resolver = new UniversalAssemblyResolver(assemblyPath, throwOnError: false, module.DetectTargetFrameworkId());
        var settings = new DecompilerSettings(LanguageVersion.Latest) { ThrowOnAssemblyResolveErrors = false };
        var decompiler = new CSharpDecompiler(module, resolver, settings);
        if (documentation is not null)
        {
            decompiler.DocumentationProvider = new ICSharpCode.Decompiler.Documentation.XmlDocumentationProvider(documentation);
        }

        var metadata = module.Metadata;
        var written = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var count = 0;
        foreach (var handle in metadata.TypeDefinitions)
        {
            var type = metadata.GetTypeDefinition(handle);
            if (!type.GetDeclaringType().IsNil || CSharpDecompiler.MemberIsHidden(module, handle, settings))
            {
                continue;
            }

            var name = metadata.GetString(type.Name);
            if (name == "<Module>")
            {
                continue;
            }

            var ns = metadata.GetString(type.Namespace);
            var relative = Path.Combine(ns.Split('.', StringSplitOptions.RemoveEmptyEntries).Select(Sanitize).Append(Sanitize(name)).ToArray());
            var path = Path.Combine(directory, relative + ".cs");
            for (var i = 2; !written.Add(path); i++)
            {
                path = Path.Combine(directory, relative + "." + i + ".cs");
            }

            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, decompiler.DecompileTypesAsString(new[] { handle }), Encoding.UTF8);
            count++;
        }

        File.WriteAllText(Path.Combine(directory, CompleteMarker), $"{count} files from {assemblyPath}\n");
        log.WriteLine($"Decompiled {count} types in {started.Elapsed.TotalSeconds:F1} s.");
    }

    private static string Sanitize(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            builder.Append(char.IsLetterOrDigit(c) || c is '_' or '.' ? c : '-');
        }

        return builder.ToString();
    }
}
