using System;
using System.CommandLine;
using CodeLeakGuard.Masking;

namespace CodeLeakGuard.Cli.MaskingIO;

/// <summary><c>--kind csharp|markdown|text</c>: how to read inputs whose extension does not say.</summary>
internal static class KindOption
{
    public static Option<string?> Create(string description)
    {
        var option = new Option<string?>("--kind") { Description = description, HelpName = "csharp|markdown|text" };
        option.AcceptOnlyFromAmong(StringComparer.OrdinalIgnoreCase, "csharp", "markdown", "text");
        return option;
    }

    public static MaskKind? Parse(string? value) => value?.ToLowerInvariant() switch
    {
        "csharp" => MaskKind.CSharp,
        "markdown" => MaskKind.Markdown,
        "text" => MaskKind.PlainText,
        _ => null,
    };
}
