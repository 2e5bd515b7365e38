namespace CodeLeakGuard.Masking.Proprietary;

/// <summary>What is sent in place of withheld code: valid C# that says it was withheld and carries the session marker.</summary>
internal static class WithheldText
{
    public static string Body(string marker) => "{ throw new global::System.NotSupportedException(\"" + marker + "\"); }";

    public static string Arrow(string marker) => "=> throw new global::System.NotSupportedException(\"" + marker + "\")";

    public static string Statement(string marker) => "throw new global::System.NotSupportedException(\"" + marker + "\");";

    public static string Comment(string marker) => "/* " + marker + " */";

    public const string DefaultValue = "default";
}
