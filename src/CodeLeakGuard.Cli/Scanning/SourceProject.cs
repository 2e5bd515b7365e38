using System.Collections.Generic;

namespace CodeLeakGuard.Cli.Scanning;

/// <summary>
/// The .cs files that become one compilation: those under the directory of one project file, or the files under the
/// scanned root that belong to no project (<see cref="ProjectFile"/> null).
/// </summary>
internal sealed record SourceProject(string Name, string Directory, string? ProjectFile, IReadOnlyList<string> Files, bool ImplicitUsings);
