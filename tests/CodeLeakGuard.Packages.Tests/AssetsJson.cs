using System.Text.Json.Nodes;

namespace CodeLeakGuard.Packages.Tests;

/// <summary>Builds project.assets.json documents in NuGet's format (version 3) for tests.</summary>
internal sealed class AssetsJson
{
    private readonly JsonObject _targets = new();
    private readonly JsonObject _frameworks = new();
    private readonly JsonObject _restoreFrameworks = new();

    public AssetsJson(string projectName = "App") => ProjectName = projectName;

    public string ProjectName { get; }

    /// <summary>Adds a framework with the project's direct package references.</summary>
    public AssetsJson Framework(string alias, params string[] directPackages)
    {
        _targets[alias] = new JsonObject();
        var dependencies = new JsonObject();
        foreach (var id in directPackages)
        {
            dependencies[id] = new JsonObject { ["target"] = "Package", ["version"] = "[1.0.0, )" };
        }

        _frameworks[alias] = new JsonObject { ["targetAlias"] = alias, ["dependencies"] = dependencies };
        _restoreFrameworks[alias] = new JsonObject { ["targetAlias"] = alias, ["projectReferences"] = new JsonObject() };
        return this;
    }

    public AssetsJson ProjectReference(string alias, string projectPath)
    {
        ((JsonObject)_restoreFrameworks[alias]!["projectReferences"]!)[projectPath] = new JsonObject { ["projectPath"] = projectPath };
        return this;
    }

    public AssetsJson Package(string alias, string id, string version, params string[] dependencies) => Library(alias, id, version, "package", dependencies);

    public AssetsJson Project(string alias, string id, params string[] dependencies) => Library(alias, id, "1.0.0", "project", dependencies);

    private AssetsJson Library(string alias, string id, string version, string type, string[] dependencies)
    {
        var deps = new JsonObject();
        foreach (var dependency in dependencies)
        {
            deps[dependency] = "1.0.0";
        }

        ((JsonObject)_targets[alias]!)[$"{id}/{version}"] = new JsonObject { ["type"] = type, ["dependencies"] = deps };
        return this;
    }

    public string ToJson() => new JsonObject
    {
        ["version"] = 3,
        ["targets"] = _targets.DeepClone(),
        ["libraries"] = new JsonObject(),
        ["project"] = new JsonObject
        {
            ["version"] = "1.0.0",
            ["restore"] = new JsonObject { ["projectName"] = ProjectName, ["projectPath"] = $"/src/{ProjectName}/{ProjectName}.csproj", ["frameworks"] = _restoreFrameworks.DeepClone() },
            ["frameworks"] = _frameworks.DeepClone(),
        },
    }.ToJsonString();

    public PackageGraph Read()
    {
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(ToJson()));
        return AssetsFileReader.Read(stream, "obj/project.assets.json");
    }
}
