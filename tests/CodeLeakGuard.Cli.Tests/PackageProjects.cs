using System.Text.Json;

namespace CodeLeakGuard.Cli.Tests;

/// <summary>
/// Project files and a restore graph for the package-check tests: the project file as a developer writes it, and the
/// <c>obj/project.assets.json</c> that <c>dotnet restore</c> (NuGet format version 3) writes for it.
/// </summary>
internal static class PackageProjects
{
    /// <summary>App references Newtonsoft.Json and Contoso.Helpers; Contoso.Helpers 1.2.0 brings in OpenAI 2.15.0.</summary>
    public const string AppProject = """
        <Project Sdk="Microsoft.NET.Sdk">

          <PropertyGroup>
            <OutputType>Exe</OutputType>
            <TargetFramework>net10.0</TargetFramework>
            <ImplicitUsings>enable</ImplicitUsings>
            <Nullable>enable</Nullable>
          </PropertyGroup>

          <ItemGroup>
            <PackageReference Include="Newtonsoft.Json" Version="13.0.3" />
            <PackageReference Include="Contoso.Helpers" Version="1.2.0" />
          </ItemGroup>

        </Project>
        """;

    public const string CleanSource = """
        namespace App;

        public static class Program
        {
            public static void Main() => System.Console.WriteLine("hello");
        }
        """;

