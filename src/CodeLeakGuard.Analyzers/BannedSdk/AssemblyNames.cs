using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Reflection.Metadata;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace CodeLeakGuard.Analyzers.BannedSdk;

/// <summary>
/// The simple names code can reach one assembly by (its namespaces, visible types and their members' names) and the
/// namespaces it declares public types in. Read from the assembly's metadata tables, not from Roslyn symbols: walking
/// OpenAI's and Anthropic's thousands of types as symbols created a symbol per type in every compilation (about 16 MB,
/// most of what the usage rule cost a build that references them), since a command-line build shares no symbols
/// with another compilation. The names are a pre-filter (a name in the set is bound, then judged), so a few
/// non-public member names in it only mean a few more identifiers bound.
/// </summary>
internal sealed partial class AssemblyNames
{
    // Metadata is held by its reference, which the compiler server and the IDE keep across compilations.
    private static readonly ConditionalWeakTable<ModuleMetadata, AssemblyNames> ByModule = new();

    // A referenced project's assembly symbol lives until that project changes: the IDE's next compilations reuse it.
    private static readonly ConditionalWeakTable<IAssemblySymbol, AssemblyNames> BySymbols = new();

    private static readonly string[] ObjectMembers =
    {
        "ToString", "Equals", "GetHashCode", "GetType", "Finalize", "MemberwiseClone", "ReferenceEquals",
    };

    private AssemblyNames(HashSet<string> names, HashSet<string> publicNamespaces)
    {
        Names = names;
        PublicNamespaces = publicNamespaces;
    }

    /// <summary>Namespace segments, visible type names (and attribute short names), member names of visible types.</summary>
    public HashSet<string> Names { get; }

    /// <summary>Dotted names of the namespaces that declare a public top-level type.</summary>
    public HashSet<string> PublicNamespaces { get; }

    /// <summary>The names of a referenced assembly: from its metadata, or from its symbols when it has none (a project reference in the IDE).</summary>
    public static AssemblyNames For(Compilation compilation, IAssemblySymbol assembly) =>
        TryRead(compilation, assembly) ?? BySymbols.GetValue(assembly, FromSymbols);

    internal static AssemblyNames? TryRead(Compilation compilation, IAssemblySymbol assembly)
    {
        if (compilation.GetMetadataReference(assembly) is not PortableExecutableReference reference)
        {
            return null;
        }

        try
        {
            var modules = reference.GetMetadata() switch
            {
                AssemblyMetadata a => a.GetModules(),
                ModuleMetadata m => System.Collections.Immutable.ImmutableArray.Create(m),
                _ => default,
            };
            if (modules.IsDefaultOrEmpty)
            {
                return null;
            }

            return modules.Length == 1 ? ByModule.GetValue(modules[0], Read) : Union(modules.Select(m => ByModule.GetValue(m, Read)));
        }
        catch (Exception ex) when (ex is BadImageFormatException or System.IO.IOException or ObjectDisposedException)
        {
            return null; // metadata the host has unloaded or cannot read again: the symbols still answer
        }
    }

    /// <summary>The names of several assemblies (or modules) together, in new sets the caller may add to (the parts are cached).</summary>
    public static AssemblyNames Union(IEnumerable<AssemblyNames> parts)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var namespaces = new HashSet<string>(StringComparer.Ordinal);
        foreach (var part in parts)
        {
            names.UnionWith(part.Names);
            namespaces.UnionWith(part.PublicNamespaces);
        }

        return new AssemblyNames(names, namespaces);
    }

    private static AssemblyNames Read(ModuleMetadata module)
    {
        var reader = module.GetMetadataReader();
        var names = new HashSet<string>(StringComparer.Ordinal);
        var namespaces = new HashSet<string>(StringComparer.Ordinal);
        AddNamespaceSegments(reader, reader.GetNamespaceDefinitionRoot(), names);
        foreach (var handle in reader.TypeDefinitions)
        {
            var type = reader.GetTypeDefinition(handle);
            if (type.GetDeclaringType().IsNil && IsVisible(type.Attributes))
            {
                if ((type.Attributes & TypeAttributes.VisibilityMask) == TypeAttributes.Public && !type.Namespace.IsNil)
                {
                    namespaces.Add(reader.GetString(type.Namespace));
                }

                AddType(reader, type, names);
            }
        }

        return new AssemblyNames(names, namespaces);
    }

    private static void AddNamespaceSegments(MetadataReader reader, NamespaceDefinition ns, HashSet<string> names)
    {
        foreach (var child in ns.NamespaceDefinitions)
        {
            var definition = reader.GetNamespaceDefinition(child);
            names.Add(reader.GetString(definition.Name));
            AddNamespaceSegments(reader, definition, names);
        }
    }

    /// <summary>A visible type's name, its members' names and its visible nested types, recursively.</summary>
    private static void AddType(MetadataReader reader, TypeDefinition type, HashSet<string> names)
    {
        var name = WithoutArity(reader.GetString(type.Name));
        if (name.IndexOf('<') >= 0)
        {
            return; // compiler-generated
        }

        AddTypeName(name, names);
        foreach (var method in type.GetMethods())
        {
            var definition = reader.GetMethodDefinition(method);
            if ((definition.Attributes & MethodAttributes.SpecialName) == 0)
            {
                AddMember(reader.GetString(definition.Name), names);
            }
        }

        foreach (var property in type.GetProperties())
        {
            AddMember(reader.GetString(reader.GetPropertyDefinition(property).Name), names);
        }

        foreach (var field in type.GetFields())
        {
            AddMember(reader.GetString(reader.GetFieldDefinition(field).Name), names);
        }

        foreach (var @event in type.GetEvents())
        {
            AddMember(reader.GetString(reader.GetEventDefinition(@event).Name), names);
        }

        foreach (var nested in type.GetNestedTypes())
        {
            var definition = reader.GetTypeDefinition(nested);
            if (IsVisible(definition.Attributes))
            {
                AddType(reader, definition, names);
            }
        }
    }

    private static void AddTypeName(string name, HashSet<string> names)
    {
        names.Add(name);
        if (name.EndsWith("Attribute", StringComparison.Ordinal) && name.Length > "Attribute".Length)
        {
            names.Add(name.Substring(0, name.Length - "Attribute".Length));
        }
    }

    /// <summary>
    /// Explicit implementations ("System.IDisposable.Dispose"), accessors, operators and compiler names cannot be written
    /// as a simple name; object's members on a banned type are judged where the type is written, not per call.
    /// </summary>
    private static void AddMember(string name, HashSet<string> names)
    {
        if (name.Length > 0 && name.IndexOfAny(NotInSimpleNames) < 0 && Array.IndexOf(ObjectMembers, name) < 0)
        {
            names.Add(name);
        }
    }

    private static readonly char[] NotInSimpleNames = { '.', '<', '>', '$' };

    private static string WithoutArity(string name)
    {
        var tick = name.IndexOf('`');
        return tick > 0 ? name.Substring(0, tick) : name;
    }

    private static bool IsVisible(TypeAttributes attributes) => (attributes & TypeAttributes.VisibilityMask) switch
    {
        TypeAttributes.Public or TypeAttributes.NestedPublic or TypeAttributes.NestedFamily or TypeAttributes.NestedFamORAssem => true,
        _ => false,
    };
}
