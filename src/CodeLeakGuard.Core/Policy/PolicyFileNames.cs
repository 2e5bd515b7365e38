using System;
using System.IO;

namespace CodeLeakGuard.Policy;

/// <summary>How every part recognises a policy file: <c>codeleakguard.policy</c>, or any <c>*.clgpolicy</c>.</summary>
public static class PolicyFileNames
{
    public const string DefaultFileName = "codeleakguard.policy";
    public const string Extension = ".clgpolicy";

    public static bool IsPolicyFile(string path)
    {
        var name = Path.GetFileName(path);
        return string.Equals(name, DefaultFileName, StringComparison.OrdinalIgnoreCase)
            || name.EndsWith(Extension, StringComparison.OrdinalIgnoreCase);
    }
}
