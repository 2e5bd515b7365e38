using System;
using System.Collections.Generic;

namespace CodeLeakGuard.Packages;

/// <summary>A package or project in one framework's restore graph, with the ids it depends on.</summary>
public sealed class PackageNode
{
    public PackageNode(string id, string version, bool isProject, IReadOnlyList<string> dependencies)
    {
        Id = id;
        Version = version;
        IsProject = isProject;
        Dependencies = dependencies;
    }

    public string Id { get; }

    public string Version { get; }

    public bool IsProject { get; }

    public IReadOnlyList<string> Dependencies { get; }

    public override string ToString() => IsProject ? $"'{Id}'" : $"'{Id}' {Version}";
}

/// <summary>The resolved graph of one target framework (and runtime, when the project has one).</summary>
public sealed class FrameworkGraph
{
    public FrameworkGraph(string name, IReadOnlyDictionary<string, PackageNode> nodes, IReadOnlyList<string> directDependencies)
    {
        Name = name;
        Nodes = nodes;
        DirectDependencies = directDependencies;
    }

    /// <summary>The framework alias as the project writes it (<c>net8.0</c>), with <c>/rid</c> for runtime graphs.</summary>
    public string Name { get; }

    /// <summary>Nodes by id, case-insensitive as NuGet ids are.</summary>
    public IReadOnlyDictionary<string, PackageNode> Nodes { get; }

    /// <summary>What the project itself references in this framework: packages and projects.</summary>
    public IReadOnlyList<string> DirectDependencies { get; }
}

/// <summary>A project's whole restore graph: one <see cref="FrameworkGraph"/> per target framework and runtime.</summary>
public sealed class PackageGraph
{
    public PackageGraph(string projectName, string? projectPath, IReadOnlyList<FrameworkGraph> frameworks)
    {
        ProjectName = projectName;
        ProjectPath = projectPath;
        Frameworks = frameworks;
    }

    public string ProjectName { get; }

    public string? ProjectPath { get; }

    public IReadOnlyList<FrameworkGraph> Frameworks { get; }

    public static IEqualityComparer<string> IdComparer => StringComparer.OrdinalIgnoreCase;
}