    /// <summary>The restore graph of <see cref="AppProject"/> at <paramref name="projectPath"/>, packages under <paramref name="packageFolder"/>.</summary>
    public static string AppAssets(string projectPath, string packageFolder)
    {
        var project = JsonSerializer.Serialize(projectPath);
        var obj = JsonSerializer.Serialize(Path.Combine(Path.GetDirectoryName(projectPath)!, "obj") + Path.DirectorySeparatorChar);
        var packages = JsonSerializer.Serialize(packageFolder + Path.DirectorySeparatorChar);
        return $$"""
            {
              "version": 3,
              "targets": {
                "net10.0": {
                  "Contoso.Helpers/1.2.0": {
                    "type": "package",
                    "dependencies": {
                      "Newtonsoft.Json": "13.0.1",
                      "OpenAI": "2.15.0"
                    },
                    "compile": { "lib/net8.0/Contoso.Helpers.dll": {} },
                    "runtime": { "lib/net8.0/Contoso.Helpers.dll": {} }
                  },
                  "Newtonsoft.Json/13.0.3": {
                    "type": "package",
                    "compile": { "lib/net6.0/Newtonsoft.Json.dll": { "related": ".xml" } },
                    "runtime": { "lib/net6.0/Newtonsoft.Json.dll": { "related": ".xml" } }
                  },
                  "OpenAI/2.15.0": {
                    "type": "package",
                    "dependencies": {
                      "System.ClientModel": "1.8.0"
                    },
                    "compile": { "lib/net8.0/OpenAI.dll": { "related": ".xml" } },
                    "runtime": { "lib/net8.0/OpenAI.dll": { "related": ".xml" } }
                  },
                  "System.ClientModel/1.8.0": {
                    "type": "package",
                    "dependencies": {
                      "System.Memory.Data": "8.0.1"
                    },
                    "compile": { "lib/net8.0/System.ClientModel.dll": { "related": ".xml" } },
                    "runtime": { "lib/net8.0/System.ClientModel.dll": { "related": ".xml" } }
                  },
                  "System.Memory.Data/8.0.1": {
                    "type": "package",
                    "compile": { "lib/net8.0/System.Memory.Data.dll": { "related": ".xml" } },
                    "runtime": { "lib/net8.0/System.Memory.Data.dll": { "related": ".xml" } }
                  }
                }
              },
              "libraries": {
                "Contoso.Helpers/1.2.0": { "sha512": "q0p2c29udG9zby5oZWxwZXJz", "type": "package", "path": "contoso.helpers/1.2.0", "files": [ "contoso.helpers.1.2.0.nupkg.sha512", "contoso.helpers.nuspec", "lib/net8.0/Contoso.Helpers.dll" ] },
                "Newtonsoft.Json/13.0.3": { "sha512": "HrC5BXdl00IP9zeV+0Z848QWPAoCr9P3bDEZguI+gkLcBKAOxix/tLEAAHC+UvDNPv4a2d18lOReHMOagPa+zQ==", "type": "package", "path": "newtonsoft.json/13.0.3", "files": [ "lib/net6.0/Newtonsoft.Json.dll", "newtonsoft.json.nuspec" ] },
                "OpenAI/2.15.0": { "sha512": "b3BlbmFpLTIuMTUuMA==", "type": "package", "path": "openai/2.15.0", "files": [ "lib/net8.0/OpenAI.dll", "openai.nuspec" ] },
                "System.ClientModel/1.8.0": { "sha512": "c3lzdGVtLmNsaWVudG1vZGVs", "type": "package", "path": "system.clientmodel/1.8.0", "files": [ "lib/net8.0/System.ClientModel.dll", "system.clientmodel.nuspec" ] },
                "System.Memory.Data/8.0.1": { "sha512": "c3lzdGVtLm1lbW9yeS5kYXRh", "type": "package", "path": "system.memory.data/8.0.1", "files": [ "lib/net8.0/System.Memory.Data.dll", "system.memory.data.nuspec" ] }
              },
              "projectFileDependencyGroups": {
                "net10.0": [
                  "Contoso.Helpers >= 1.2.0",
                  "Newtonsoft.Json >= 13.0.3"
                ]
              },
              "packageFolders": {
                {{packages}}: {}
              },
              "project": {
                "version": "1.0.0",
                "restore": {
                  "projectUniqueName": {{project}},
                  "projectName": "App",
                  "projectPath": {{project}},
                  "packagesPath": {{packages}},
                  "outputPath": {{obj}},
                  "projectStyle": "PackageReference",
                  "originalTargetFrameworks": [ "net10.0" ],
                  "sources": { "https://api.nuget.org/v3/index.json": {} },
                  "frameworks": {
                    "net10.0": { "targetAlias": "net10.0", "projectReferences": {} }
                  },
                  "warningProperties": { "warnAsError": [ "NU1605" ] }
                },
                "frameworks": {
                  "net10.0": {
                    "targetAlias": "net10.0",
                    "dependencies": {
                      "Contoso.Helpers": { "target": "Package", "version": "[1.2.0, )" },
                      "Newtonsoft.Json": { "target": "Package", "version": "[13.0.3, )" }
                    },
                    "imports": [ "net461", "net462", "net47", "net471", "net472", "net48", "net481" ],
                    "assetTargetFallback": true,
                    "warn": true,
                    "frameworkReferences": { "Microsoft.NETCore.App": { "privateAssets": "all" } },
                    "runtimeIdentifierGraphPath": "/usr/share/dotnet/sdk/10.0.100/PortableRuntimeIdentifierGraph.json"
                  }
                }
              }
            }
            """;
    }

    /// <summary>Writes App (project, source, restore graph) under <paramref name="relativeDirectory"/>; returns the project's full path.</summary>
    public static string WriteRestoredApp(TempDirectory dir, string relativeDirectory = "repo/App")
    {
        var projectPath = dir.Write($"{relativeDirectory}/App.csproj", AppProject);
        dir.Write($"{relativeDirectory}/Program.cs", CleanSource);
        dir.Write($"{relativeDirectory}/obj/project.assets.json", AppAssets(projectPath, Path.Combine(dir.Path, "nuget-packages")));
        return projectPath;
    }

    /// <summary>The 1-based line of the first line of <paramref name="text"/> containing <paramref name="fragment"/>.</summary>
    public static int LineOf(string text, string fragment)
    {
        var lines = text.Split('\n');
        var index = Array.FindIndex(lines, l => l.Contains(fragment, StringComparison.Ordinal));
        Assert.True(index >= 0, $"'{fragment}' is not in the text");
        return index + 1;
    }

    /// <summary>The table's text with its borders removed and whitespace collapsed, so a wrapped message reads whole.</summary>
    public static string Flatten(string table)
    {
        var text = new string(table.Select(c => "│─╭╮╰╯├┤┼┬┴".Contains(c) ? ' ' : c).ToArray());
        return string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }
}
