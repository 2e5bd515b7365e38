using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis.CSharp;

namespace CodeLeakGuard.Masking.Identifiers;

/// <summary>
/// Names the masker never touches: C# keywords and contextual keywords (<c>var</c>, <c>value</c>, <c>nameof</c>,
/// <c>field</c>, ...), the keywords of the other C-family languages, and member names the compiler binds by pattern (a renamed <c>GetEnumerator</c> breaks
/// <c>foreach</c>, a renamed <c>Deconstruct</c> breaks deconstruction), which are kept even when the code declares them.
/// </summary>
internal static class LanguageWords
{
    // Unfenced code in a prompt is masked as C# when it looks like C-family code (see Markdown/UnfencedCode), so the
    // keywords of its neighbours (JavaScript, TypeScript, Java, Kotlin, Go, Rust) stay too: generic words, never a
    // company's names, and a prompt whose `function` or `import` turned into a pseudonym would be hard to read.
    private static readonly string[] OtherCFamilyKeywords =
    {
        "function", "let", "import", "export", "from", "require", "module", "exports", "extends", "implements", "super", "instanceof",
        "undefined", "constructor", "type", "declare", "keyof", "boolean", "number", "any", "unknown", "never", "readonly", "package",
        "final", "throws", "synchronized", "transient", "native", "val", "fun", "func", "go", "defer", "chan", "fn", "impl", "pub", "mut",
        "self", "Self", "crate", "trait", "match", "loop", "elif", "def", "console", "window", "document",
    };

    private static readonly HashSet<string> Keywords = new(
        SyntaxFacts.GetKeywordKinds().Concat(SyntaxFacts.GetContextualKeywordKinds()).Select(SyntaxFacts.GetText)
            .Concat(new[]
            {
                // Contextual words some Roslyn versions do not list, or list only as token kinds of newer language versions.
                "var", "dynamic", "value", "nameof", "args", "_", "global", "field", "extension", "allows", "scoped", "file", "required",
                "notnull", "unmanaged", "managed", "record", "init", "with", "when", "and", "or", "not", "alias",
                "Cdecl", "Stdcall", "Thiscall", "Fastcall", "SuppressGCTransition",
            })
            .Concat(OtherCFamilyKeywords),
        StringComparer.Ordinal);

    private static readonly HashSet<string> Patterns = new(StringComparer.Ordinal)
    {
        "GetEnumerator", "GetAsyncEnumerator", "MoveNext", "MoveNextAsync", "Current", "Dispose", "DisposeAsync", "GetAwaiter", "IsCompleted",
        "GetResult", "OnCompleted", "UnsafeOnCompleted", "Deconstruct", "Add", "Select", "SelectMany", "Where", "OrderBy", "OrderByDescending",
        "ThenBy", "ThenByDescending", "GroupBy", "Join", "GroupJoin", "Cast", "Slice", "Length", "Count", "Item", "GetPinnableReference",
        "Main", "PrintMembers", "EqualityContract", "Equals", "GetHashCode", "ToString", "Finalize", "AppendLiteral", "AppendFormatted",
        "Invoke", "BeginInvoke", "EndInvoke", "Create", "Value", "HasValue", "GetValueOrDefault",
    };

    public static bool IsKeyword(string name) => Keywords.Contains(name);

    /// <summary>A member name the compiler looks up by name: kept even when user code declares it.</summary>
    public static bool IsPatternName(string name) => Patterns.Contains(name);
}
