using Microsoft.CodeAnalysis;

namespace CodeLeakGuard.Masking.Tests;

/// <summary>The running runtime's assemblies (TRUSTED_PLATFORM_ASSEMBLIES) as compilation references.</summary>
internal static class TrustedPlatformReferences
{
    public static IReadOnlyList<MetadataReference> All { get; } =
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "netstandard.dll" or "mscorlib.dll" or "Microsoft.CSharp.dll")
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToList();
}
