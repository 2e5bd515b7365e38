using System;
using System.Collections.Generic;
using CodeLeakGuard.Masking.Identifiers;
using CodeLeakGuard.Masking.Session;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CodeLeakGuard.Masking.CSharp;

/// <summary>
/// Guesses, from the token stream alone, what each identifier is: declared (a class, a method, a parameter) or used
/// (a type, a member). Roles only shape pseudonyms (<c>Class2</c> rather than <c>Name2</c>) and decide which
/// declared names may keep a framework name; whether a name is masked never depends on a guess being right, so the
/// classifier can stay simple and fast (no syntax tree, one pass).
/// </summary>
internal sealed class RoleClassifier
{
    private enum Block
    {
        Namespace,
        Type,
        Enum,
        Body,
        Initializer,
    }

    private readonly FactsCollector _facts;
    private readonly Stack<(Block Kind, string? TypeName, int ParenDepth, int BracketDepth)> _blocks = new();
    private CodeTokens _tokens = new();
    private string _source = string.Empty;
    private SyntaxKind[] _kinds = Array.Empty<SyntaxKind>();
    private NameFacts?[] _names = Array.Empty<NameFacts?>();
    private int _count;
    private Block _block = Block.Namespace;
    private string? _typeName;
    private int _parenDepth;
    private int _bracketDepth;

    // The declaration header since the last ';', '{' or '}' at this level.
    private string? _header;
    private bool _usingStatic;
    private bool _inConstraint;
    private string? _declaredTypeName;
    private bool _pendingTypeParameters;
    private int _typeParameterDepth;

    public RoleClassifier(FactsCollector facts)
    {
        _facts = facts;
    }

    /// <summary>
    /// Classifies the identifiers of <paramref name="tokens"/> (significant tokens in order) and leaves the facts of
    /// each identifier token in <paramref name="names"/> at its index (other entries are left null).
    /// </summary>
    /// <param name="source">The text the tokens were lexed from.</param>
    public void Run(CodeTokens tokens, string source, NameFacts?[] names, bool inBody = false)
    {
        if (names.Length < tokens.Count)
        {
            throw new ArgumentException("one entry per token is needed", nameof(names));
        }

        _tokens = tokens;
        _source = source;
        _block = inBody ? Block.Body : Block.Namespace;
        _count = tokens.Count;
        _kinds = System.Buffers.ArrayPool<SyntaxKind>.Shared.Rent(_count);
        _names = names;
        try
        {
            Classify(tokens);
        }
        finally
        {
            _tokens = new CodeTokens();
            _source = string.Empty;
            System.Buffers.ArrayPool<SyntaxKind>.Shared.Return(_kinds);
            _kinds = Array.Empty<SyntaxKind>();
            _names = Array.Empty<NameFacts?>();
        }
    }

    /// <summary>Classifies a code fragment (the holes of an interpolated string) as statements in a body.</summary>
    public static void RunFragment(FactsCollector facts, CodeTokens tokens, string source)
    {
        var names = System.Buffers.ArrayPool<NameFacts?>.Shared.Rent(tokens.Count);
        try
        {
            new RoleClassifier(facts).Run(tokens, source, names, inBody: true);
        }
        finally
        {
            System.Buffers.ArrayPool<NameFacts?>.Shared.Return(names, clearArray: true);
        }
    }

    private void Classify(CodeTokens tokens)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            ref readonly var token = ref tokens[i];
            _kinds[i] = token.Kind;
            if (token.Kind == SyntaxKind.IdentifierToken)
            {
                var start = token.NameStart(_source);
                _names[i] = _facts.Get(_source, start, token.End - start);
            }
            else
            {
                _names[i] = null;
            }
        }

        for (var i = 0; i < tokens.Count; i++)
        {
            switch (_kinds[i])
            {
                case SyntaxKind.IdentifierToken:
                    Identifier(i);
                    break;
                case SyntaxKind.OpenBraceToken:
                    OpenBrace(i);
                    break;
                case SyntaxKind.CloseBraceToken:
                    CloseBrace();
                    break;
                case SyntaxKind.SemicolonToken when _parenDepth == 0:
                    ResetHeader();
                    break;
                case SyntaxKind.OpenParenToken:
                    _parenDepth++;
                    break;
                case SyntaxKind.CloseParenToken:
                    _parenDepth = Math.Max(0, _parenDepth - 1);
                    break;
                case SyntaxKind.OpenBracketToken:
                    _bracketDepth++;
                    break;
                case SyntaxKind.CloseBracketToken:
                    _bracketDepth = Math.Max(0, _bracketDepth - 1);
                    break;
                case SyntaxKind.LessThanToken when _pendingTypeParameters || _typeParameterDepth > 0:
                    _typeParameterDepth++;
                    _pendingTypeParameters = false;
                    break;
                case SyntaxKind.GreaterThanToken when _typeParameterDepth > 0:
                    _typeParameterDepth--;
                    break;
                case SyntaxKind.NamespaceKeyword or SyntaxKind.ClassKeyword or SyntaxKind.StructKeyword or SyntaxKind.InterfaceKeyword
                    or SyntaxKind.EnumKeyword or SyntaxKind.DelegateKeyword or SyntaxKind.EventKeyword when _parenDepth == 0 && !_inConstraint:
                    var keyword = SyntaxFacts.GetText(_kinds[i]);
                    _header = _header is "record" ? _header + " " + keyword : _header ?? keyword;
                    break;
                case SyntaxKind.UsingKeyword when _parenDepth == 0 && _header is null && IsUsingDirective(i):
                    _header = "using";
                    break;
                case SyntaxKind.StaticKeyword when _header == "using":
                    _usingStatic = true;
                    break;
            }
        }
    }

    private void Identifier(int i)
    {
        var facts = _names[i]!;
        var name = facts.Name;
        var previous = Kind(i - 1);
        var next = Kind(i + 1);
        var previousText = PreviousText(i);

        if (name == "record" && _parenDepth == 0 && _header is null && next is SyntaxKind.IdentifierToken or SyntaxKind.ClassKeyword or SyntaxKind.StructKeyword)
        {
            _header = "record";
            return;
        }

        if (name == "where" && _header is not null)
        {
            _inConstraint = true;
            return;
        }

        if (facts.IsKeyword && name is not ("value" or "args"))
        {
            return;
        }

        if (_header == "namespace" && _parenDepth == 0)
        {
            facts.Declare(PseudonymRole.Namespace);
            return;
        }

        if (_header == "using")
        {
            if (next == SyntaxKind.EqualsToken)
            {
                facts.Declare(PseudonymRole.Class);
            }
            else
            {
                facts.Reference(next == SyntaxKind.DotToken || !_usingStatic ? PseudonymRole.Namespace : TypeRole(name));
            }

            return;
        }

        if (_declaredTypeName is null && _header is not null && _parenDepth == 0 && IsTypeKeyword(previous, previousText))
        {
            facts.Declare(_header switch
            {
                "class" or "record" or "record class" => PseudonymRole.Class,
                "struct" or "record struct" => PseudonymRole.Struct,
                "interface" => PseudonymRole.Interface,
                "enum" => PseudonymRole.Enum,
                _ => PseudonymRole.Class,
            });
            _declaredTypeName = name;
            ExpectTypeParameters(i);
            return;
        }

        if (_typeParameterDepth == 1 && previous is SyntaxKind.LessThanToken or SyntaxKind.CommaToken or SyntaxKind.InKeyword or SyntaxKind.OutKeyword)
        {
            facts.Declare(PseudonymRole.TypeParam);
            return;
        }

        if (_inConstraint)
        {
            if (previous == SyntaxKind.IdentifierToken && previousText == "where")
            {
                facts.Reference(PseudonymRole.TypeParam);
            }
            else
            {
                facts.UseAsType(TypeRole(name));
            }

            return;
        }

        if (_block == Block.Enum && previous is SyntaxKind.OpenBraceToken or SyntaxKind.CommaToken)
        {
            facts.Declare(PseudonymRole.EnumMember);
            return;
        }

        if (_bracketDepth > 0 && _parenDepth == 0 && _block is Block.Type or Block.Namespace && previous is SyntaxKind.OpenBracketToken or SyntaxKind.CommaToken or SyntaxKind.ColonToken or SyntaxKind.DotToken)
        {
            facts.UseAsType(PseudonymRole.Class); // an attribute
            return;
        }

        if (next == SyntaxKind.OpenParenToken || (next == SyntaxKind.LessThanToken && GenericArgumentsThen(i + 1, SyntaxKind.OpenParenToken)))
        {
            Invocation(i, name, facts, previous, previousText);
            return;
        }

        if (_block == Block.Type && _parenDepth == 0)
        {
            Member(i, name, facts, previous, next);
            return;
        }

        if (_parenDepth > 0 && IsTypeish(i - 1) && (Kind(i - 2) is SyntaxKind.OutKeyword || PreviousText(i) == "var"))
        {
            facts.Declare(PseudonymRole.Local); // out var x, (var a, var b)
            return;
        }

        if (_parenDepth > 0 && IsTypeish(i - 1) && next is SyntaxKind.CommaToken or SyntaxKind.CloseParenToken or SyntaxKind.EqualsToken)
        {
            facts.Declare(_header is "record" or "record class" or "record struct" && char.IsUpper(name[0]) ? PseudonymRole.Property : PseudonymRole.Param);
            return;
        }

        if (next == SyntaxKind.EqualsGreaterThanToken)
        {
            facts.Declare(PseudonymRole.Param);
            return;
        }

        if (previous == SyntaxKind.CloseParenToken && next == SyntaxKind.EqualsGreaterThanToken)
        {
            return;
        }

        if (_block is Block.Body or Block.Namespace && Statement(i, facts, previous, next))
        {
            return;
        }

        if (_block == Block.Initializer && next == SyntaxKind.EqualsToken && previous is SyntaxKind.OpenBraceToken or SyntaxKind.CommaToken)
        {
            facts.Reference(PseudonymRole.Property);
            return;
        }

        Reference(i, name, facts, previous, next);
    }

    private void Invocation(int i, string name, NameFacts facts, SyntaxKind previous, string previousText)
    {
        if (previous == SyntaxKind.NewKeyword)
        {
            facts.UseAsType(TypeRole(name));
        }
        else if (_header == "delegate")
        {
            facts.Declare(PseudonymRole.Delegate);
            ExpectTypeParameters(i);
        }
        else if ((_block == Block.Type && _parenDepth == 0) || (_block == Block.Body && IsTypeish(i - 1) && previousText is not ("await" or "return")))
        {
            if (name != _typeName)
            {
                facts.Declare(PseudonymRole.Method);
                ExpectTypeParameters(i);
            }
        }
        else
        {
            facts.Reference(PseudonymRole.Method);
        }
    }

    private void Member(int i, string name, NameFacts facts, SyntaxKind previous, SyntaxKind next)
    {
        var isEvent = _header == "event";
        if (next is SyntaxKind.OpenBraceToken or SyntaxKind.EqualsGreaterThanToken && (IsTypeish(i - 1) || previous == SyntaxKind.DotToken))
        {
            facts.Declare(isEvent ? PseudonymRole.Event : PseudonymRole.Property);
        }
        else if (next is SyntaxKind.SemicolonToken or SyntaxKind.EqualsToken or SyntaxKind.CommaToken && IsTypeish(i - 1))
        {
            facts.Declare(isEvent ? PseudonymRole.Event : PseudonymRole.Field);
        }
        else
        {
            Reference(i, name, facts, previous, next);
        }
    }

    private bool Statement(int i, NameFacts facts, SyntaxKind previous, SyntaxKind next)
    {
        var previousText = PreviousText(i);
        if (IsTypeish(i - 1) && previousText is not ("await" or "yield") && next is SyntaxKind.EqualsToken or SyntaxKind.SemicolonToken or SyntaxKind.CommaToken or SyntaxKind.InKeyword or SyntaxKind.CloseParenToken)
        {
            facts.Declare(PseudonymRole.Local);
            return true;
        }

        if (next == SyntaxKind.ColonToken && previous is SyntaxKind.SemicolonToken or SyntaxKind.OpenBraceToken or SyntaxKind.CloseBraceToken && Kind(i + 2) != SyntaxKind.ColonToken)
        {
            facts.Declare(PseudonymRole.Label);
            return true;
        }

        if (previous == SyntaxKind.GotoKeyword)
        {
            facts.Reference(PseudonymRole.Label);
            return true;
        }

        if (next == SyntaxKind.ColonToken && previous is SyntaxKind.OpenParenToken or SyntaxKind.CommaToken)
        {
            facts.Reference(PseudonymRole.Param); // a named argument
            return true;
        }

        return false;
    }

    private void Reference(int i, string name, NameFacts facts, SyntaxKind previous, SyntaxKind next)
    {
        if (previous == SyntaxKind.DotToken)
        {
            facts.Reference(next == SyntaxKind.DotToken ? TypeRole(name) : PseudonymRole.Property);
        }
        else if (next == SyntaxKind.IdentifierToken || IsTypeContext(previous) || (next == SyntaxKind.LessThanToken && GenericArgumentsThen(i + 1, SyntaxKind.IdentifierToken)))
        {
            facts.UseAsType(TypeRole(name));
        }
        else if (name[0] == '_')
        {
            facts.Reference(PseudonymRole.Field);
        }
        else if (char.IsUpper(name[0]) && next == SyntaxKind.DotToken)
        {
            facts.UseAsType(TypeRole(name)); // Money.Zero(...), Guard.NotNull(...): the start of a member access is usually a type
        }
        else if (char.IsUpper(name[0]))
        {
            facts.Reference(PseudonymRole.Property);
        }
        else
        {
            facts.Reference(PseudonymRole.Local);
        }
    }

    private void OpenBrace(int i)
    {
        _blocks.Push((_block, _typeName, _parenDepth, _bracketDepth));
        var previous = Kind(i - 1);
        if (_header is "class" or "struct" or "interface" or "record" or "record class" or "record struct")
        {
            _block = Block.Type;
            _typeName = _declaredTypeName;
        }
        else if (_header == "enum")
        {
            _block = Block.Enum;
        }
        else if (_header == "namespace")
        {
            _block = Block.Namespace;
        }
        else if (_block is Block.Body or Block.Initializer && previous is SyntaxKind.EqualsToken or SyntaxKind.CommaToken or SyntaxKind.OpenParenToken
                     or SyntaxKind.OpenBraceToken or SyntaxKind.ReturnKeyword or SyntaxKind.OpenBracketToken || RecentNew(i))
        {
            _block = Block.Initializer;
        }
        else
        {
            _block = Block.Body;
        }

        _parenDepth = 0;
        _bracketDepth = 0;
        ResetHeader();
    }

    private void CloseBrace()
    {
        if (_blocks.Count > 0)
        {
            (_block, _typeName, _parenDepth, _bracketDepth) = _blocks.Pop();
        }

        ResetHeader();
    }

    private void ResetHeader()
    {
        _header = null;
        _usingStatic = false;
        _inConstraint = false;
        _declaredTypeName = null;
        _pendingTypeParameters = false;
        _typeParameterDepth = 0;
    }

    // The '<' right after a declared type, method or delegate name opens its type parameter list.
    private void ExpectTypeParameters(int i) => _pendingTypeParameters = Kind(i + 1) == SyntaxKind.LessThanToken;

    // The text of the token before an identifier, as far as the rules read it: they compare it with contextual
    // words only ("record", "where", "var", "await", "yield"; "return" comes after a test no keyword passes), which
    // lex as identifiers, so other tokens' text (a keyword's is looked up by kind) is never needed.
    // A verbatim identifier (@record) is never one of those words.
    private string PreviousText(int i) =>
        i > 0 && _kinds[i - 1] == SyntaxKind.IdentifierToken && _source[_tokens[i - 1].Start] != '@' ? _names[i - 1]!.Name : string.Empty;

    private SyntaxKind Kind(int index) => index >= 0 && index < _count ? _kinds[index] : SyntaxKind.None;

    private bool IsTypeish(int index)
    {
        var kind = Kind(index);
        return kind switch
        {
            SyntaxKind.IdentifierToken => !_names[index]!.IsKeyword || _names[index]!.Name is "var" or "dynamic",
            SyntaxKind.GreaterThanToken or SyntaxKind.CloseBracketToken or SyntaxKind.QuestionToken or SyntaxKind.AsteriskToken => true,
            _ => SyntaxFacts.IsPredefinedType(kind),
        };
    }

    private static bool IsTypeKeyword(SyntaxKind previous, string previousText) =>
        previous is SyntaxKind.ClassKeyword or SyntaxKind.StructKeyword or SyntaxKind.InterfaceKeyword or SyntaxKind.EnumKeyword
        || (previous == SyntaxKind.IdentifierToken && previousText == "record");

    private static bool IsTypeContext(SyntaxKind previous) =>
        previous is SyntaxKind.NewKeyword or SyntaxKind.IsKeyword or SyntaxKind.AsKeyword or SyntaxKind.TypeOfKeyword or SyntaxKind.LessThanToken
            or SyntaxKind.EventKeyword or SyntaxKind.ConstKeyword or SyntaxKind.ReadOnlyKeyword or SyntaxKind.StaticKeyword or SyntaxKind.PublicKeyword
            or SyntaxKind.PrivateKeyword or SyntaxKind.ProtectedKeyword or SyntaxKind.InternalKeyword or SyntaxKind.VirtualKeyword or SyntaxKind.OverrideKeyword
            or SyntaxKind.AbstractKeyword or SyntaxKind.SealedKeyword or SyntaxKind.ParamsKeyword or SyntaxKind.RefKeyword or SyntaxKind.OutKeyword
            or SyntaxKind.ThisKeyword or SyntaxKind.ColonToken;

    private static PseudonymRole TypeRole(string name) =>
        name.Length > 1 && name[0] == 'I' && char.IsUpper(name[1]) ? PseudonymRole.Interface : PseudonymRole.Class;

    // '<' at index: balanced type arguments, then the expected token.
    private bool GenericArgumentsThen(int index, SyntaxKind expected)
    {
        var depth = 0;
        for (var j = index; j < _count && j < index + 40; j++)
        {
            switch (Kind(j))
            {
                case SyntaxKind.LessThanToken:
                    depth++;
                    break;
                case SyntaxKind.GreaterThanToken:
                    if (--depth == 0)
                    {
                        var after = Kind(j + 1);
                        return after == expected || (expected == SyntaxKind.IdentifierToken && after == SyntaxKind.QuestionToken);
                    }

                    break;
                case SyntaxKind.IdentifierToken or SyntaxKind.DotToken or SyntaxKind.CommaToken or SyntaxKind.QuestionToken
                    or SyntaxKind.OpenBracketToken or SyntaxKind.CloseBracketToken or SyntaxKind.OpenParenToken or SyntaxKind.CloseParenToken:
                    break;
                default:
                    if (!SyntaxFacts.IsPredefinedType(Kind(j)))
                    {
                        return false;
                    }

                    break;
            }
        }

        return false;
    }

    private bool RecentNew(int braceIndex)
    {
        for (var j = braceIndex - 1; j >= 0 && j >= braceIndex - 12; j--)
        {
            switch (Kind(j))
            {
                case SyntaxKind.NewKeyword:
                    return true;
                case SyntaxKind.SemicolonToken or SyntaxKind.OpenBraceToken or SyntaxKind.CloseBraceToken or SyntaxKind.EqualsGreaterThanToken:
                    return false;
            }
        }

        return false;
    }

    private bool IsUsingDirective(int usingIndex)
    {
        var j = usingIndex + 1;
        if (Kind(j) == SyntaxKind.StaticKeyword)
        {
            j++;
        }

        if (Kind(j) == SyntaxKind.IdentifierToken && Kind(j + 1) == SyntaxKind.EqualsToken)
        {
            return true;
        }

        while (Kind(j) == SyntaxKind.IdentifierToken)
        {
            j++;
            if (Kind(j) == SyntaxKind.SemicolonToken)
            {
                return true;
            }

            if (Kind(j) != SyntaxKind.DotToken)
            {
                return false;
            }

            j++;
        }

        return false;
    }

    /// <summary>The key a name is masked under: the identifier as written, without a verbatim <c>@</c>.</summary>
    public static string NameOf(SyntaxToken identifier)
    {
        var text = identifier.Text;
        return text.Length > 1 && text[0] == '@' ? text.Substring(1) : text;
    }

    /// <summary>As <see cref="NameOf(SyntaxToken)"/>, for an identifier of code lexed from <paramref name="source"/>.</summary>
    public static string NameOf(string source, in CodeToken identifier)
    {
        var start = identifier.NameStart(source);
        return source.Substring(start, identifier.End - start);
    }
}
